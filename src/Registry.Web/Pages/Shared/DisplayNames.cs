using Registry.Domain.Applications;
using Registry.Domain.Attestations;
using Registry.Domain.Auditing;
using Registry.Domain.Claims;
using Registry.Domain.Confirmations;
using Registry.Domain.Credentials;
using Registry.Domain.Documents;
using Registry.Domain.Employers;
using Registry.Domain.Fees;
using Registry.Domain.Jurisdictions;
using Registry.Domain.Workforce;

namespace Registry.Web.Pages.Shared;

/// <summary>
/// The words a page shows for each status, type and kind: a code name such as <c>UnderReview</c> never
/// reaches the screen. Each switch names every member; DisplayNamesTests fails for a member without words.
/// </summary>
public static class DisplayNames
{
    public static string Display(this FeeKind kind) => kind switch
    {
        FeeKind.InitialApplication => "First application",
        FeeKind.Reciprocity => "Application by reciprocity",
        FeeKind.Exam => "Exam",
        FeeKind.Renewal => "Renewal",
        FeeKind.LateRenewal => "Renewal in the grace period",
        FeeKind.Reinstatement => "Reinstatement",
        FeeKind.Endorsement => "Endorsement application",
        FeeKind.ReplacementCertificate => "Replacement certificate",
        _ => throw Unnamed(kind),
    };

    public static string Display(this FeeBasis basis) => basis switch
    {
        FeeBasis.Standard => "Standard fee",
        FeeBasis.HoldsPeerCredential => "Reduced fee: you already hold a peer credential",
        FeeBasis.MilitaryOrVeteran => "Military and veteran fee",
        _ => throw Unnamed(basis),
    };

    public static string Display(this FeeStatus status) => status switch
    {
        FeeStatus.Owed => "To pay",
        FeeStatus.Paid => "Paid",
        FeeStatus.Waived => "Waived",
        FeeStatus.Cancelled => "Cancelled",
        FeeStatus.Refunded => "Refunded",
        _ => throw Unnamed(status),
    };

    public static string Display(this PaymentMethod method) => method switch
    {
        PaymentMethod.Card => "Card, online",
        PaymentMethod.Cheque => "Cheque",
        PaymentMethod.MoneyOrder => "Money order",
        PaymentMethod.Voucher => "Voucher",
        _ => throw Unnamed(method),
    };

    public static string Display(this Payer payer) => payer switch
    {
        Payer.Person => "The person",
        Payer.Employer => "Their employer",
        Payer.Fund => "A fund",
        _ => throw Unnamed(payer),
    };

    public static string Display(this CheckoutStatus status) => status switch
    {
        CheckoutStatus.Open => "Waiting for payment",
        CheckoutStatus.Completed => "Paid",
        CheckoutStatus.Expired => "Expired",
        _ => throw Unnamed(status),
    };

    public static string Display(this HardshipStatus status) => status switch
    {
        HardshipStatus.Pending => "Waiting for a decision",
        HardshipStatus.Granted => "Granted",
        HardshipStatus.Refused => "Refused",
        _ => throw Unnamed(status),
    };

    public static string Display(this CertificateOrderStatus status) => status switch
    {
        CertificateOrderStatus.AwaitingFee => "Waiting for the fee",
        CertificateOrderStatus.ToPost => "To be posted",
        CertificateOrderStatus.Posted => "Posted",
        CertificateOrderStatus.Cancelled => "Cancelled",
        _ => throw Unnamed(status),
    };

    public static string Display(this AuditKind kind) => kind switch
    {
        AuditKind.Change => "Change",
        AuditKind.SignIn => "Sign-in",
        AuditKind.Refusal => "Refusal",
        AuditKind.Access => "Download of personal data",
        _ => throw Unnamed(kind),
    };

    public static string Display(this RegisterImportStatus status) => status switch
    {
        RegisterImportStatus.Checking => "Checking the file",
        RegisterImportStatus.Checked => "Checked",
        RegisterImportStatus.Importing => "Importing",
        RegisterImportStatus.Imported => "Imported",
        RegisterImportStatus.Refused => "Refused: nothing was written",
        RegisterImportStatus.Failed => "The file could not be read",
        _ => throw Unnamed(status),
    };

