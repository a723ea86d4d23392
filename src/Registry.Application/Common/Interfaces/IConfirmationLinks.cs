namespace Registry.Application.Common.Interfaces;

/// <summary>
/// Signed links for people without an account (supervisors, referees). The token carries only the
/// confirmation request's id; the request's row makes the link work once and says when it expires, checked
/// against the registry's clock (<see cref="TimeProvider"/>) like every other date.
/// </summary>
public interface IConfirmationLinks
{
    /// <summary>How long a new link stays valid.</summary>
    TimeSpan Lifetime { get; }

    string TokenFor(Guid confirmationRequestId);

    /// <summary>The confirmation request's id, or null when the token was altered or is not ours.</summary>
    Guid? Read(string token);

    /// <summary>The absolute address of the confirmation page for a token.</summary>
    string UrlFor(string token);
}
