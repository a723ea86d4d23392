using Registry.Domain.Jurisdictions;

namespace Registry.Application.Common.Interfaces;

/// <summary>
/// Sign-in accounts as the account commands see them (the IIdentityService of Jason Taylor's template):
/// ASP.NET Identity stays in Infrastructure. A code is the URL-safe token an e-mailed link carries. What
/// Identity refuses (a taken address, a weak password) comes back as a FluentValidation failure on the
/// command's <c>Email</c> or <c>Password</c> field. Identity saves each write at once, so a command that
/// writes more than once through it is <see cref="Messaging.ISavesInSteps"/>.
/// </summary>
public interface IIdentityService
{
    Task<AccountUser?> FindByEmailAsync(string email);

    Task<AccountUser?> FindByIdAsync(Guid userId);

    Task<bool> IsInRoleAsync(Guid userId, string role);

    /// <summary>Creates a sign-in with one role; without a password, the person chooses one through a reset link.</summary>
    Task<Guid> CreateUserAsync(NewAccount account, string role, string? password);

    /// <summary>
    /// Refuses, as field errors on <c>Password</c>, a password Identity would refuse (too short, too common), before
    /// anything is looked up: a registration for a taken address is refused for the same password as any other.
    /// </summary>
    Task RefuseUnacceptablePasswordAsync(string password);

    /// <summary>Hashes the password and forgets the hash: the work creating an account does, for an address that already has one.</summary>
    void HashPasswordForEqualTime(string password);

    Task<string> EmailConfirmationCodeAsync(Guid userId);

    Task<string> PasswordResetCodeAsync(Guid userId);

    /// <summary>False when the link is broken, expired or already replaced.</summary>
    Task<bool> ConfirmEmailAsync(Guid userId, string code);

    /// <summary>False when there is no such account or the link is broken or expired.</summary>
    Task<bool> ResetPasswordAsync(string email, string code, string newPassword);

    /// <summary>Disabling locks the account for good and ends its current sign-ins; enabling lifts the lock.</summary>
    Task SetSignInEnabledAsync(Guid userId, bool enabled);

    /// <summary>The people who have an account, as a query of the same database to compose with others (a record without one is unclaimed).</summary>
    IQueryable<Guid> PeopleWithAccounts { get; }
    /// <summary>The state's staff in one role (its reviewers, its administrators) by name, in one query.</summary>
    Task<IReadOnlyList<StaffMember>> StaffOfAsync(StateCode state, string role, CancellationToken cancellationToken);

    /// <summary>The display names of the accounts among <paramref name="userIds"/> (an id with no account is left out), in one query.</summary>
    Task<IReadOnlyDictionary<Guid, string>> DisplayNamesAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken);

    /// <summary>Whether any account holds the role, disabled or not.</summary>
    Task<bool> AnyInRoleAsync(string role, CancellationToken cancellationToken);
}

public sealed record AccountUser(Guid Id, string Email, string DisplayName, bool EmailConfirmed, Guid? PersonId, string? StateCode);

/// <summary>A sign-in to create; an invited address counts as confirmed, since the invitee proves it by using the link.</summary>
public sealed record NewAccount(string Email, string DisplayName)
{
    public Guid? PersonId { get; init; }
    public Guid? EmployerId { get; init; }
    public StateCode? StateCode { get; init; }
    public bool EmailConfirmed { get; init; }
}

public sealed record StaffMember(Guid Id, string DisplayName, string Email, bool IsDisabled);
