using Registry.Domain.Common;
using Registry.Domain.Jurisdictions;

namespace Registry.Domain.Workforce;

/// <summary>
/// The answers to the voluntary workforce questions (the workforce minimum data set). Every answer is optional:
/// null means skipped or not asked; each question also has an explicit "prefer not to say" (for county and hours,
/// <see cref="CountyDeclined"/> and <see cref="HoursDeclined"/>).
/// </summary>
public sealed record WorkforceAnswers
{
    public RaceEthnicity? RaceEthnicity { get; init; }
    public GenderAnswer? Gender { get; init; }
    public ServiceLanguages? Languages { get; init; }
    public VeteranAnswer? Veteran { get; init; }
    public EducationLevel? Education { get; init; }
    public EmploymentAnswer? Employment { get; init; }
    public PracticeSetting? Setting { get; init; }
    public CountyCode? CountyOfPractice { get; init; }
    public bool CountyDeclined { get; init; }
    public int? HoursPerWeek { get; init; }
    public bool HoursDeclined { get; init; }

    /// <summary>Whether only the three employment questions of the retention pulse are answered.</summary>
    public bool OnlyEmploymentQuestions =>
        RaceEthnicity is null && Gender is null && Languages is null && Veteran is null && Education is null
        && CountyOfPractice is null && !CountyDeclined;
}

/// <summary>
/// One occasion on which a person answered the voluntary workforce questions, for the program they were asked for:
/// after an application or a renewal, or by the yearly retention pulse (the employment questions only). Answers are
/// private: states see them only in counts, never employers or the public.
/// </summary>
public sealed class WorkforceSurveyResponse
{
    public const int MaxHoursPerWeek = 80;

    private WorkforceSurveyResponse() { }

    public WorkforceSurveyResponse(Guid personId, StateCode stateCode, Guid programId, SurveyOccasion occasion,
        Guid? applicationId, Guid? credentialId, WorkforceAnswers answers, DateOnly answeredOn, DateTimeOffset answeredAt)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (occasion == SurveyOccasion.AnnualPulse && !answers.OnlyEmploymentQuestions)
            throw new DomainRuleException("The yearly retention questions ask only about peer work, its setting and its hours.");
        if (occasion != SurveyOccasion.AnnualPulse && applicationId is null)
            throw new DomainRuleException("Answers given with an application or renewal name it.");
        Check(answers);
        Id = Guid.CreateVersion7();
        PersonId = personId;
        StateCode = stateCode;
        ProgramId = programId;
        Occasion = occasion;
        ApplicationId = applicationId;
        CredentialId = credentialId;
        AnsweredOn = answeredOn;
        AnsweredAt = answeredAt;
        Apply(answers);
    }

    public Guid Id { get; private set; }
    public Guid PersonId { get; private set; }
    public StateCode StateCode { get; private set; }
    public Guid ProgramId { get; private set; }
    public Guid? ApplicationId { get; private set; }
    public Guid? CredentialId { get; private set; }
    public SurveyOccasion Occasion { get; private set; }

    /// <summary>The day answered, in the state's time zone.</summary>
    public DateOnly AnsweredOn { get; private set; }
    public DateTimeOffset AnsweredAt { get; private set; }

    [PrivateData] public RaceEthnicity? RaceEthnicity { get; private set; }
    [PrivateData] public GenderAnswer? Gender { get; private set; }
    [PrivateData] public ServiceLanguages? Languages { get; private set; }
    [PrivateData] public VeteranAnswer? Veteran { get; private set; }
    [PrivateData] public EducationLevel? Education { get; private set; }
    [PrivateData] public EmploymentAnswer? Employment { get; private set; }
    [PrivateData] public PracticeSetting? Setting { get; private set; }
    [PrivateData] public CountyCode? CountyOfPractice { get; private set; }
    [PrivateData] public bool CountyDeclined { get; private set; }
    [PrivateData] public int? HoursPerWeek { get; private set; }
    [PrivateData] public bool HoursDeclined { get; private set; }

    /// <summary>The answers as given, to show them back to the person who gave them.</summary>
    public WorkforceAnswers Answers => new()
    {
        RaceEthnicity = RaceEthnicity, Gender = Gender, Languages = Languages, Veteran = Veteran, Education = Education,
        Employment = Employment, Setting = Setting, CountyOfPractice = CountyOfPractice, CountyDeclined = CountyDeclined,
        HoursPerWeek = HoursPerWeek, HoursDeclined = HoursDeclined,
    };

    /// <summary>The person changes their answers for the same occasion (answering the page again replaces them).</summary>
    public void Replace(WorkforceAnswers answers, DateOnly answeredOn, DateTimeOffset answeredAt)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (Occasion == SurveyOccasion.AnnualPulse && !answers.OnlyEmploymentQuestions)
            throw new DomainRuleException("The yearly retention questions ask only about peer work, its setting and its hours.");
        Check(answers);
        Apply(answers);
        AnsweredOn = answeredOn;
        AnsweredAt = answeredAt;
    }

    private void Apply(WorkforceAnswers answers)
    {
        RaceEthnicity = answers.RaceEthnicity;
        Gender = answers.Gender;
        Languages = answers.Languages;
        Veteran = answers.Veteran;
        Education = answers.Education;
        Employment = answers.Employment;
        Setting = answers.Setting;
        CountyOfPractice = answers.CountyOfPractice;
        CountyDeclined = answers.CountyDeclined;
        HoursPerWeek = answers.HoursPerWeek;
        HoursDeclined = answers.HoursDeclined;
    }

    private static void Check(WorkforceAnswers answers)
    {
        if (answers.RaceEthnicity is { } race && (race == Workforce.RaceEthnicity.None
            || race.HasFlag(Workforce.RaceEthnicity.PreferNotToSay) && race != Workforce.RaceEthnicity.PreferNotToSay))
            throw new DomainRuleException("Choose one or more races and ethnicities, or prefer not to say on its own.");
        if (answers.Languages is { } languages && (languages == ServiceLanguages.None
            || languages.HasFlag(ServiceLanguages.PreferNotToSay) && languages != ServiceLanguages.PreferNotToSay))
            throw new DomainRuleException("Choose one or more languages, or prefer not to say on its own.");
        if (answers.CountyOfPractice is not null && answers.CountyDeclined)
            throw new DomainRuleException("Choose a county or prefer not to say, not both.");
        if (answers.HoursPerWeek is { } hours && (hours < 0 || hours > MaxHoursPerWeek))
            throw new DomainRuleException($"Hours of peer work a week are between 0 and {MaxHoursPerWeek}.");
        if (answers.HoursPerWeek is not null && answers.HoursDeclined)
            throw new DomainRuleException("Give the hours or prefer not to say, not both.");
    }
}
