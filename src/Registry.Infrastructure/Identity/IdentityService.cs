using System.Text;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Common;
using Registry.Domain.Jurisdictions;
using Registry.Infrastructure.Persistence;

namespace Registry.Infrastructure.Identity;

/// <summary>ASP.NET Identity behind the account commands. Identity saves the shared context with each write.</summary>
public sealed class IdentityService(UserManager<RegistryUser> users, RegistryDbContext db, TimeProvider clock) : IIdentityService
{
    public async Task<AccountUser?> FindByEmailAsync(string email) => Describe(await users.FindByEmailAsync(email));

    public async Task<AccountUser?> FindByIdAsync(Guid userId) => Describe(await users.FindByIdAsync(userId.ToString()));

    public async Task<bool> IsInRoleAsync(Guid userId, string role) => await users.FindByIdAsync(userId.ToString()) is { } user && await users.IsInRoleAsync(user, role);

    public async Task<Guid> CreateUserAsync(NewAccount account, string role, string? password)
    {
        var user = new RegistryUser
        {
            Id = Guid.CreateVersion7(), UserName = account.Email, Email = account.Email, EmailConfirmed = account.EmailConfirmed, DisplayName = ReadableText.Normalise(account.DisplayName),
            PersonId = account.PersonId, EmployerId = account.EmployerId, StateCode = account.StateCode?.Value,
        };
        ThrowIfRefused(password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password));
        var inRole = await users.AddToRoleAsync(user, role);
        if (!inRole.Succeeded) throw new InvalidOperationException(string.Join(" ", inRole.Errors.Select(e => e.Description)));
        return user.Id;
    }

    public async Task RefuseUnacceptablePasswordAsync(string password)
    {
        var candidate = new RegistryUser();
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
            errors.AddRange((await validator.ValidateAsync(users, candidate, password)).Errors);
        if (errors.Count > 0) ThrowIfRefused(IdentityResult.Failed([.. errors]));
    }

    public void HashPasswordForEqualTime(string password) => users.PasswordHasher.HashPassword(new RegistryUser(), password);

    public async Task<string> EmailConfirmationCodeAsync(Guid userId) => Encode(await users.GenerateEmailConfirmationTokenAsync(await UserAsync(userId)));

    public async Task<string> PasswordResetCodeAsync(Guid userId) => Encode(await users.GeneratePasswordResetTokenAsync(await UserAsync(userId)));

    public async Task<bool> ConfirmEmailAsync(Guid userId, string code) =>
        await users.FindByIdAsync(userId.ToString()) is { } user && Decode(code) is { } token && (await users.ConfirmEmailAsync(user, token)).Succeeded;

    public async Task<bool> ResetPasswordAsync(string email, string code, string newPassword)
    {
        if (await users.FindByEmailAsync(email) is not { } user || Decode(code) is not { } token) return false;
        var reset = await users.ResetPasswordAsync(user, token, newPassword);
        if (reset.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))) return false;
        ThrowIfRefused(reset);
        return true;
    }

    public async Task SetSignInEnabledAsync(Guid userId, bool enabled)
    {
        var user = await UserAsync(userId);
        user.LockoutEnabled = true;
        user.LockoutEnd = enabled ? null : DateTimeOffset.MaxValue;
        // Saves the lock with the new stamp, which ends the account's current sign-ins.
        ThrowIfRefused(await users.UpdateSecurityStampAsync(user));
    }

    public async Task<IReadOnlyList<StaffMember>> StaffOfAsync(StateCode state, string role, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync(cancellationToken);
        var rows = await db.Users.AsNoTracking()
            .Where(u => u.StateCode == state.Value && db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == roleId))
            .OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        return rows.Select(u => new StaffMember(u.Id, u.DisplayName, u.Email ?? "", u.LockoutEnd > now)).ToList();
    }

    public async Task<IReadOnlyDictionary<Guid, string>> DisplayNamesAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken) =>
        userIds.Count == 0
            ? new Dictionary<Guid, string>()
            : await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);

    public IQueryable<Guid> PeopleWithAccounts => db.Users.Where(u => u.PersonId != null).Select(u => u.PersonId!.Value);
    public Task<bool> AnyInRoleAsync(string role, CancellationToken cancellationToken) =>
        db.UserRoles.AnyAsync(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role), cancellationToken);

    private async Task<RegistryUser> UserAsync(Guid userId) =>
        await users.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException($"There is no user {userId}.");

    private static AccountUser? Describe(RegistryUser? user) =>
        user is null ? null : new AccountUser(user.Id, user.Email ?? "", user.DisplayName, user.EmailConfirmed, user.PersonId, user.StateCode);

    /// <summary>What Identity refuses becomes field errors on the command's <c>Email</c> or <c>Password</c>.</summary>
    private static void ThrowIfRefused(IdentityResult result)
    {
        if (result.Succeeded) return;
        var failures = result.Errors.Select(error => error.Code switch
        {
            "DuplicateEmail" or "DuplicateUserName" => new ValidationFailure("Email",
                "An account with this e-mail address already exists. Sign in, or reset your password if you have forgotten it."),
            _ when error.Code.Contains("Email") || error.Code.Contains("UserName") => new ValidationFailure("Email", error.Description),
            _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => new ValidationFailure("Password", error.Description),
            _ => new ValidationFailure("", error.Description),
        });
        throw new ValidationException(failures.DistinctBy(f => (f.PropertyName, f.ErrorMessage)).ToList());
    }

    private static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    private static string? Decode(string code)
    {
        try { return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)); }
        catch (FormatException) { return null; }
    }
}
