using Registry.Application.Common.Interfaces;
using Registry.Domain.Notifications;

namespace Registry.Application.Features.Accounts;

/// <summary>The account e-mails, each written in one place; the template name is the method's name.</summary>
public static class AccountEmails
{
    /// <summary>Carries a fresh link, for a new account or one still waiting for confirmation.</summary>
    public static async Task<Notification> ConfirmEmailAsync(IIdentityService identity, IAccountLinks links, TimeProvider clock,
        Guid userId, string email, string? firstName, Guid? personId)
    {
        var link = links.ConfirmEmail(userId, await identity.EmailConfirmationCodeAsync(userId));
        return ConfirmEmail(email, firstName, link, clock.GetUtcNow(), personId);
    }

    private static Notification ConfirmEmail(string email, string? firstName, string link, DateTimeOffset now, Guid? personId) =>
        new(email, nameof(ConfirmEmail), "Confirm your e-mail address for the Peer Specialist Registry",
            $"""
            Hello {firstName},

            Please confirm your e-mail address so that you can sign in to the Peer Specialist Registry:

            {link}

            If you did not create an account, you can ignore this message.
            """, now, personId);

    public static Notification ResetPassword(string email, string link, DateTimeOffset now, Guid? personId) =>
        new(email, nameof(ResetPassword), "Reset your Peer Specialist Registry password",
            $"""
            Someone, we hope you, asked to reset the password of your Peer Specialist Registry account.

            Choose a new password here:

            {link}

            If you did not ask for this, ignore this message; your password stays as it is.
            """, now, personId);

    public static Notification InviteReviewer(string email, string displayName, string state, string link, DateTimeOffset now) =>
        new(email, nameof(InviteReviewer), "You are invited to review applications in the Peer Specialist Registry",
            $"""
            Hello {displayName},

            You have been invited to review peer specialist applications for {state} in the Peer Specialist Registry.
            Choose your password here to start:

            {link}
            """, now);
}
