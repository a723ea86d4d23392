namespace Registry.Application.Common.Security;

public static class Roles
{
    public const string Applicant = nameof(Applicant);
    public const string Reviewer = nameof(Reviewer);
    public const string StateAdmin = nameof(StateAdmin);
    public const string Employer = nameof(Employer);
    public const string SystemAdmin = nameof(SystemAdmin);

    /// <summary>Reads workforce counts of any state (a national body); changes nothing.</summary>
    public const string NationalAnalyst = nameof(NationalAnalyst);

    public static readonly IReadOnlyList<string> All = [Applicant, Reviewer, StateAdmin, Employer, SystemAdmin, NationalAnalyst];

    /// <summary>Roles that act for one state only, named by the user's state claim.</summary>
    public static readonly IReadOnlyList<string> StateStaff = [Reviewer, StateAdmin];
}

public static class RegistryClaims
{
    public const string State = "registry:state";
    public const string Person = "registry:person";
    public const string Employer = "registry:employer";
}
