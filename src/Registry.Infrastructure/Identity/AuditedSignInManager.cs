using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Auditing;
using Registry.Domain.Jurisdictions;

namespace Registry.Infrastructure.Identity;

/// <summary>
/// Identity's sign-in manager, recording every password sign-in in the audit log: the account tried (or the address
/// typed, when no account has it), the outcome, the way in (page or token) and the caller's address; never the password.
/// The sign-in page and the token endpoint use it unchanged.
/// </summary>
public sealed class AuditedSignInManager(
    UserManager<RegistryUser> users, IHttpContextAccessor requests, IUserClaimsPrincipalFactory<RegistryUser> claims, IOptions<IdentityOptions> options,
    ILogger<SignInManager<RegistryUser>> logger, IAuthenticationSchemeProvider schemes, IUserConfirmation<RegistryUser> confirmation, IAccessLog accessLog)
    : SignInManager<RegistryUser>(users, requests, claims, options, logger, schemes, confirmation)
{
    public const string SignedIn = "SignIn";
    public const string Failed = "SignInFailed";

    /// <summary>Whether this request's sign-in attempt has been recorded (an endpoint that never asked, for an unknown address, records its own).</summary>
    public bool AttemptRecorded { get; private set; }

    public override async Task<SignInResult> CheckPasswordSignInAsync(RegistryUser user, string password, bool lockoutOnFailure)
    {
        var result = await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        await RecordAsync(user.Id, user.Email, user.StateCode, Outcome(result));
        return result;
    }

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var result = await base.PasswordSignInAsync(userName, password, isPersistent, lockoutOnFailure);
        if (!AttemptRecorded) await RecordUnknownAsync(userName);
        return result;
    }

    /// <summary>A sign-in refused before any account was found: the address typed, and no account.</summary>
    public Task RecordUnknownAsync(string typed) => RecordAsync(null, typed.Trim(), null, "UnknownAccount");

    /// <summary>A sign-in refused without checking the password (no such account, not confirmed, or locked out).</summary>
    public async Task RecordRefusedUncheckedAsync(RegistryUser? user, string typed)
    {
        if (user is null) await RecordUnknownAsync(typed);
        else await RecordAsync(user.Id, user.Email, user.StateCode, await UserManager.IsLockedOutAsync(user) ? "LockedOut" : "NotAllowed");
    }

    private async Task RecordAsync(Guid? userId, string? name, string? state, string outcome)
    {
        AttemptRecorded = true;
        var via = Context.Request.Path.StartsWithSegments("/api") ? "token" : "page";
        var detail = JsonSerializer.Serialize(new { outcome, via });
        await accessLog.RecordAsync(new AccessEvent(AuditKind.SignIn, outcome == "Succeeded" ? SignedIn : Failed, "User", userId?.ToString() ?? "",
            StateCode.TryParse(state, out var code) ? code : null, detail) { Actor = (userId, name) }, CancellationToken.None);
    }

    private static string Outcome(SignInResult result) =>
        result.Succeeded ? "Succeeded" : result.IsLockedOut ? "LockedOut" : result.IsNotAllowed ? "NotAllowed" : result.RequiresTwoFactor ? "RequiresTwoFactor" : "WrongPassword";
}