    public static string Display(this RegisterRowOutcome outcome) => outcome switch
    {
        RegisterRowOutcome.Problem => "Needs correcting",
        RegisterRowOutcome.NewPerson => "New person",
        RegisterRowOutcome.SameEmail => "Person already here, same e-mail",
        RegisterRowOutcome.SameNameAndBirthDate => "Person already here, same name and date of birth",
        RegisterRowOutcome.PersonOfEarlierRow => "Same person as an earlier row",
        RegisterRowOutcome.Unchanged => "Already imported, unchanged",
        _ => throw Unnamed(outcome),
    };

    public static string Display(this StateExportStatus status) => status switch
    {
        StateExportStatus.Queued => "Waiting to start",
        StateExportStatus.Running => "Being written",
        StateExportStatus.Ready => "Ready",
        StateExportStatus.Failed => "Could not be written",
        _ => throw Unnamed(status),
    };

    public static string Display(this ClaimKind kind) => kind switch
    {
        ClaimKind.Invitation => "Invitation by e-mail",
        ClaimKind.Code => "Claim code",
        _ => throw Unnamed(kind),
    };

    public static string Display(this ApplicationStatus status) => status switch
    {
        ApplicationStatus.Draft => "Draft",
        ApplicationStatus.Submitted => "Submitted",
        ApplicationStatus.UnderReview => "Under review",
        ApplicationStatus.InfoRequested => "Information requested",
        ApplicationStatus.Approved => "Approved",
        ApplicationStatus.Denied => "Denied",
        ApplicationStatus.Withdrawn => "Withdrawn",
        _ => throw Unnamed(status),
    };

    public static string Display(this ApplicationType type) => type switch
    {
        ApplicationType.Initial => "First certification",
        ApplicationType.Renewal => "Renewal",
        ApplicationType.Reciprocity => "Transfer from another state",
        ApplicationType.Reinstatement => "Reinstatement",
        ApplicationType.Endorsement => "Specialty endorsement",
        _ => throw Unnamed(type),
    };

    /// <summary>The status's term from the public glossary of statuses, so staff, holders and verifiers read one word for it.</summary>
    public static string Display(this CredentialStatus status) => CredentialVerdict.Term(status);

    public static string Display(this CredentialEventKind kind) => kind switch
    {
        CredentialEventKind.Issued => "Issued",
        CredentialEventKind.Renewed => "Renewed",
        CredentialEventKind.Expired => "Expired",
        CredentialEventKind.Lapsed => "Lapsed after the grace period",
        CredentialEventKind.ProbationStarted => "Probation started",
        CredentialEventKind.ProbationEnded => "Probation ended",
        CredentialEventKind.Suspended => "Suspended",
        CredentialEventKind.Reinstated => "Reinstated",
        CredentialEventKind.Revoked => "Revoked",
        CredentialEventKind.Relinquished => "Relinquished by the holder",
        CredentialEventKind.Reprimanded => "Reprimanded",
        CredentialEventKind.CaseOpened => "Complaint opened",
        CredentialEventKind.ResponseReceived => "Holder's response received",
        CredentialEventKind.CaseClosed => "Complaint closed",
        CredentialEventKind.Imported => "Imported from the state's earlier register",
        CredentialEventKind.EndorsementGranted => "Endorsement granted",
        CredentialEventKind.EndorsementWithdrawn => "Endorsement withdrawn",
        _ => throw Unnamed(kind),
    };

    public static string Display(this EndorsementStatus status) => status switch
    {
        EndorsementStatus.Active => "Active",
        EndorsementStatus.Withdrawn => "Withdrawn",
        EndorsementStatus.Ended => "Ended with the credential",
        _ => throw Unnamed(status),
    };

    public static string Display(this DecisionLetterKind kind) => kind switch
    {
        DecisionLetterKind.Approval => "Approval letter",
        DecisionLetterKind.Denial => "Decision letter (not approved)",
        DecisionLetterKind.InformationRequest => "Request for information",
        DecisionLetterKind.DisciplineNotice => "Notice of a case",
        DecisionLetterKind.DisciplineDecision => "Decision in a case",
        _ => throw Unnamed(kind),
    };

