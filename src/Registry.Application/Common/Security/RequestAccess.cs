namespace Registry.Application.Common.Security;

/// <summary>Who may send a request. Every request declares this or <see cref="PublicRequestAttribute"/>; others are refused.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AllowedRolesAttribute(params string[] roles) : Attribute
{
    public IReadOnlyList<string> Roles { get; } = roles;
}

/// <summary>Anyone may send this request, signed in or not.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PublicRequestAttribute : Attribute;

/// <summary>A request about one state: state staff may send it only for their own state.</summary>
public interface IStateScoped
{
    string StateCode { get; }
}

/// <summary>
/// A request about one application: applicants only for their own, staff only within their state.
/// Anyone else is told it does not exist (404), since even its existence is private.
/// </summary>
public interface IApplicationScoped
{
    Guid ApplicationId { get; }
}

/// <summary>A request about one program: staff only within the program's state; anyone else may name any program.</summary>
public interface IProgramScoped
{
    Guid ProgramId { get; }
}

/// <summary>
/// A request about one credential: its holder (as an applicant) or staff of its state; anyone else is
/// told it does not exist.
/// </summary>
public interface ICredentialScoped
{
    Guid CredentialId { get; }
}

/// <summary>
/// A request about one fee: the person who owes it (as an applicant) or staff of its state; anyone else is told it
/// does not exist.
/// </summary>
public interface IFeeScoped
{
    Guid FeeId { get; }
}

/// <summary>
/// A read that hands out personal data (a download, an export): once the handler has answered, the audit log
/// records who received which record, never its contents (see <c>AuditBehaviour</c>).
/// </summary>
public interface IAuditedRead
{
    /// <summary>The kind of record read, e.g. <c>EvidenceDocument</c>.</summary>
    string AuditedType { get; }

    /// <summary>Its id; null for the sender's own person record.</summary>
    string? AuditedId { get; }
}
