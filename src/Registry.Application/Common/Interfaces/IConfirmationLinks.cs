namespace Registry.Application.Common.Interfaces;

/// <summary>
/// Signed, expiring links for people without an account (supervisors, referees). The token carries only
/// the confirmation request's id; the request's row makes the link work once.
/// </summary>
public interface IConfirmationLinks
{
    /// <summary>How long a new link stays valid.</summary>
    TimeSpan Lifetime { get; }

    string TokenFor(Guid confirmationRequestId, DateTimeOffset expiresAt);

    /// <summary>The confirmation request's id, or null when the token was altered, is not ours, or has expired.</summary>
    Guid? Read(string token);

    /// <summary>The absolute address of the confirmation page for a token.</summary>
    string UrlFor(string token);
}
