using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messages;
using Registry.Application.Common.Messages.Templates;
using Registry.Domain.Notifications;

namespace Registry.Application.Features.Accounts;

/// <summary>The account e-mails: each a template's facts (the words are in <see cref="MessageTemplates"/>).</summary>
public static class AccountEmails
{
    /// <summary>Carries a fresh link, for a new account or one still waiting for confirmation.</summary>
    public static async Task<Notification> ConfirmEmailAsync(IIdentityService identity, IAccountLinks links, TimeProvider clock,
        Guid userId, string email, string? firstName, Guid? personId)
    {
        var link = links.ConfirmEmail(userId, await identity.EmailConfirmationCodeAsync(userId));
        return Outbox.Message(email, new ConfirmEmailMessage(firstName, link), clock.GetUtcNow(), personId);
    }

    /// <summary>Tells the holder of an address that someone tried to register with it, instead of telling the one registering.</summary>
    public static Notification AlreadyRegistered(AccountUser holder, DateTimeOffset now) =>
        Outbox.Message(holder.Email, new AlreadyRegisteredMessage(string.IsNullOrWhiteSpace(holder.DisplayName) ? null : holder.DisplayName), now, holder.PersonId);

    public static Notification ResetPassword(string email, string link, DateTimeOffset now, Guid? personId) =>
        Outbox.Message(email, new ResetPasswordMessage(link), now, personId);

    public static Notification InviteStaff(string email, string displayName, string state, string link, bool administrator, DateTimeOffset now) =>
        Outbox.Message(email, new StaffInvitationMessage(displayName, state, link, administrator), now);
}
