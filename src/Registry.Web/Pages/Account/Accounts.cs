using Microsoft.AspNetCore.Identity;
using Registry.Infrastructure.Identity;

namespace Registry.Web.Pages.Account;

/// <summary>
/// What the sign-in page and the token endpoint share. Signing in changes no registry data, so it stays
/// here with the cookie and the token; every account change is a command in Features/Accounts.
/// </summary>
public static class Accounts
{
    public const string ConfirmFirst =
        "Confirm your e-mail address first: open the link we sent you when you registered. You can ask for a new link at /Account/ResendConfirmation.";

    /// <summary>
    /// True when sign-in was refused only because the e-mail is unconfirmed. Identity refuses an unconfirmed
    /// account before it checks the password, so the password is checked here: only its owner learns why.
    /// </summary>
    public static async Task<bool> NeedsConfirmationAsync(UserManager<RegistryUser> users, string email, string password) =>
        await users.FindByEmailAsync(email.Trim()) is { EmailConfirmed: false } user && await users.CheckPasswordAsync(user, password);
}
