using Microsoft.AspNetCore.Identity;
using Registry.Infrastructure.Identity;

namespace Registry.Web.Pages.Account;

/// <summary>
/// What the sign-in page and the token endpoint share. Signing in changes no registry data, so it stays
/// here with the cookie and the token; every account change is a command in Features/Accounts.
/// </summary>
public static class Accounts
{
    /// <summary>The one answer to every refused sign-in: unknown address, wrong password, locked or unconfirmed account.</summary>
    public const string SignInRefused =
        "The e-mail address or password is not right. If you have just registered, open the link we e-mailed you to confirm your address first. "
        + "After several wrong passwords an account is locked for a while: try again later, or reset your password.";

    private static string? _standInHash;

    /// <summary>
    /// The account whose password this is, if it may sign in now; otherwise null, whatever the reason. Every path hashes
    /// the password once (an unknown address, a locked or unconfirmed account against a stand-in hash, which Identity
    /// would skip), so neither the answer nor its time tells whether an account exists. Wrong passwords count towards
    /// the lockout as before.
    /// </summary>
    public static async Task<RegistryUser?> CheckPasswordAsync(SignInManager<RegistryUser> signIn, string email, string password)
    {
        var users = signIn.UserManager;
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || !await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
        {
            _standInHash ??= users.PasswordHasher.HashPassword(new RegistryUser(), Guid.NewGuid().ToString());
            users.PasswordHasher.VerifyHashedPassword(user ?? new RegistryUser(), _standInHash, password);
            if (signIn is AuditedSignInManager audited) await audited.RecordRefusedUncheckedAsync(user, email);
            return null;
        }
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        return result.Succeeded ? user : null;
    }
}