    public static string Display(this DisciplineOutcome outcome) => outcome switch
    {
        DisciplineOutcome.NoAction => "No action",
        DisciplineOutcome.Reprimand => "Reprimand",
        DisciplineOutcome.Probation => "Probation",
        DisciplineOutcome.Suspension => "Suspension",
        DisciplineOutcome.Revocation => "Revocation",
        _ => throw Unnamed(outcome),
    };

    public static string Display(this RecordReview review) => review switch
    {
        RecordReview.Pending => "Not yet checked",
        RecordReview.Verified => "Verified",
        RecordReview.Rejected => "Not accepted",
        _ => throw Unnamed(review),
    };

    public static string Display(this RecordKind kind) => kind switch
    {
        RecordKind.Training => "Training",
        RecordKind.Work => "Work experience",
        RecordKind.Supervision => "Supervision",
        RecordKind.Reference => "Reference",
        RecordKind.ContinuingEducation => "Continuing education",
        _ => throw Unnamed(kind),
    };

    public static string Display(this WorkKind kind) => kind switch
    {
        WorkKind.Paid => "Paid",
        WorkKind.Volunteer => "Volunteer",
        _ => throw Unnamed(kind),
    };

    public static string Display(this SupervisionFormat format) => format switch
    {
        SupervisionFormat.Individual => "One to one",
        SupervisionFormat.Group => "Group",
        _ => throw Unnamed(format),
    };

    public static string Display(this EmployerStatus status) => status switch
    {
        EmployerStatus.PendingApproval => "Waiting for approval",
        EmployerStatus.Approved => "Approved",
        EmployerStatus.Suspended => "Suspended",
        _ => throw Unnamed(status),
    };

    public static string Display(this RosterVerificationStatus status) => status switch
    {
        RosterVerificationStatus.Queued => "Waiting to start",
        RosterVerificationStatus.Running => "Checking",
        RosterVerificationStatus.Completed => "Done",
        RosterVerificationStatus.Failed => "Could not be checked",
        _ => throw Unnamed(status),
    };

    public static string Display(this AttestationKind kind) => kind switch
    {
        AttestationKind.Agreement => "Agreement",
        AttestationKind.Disclosure => "Disclosure question",
        _ => throw Unnamed(kind),
    };

    public static string Display(this ConfirmationPurpose purpose) => purpose switch
    {
        ConfirmationPurpose.Supervision => "Supervision",
        ConfirmationPurpose.Reference => "Reference",
        _ => throw Unnamed(purpose),
    };

    public static string Display(this AppealStatus status) => status switch
    {
        AppealStatus.Open => "Waiting for a decision",
        AppealStatus.Upheld => "Denial upheld",
        AppealStatus.Overturned => "Denial overturned",
        _ => throw Unnamed(status),
    };

    /// <summary>The modifier of a status tag's CSS class (<c>registry-status--underreview</c>): a class name, never shown.</summary>
    public static string CssName<TEnum>(this TEnum value) where TEnum : struct, Enum =>
        value.ToString().ToLowerInvariant();

    /// <summary>"No longer accepting new applications from June 1, 2027" for a retired program; null for an open one.</summary>
    public static string? Retirement(this Application.Features.Jurisdictions.ListJurisdictions.ProgramModel program) =>
        program.RetiredOn is { } retiredOn
            ? $"No longer accepting new applications from {retiredOn.ToString("MMMM d, yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-US"))}"
            : null;

    public static string Display(this SurveyOccasion occasion) => occasion switch
    {
        SurveyOccasion.Application => "With an application",
        SurveyOccasion.Renewal => "With a renewal",
        SurveyOccasion.AnnualPulse => "Yearly questions about your work",
        _ => throw Unnamed(occasion),
    };

    /// <summary>The words of one category; a set of several is shown as their words joined.</summary>
    public static string Display(this RaceEthnicity race) => race switch
    {
        RaceEthnicity.None => "None chosen",
        RaceEthnicity.AmericanIndianOrAlaskaNative => "American Indian or Alaska Native",
        RaceEthnicity.Asian => "Asian",
        RaceEthnicity.BlackOrAfricanAmerican => "Black or African American",
        RaceEthnicity.HispanicOrLatino => "Hispanic or Latino",
        RaceEthnicity.MiddleEasternOrNorthAfrican => "Middle Eastern or North African",
        RaceEthnicity.NativeHawaiianOrPacificIslander => "Native Hawaiian or Pacific Islander",
        RaceEthnicity.White => "White",
        RaceEthnicity.PreferNotToSay => "Prefer not to say",
        _ => string.Join(", ", Enum.GetValues<RaceEthnicity>().Where(r => r != RaceEthnicity.None && race.HasFlag(r)).Select(r => r.Display())),
    };

