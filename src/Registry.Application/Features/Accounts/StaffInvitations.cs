using Registry.Application.Common.Interfaces;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.Accounts;

/// <summary>
/// Inviting a state's staff (a reviewer, an administrator): an account of the state with the address counted as
/// confirmed and no password, and an e-mail through the outbox with the link to choose one.
/// </summary>
public sealed class StaffInvitations(IRegistryDbContext db, IIdentityService identity, IAccountLinks links, TimeProvider clock)
{
    public async Task<Guid> InviteAsync(StateCode state, string stateName, string role, string displayName, string email)
    {
        var (address, name) = (email.Trim(), displayName.Trim());
        var userId = await identity.CreateUserAsync(new NewAccount(address, name) { StateCode = state, EmailConfirmed = true }, role, password: null);
        var link = links.ResetPassword(address, await identity.PasswordResetCodeAsync(userId));
        db.Notifications.Add(AccountEmails.InviteStaff(address, name, stateName, link, administrator: role == Common.Security.Roles.StateAdmin, clock.GetUtcNow()));
        return userId;
    }
}
