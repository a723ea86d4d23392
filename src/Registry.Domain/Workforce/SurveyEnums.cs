namespace Registry.Domain.Workforce;

/// <summary>When the workforce questions were asked: after an application, after a renewal, or by the yearly retention pulse.</summary>
public enum SurveyOccasion
{
    Application,
    Renewal,
    AnnualPulse,
}

/// <summary>
/// Race and ethnicity in the categories of OMB Statistical Policy Directive 15 (2024); several may be chosen.
/// <see cref="PreferNotToSay"/> stands alone.
/// </summary>
[Flags]
public enum RaceEthnicity
{
    None = 0,
    AmericanIndianOrAlaskaNative = 1,
    Asian = 2,
    BlackOrAfricanAmerican = 4,
    HispanicOrLatino = 8,
    MiddleEasternOrNorthAfrican = 16,
    NativeHawaiianOrPacificIslander = 32,
    White = 64,
    PreferNotToSay = 1 << 30,
}

/// <summary>Gender, as the person describes it.</summary>
public enum GenderAnswer
{
    Woman,
    Man,
    NonBinary,
    AnotherGender,
    PreferNotToSay,
}

/// <summary>Languages the person uses in their services; several may be chosen. <see cref="PreferNotToSay"/> stands alone.</summary>
[Flags]
public enum ServiceLanguages
{
    None = 0,
    English = 1,
    Spanish = 2,
    Chinese = 4,
    Vietnamese = 8,
    Tagalog = 16,
    Arabic = 32,
    Korean = 64,
    Russian = 128,
    FrenchOrHaitianCreole = 256,
    AmericanSignLanguage = 512,
    Other = 1024,
    PreferNotToSay = 1 << 30,
}

public enum VeteranAnswer
{
    Veteran,
    NotVeteran,
    PreferNotToSay,
}

public enum EducationLevel
{
    LessThanHighSchool,
    HighSchoolOrEquivalent,
    SomeCollege,
    AssociateDegree,
    BachelorsDegree,
    GraduateDegree,
    PreferNotToSay,
}

/// <summary>Whether the person works in a peer role, in another role, or is not working.</summary>
public enum EmploymentAnswer
{
    PeerRole,
    OtherRole,
    NotWorking,
    PreferNotToSay,
}

public enum PracticeSetting
{
    CommunityMentalHealth,
    SubstanceUseTreatment,
    HospitalOrEmergencyDepartment,
    Crisis,
    Justice,
    RecoveryCommunityOrganization,
    PeerRun,
    School,
    Other,
    PreferNotToSay,
}

/// <summary>The ISO 639 codes of <see cref="ServiceLanguages"/>, for counts that are exchanged with others.</summary>
public static class ServiceLanguageCodes
{
    public static string Code(ServiceLanguages language) => language switch
    {
        ServiceLanguages.English => "en",
        ServiceLanguages.Spanish => "es",
        ServiceLanguages.Chinese => "zh",
        ServiceLanguages.Vietnamese => "vi",
        ServiceLanguages.Tagalog => "tl",
        ServiceLanguages.Arabic => "ar",
        ServiceLanguages.Korean => "ko",
        ServiceLanguages.Russian => "ru",
        ServiceLanguages.FrenchOrHaitianCreole => "fr/ht",
        ServiceLanguages.AmericanSignLanguage => "ase",
        ServiceLanguages.Other => "mis",
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "One language, not a set or prefer not to say."),
    };
}