    public static string Display(this GenderAnswer gender) => gender switch
    {
        GenderAnswer.Woman => "Woman",
        GenderAnswer.Man => "Man",
        GenderAnswer.NonBinary => "Non-binary",
        GenderAnswer.AnotherGender => "Another gender",
        GenderAnswer.PreferNotToSay => "Prefer not to say",
        _ => throw Unnamed(gender),
    };

    public static string Display(this ServiceLanguages language) => language switch
    {
        ServiceLanguages.None => "None chosen",
        ServiceLanguages.English => "English",
        ServiceLanguages.Spanish => "Spanish",
        ServiceLanguages.Chinese => "Chinese",
        ServiceLanguages.Vietnamese => "Vietnamese",
        ServiceLanguages.Tagalog => "Tagalog",
        ServiceLanguages.Arabic => "Arabic",
        ServiceLanguages.Korean => "Korean",
        ServiceLanguages.Russian => "Russian",
        ServiceLanguages.FrenchOrHaitianCreole => "French or Haitian Creole",
        ServiceLanguages.AmericanSignLanguage => "American Sign Language",
        ServiceLanguages.Other => "Another language",
        ServiceLanguages.PreferNotToSay => "Prefer not to say",
        _ => string.Join(", ", Enum.GetValues<ServiceLanguages>().Where(l => l != ServiceLanguages.None && language.HasFlag(l)).Select(l => l.Display())),
    };

    public static string Display(this VeteranAnswer veteran) => veteran switch
    {
        VeteranAnswer.Veteran => "Yes, I served in the military",
        VeteranAnswer.NotVeteran => "No",
        VeteranAnswer.PreferNotToSay => "Prefer not to say",
        _ => throw Unnamed(veteran),
    };

    public static string Display(this EducationLevel education) => education switch
    {
        EducationLevel.LessThanHighSchool => "Did not finish high school",
        EducationLevel.HighSchoolOrEquivalent => "High school diploma or GED",
        EducationLevel.SomeCollege => "Some college, no degree",
        EducationLevel.AssociateDegree => "Associate degree",
        EducationLevel.BachelorsDegree => "Bachelor's degree",
        EducationLevel.GraduateDegree => "Master's degree or higher",
        EducationLevel.PreferNotToSay => "Prefer not to say",
        _ => throw Unnamed(education),
    };

    public static string Display(this EmploymentAnswer employment) => employment switch
    {
        EmploymentAnswer.PeerRole => "Yes, I work in a peer role",
        EmploymentAnswer.OtherRole => "I work, but not in a peer role",
        EmploymentAnswer.NotWorking => "I am not working now",
        EmploymentAnswer.PreferNotToSay => "Prefer not to say",
        _ => throw Unnamed(employment),
    };

    public static string Display(this PracticeSetting setting) => setting switch
    {
        PracticeSetting.CommunityMentalHealth => "Community mental health",
        PracticeSetting.SubstanceUseTreatment => "Substance use treatment",
        PracticeSetting.HospitalOrEmergencyDepartment => "Hospital or emergency department",
        PracticeSetting.Crisis => "Crisis services",
        PracticeSetting.Justice => "Justice system (courts, jail, prison, probation)",
        PracticeSetting.RecoveryCommunityOrganization => "Recovery community organization",
        PracticeSetting.PeerRun => "Peer-run organization",
        PracticeSetting.School => "School or college",
        PracticeSetting.Other => "Somewhere else",
        PracticeSetting.PreferNotToSay => "Prefer not to say",
        _ => throw Unnamed(setting),
    };

    private static ArgumentOutOfRangeException Unnamed<TEnum>(TEnum value) where TEnum : struct, Enum =>
        new(nameof(value), value, $"{typeof(TEnum).Name}.{value} has no display name.");
}
