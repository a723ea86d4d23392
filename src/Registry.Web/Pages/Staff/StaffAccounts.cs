using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messages;
using Registry.Application.Common.Messages.Templates;
using Registry.Application.Common.Security;
using Registry.Domain.Notifications;
using Registry.Infrastructure.Identity;
using Registry.Infrastructure.Persistence;
using Registry.Web.Infrastructure;

namespace Registry.Web.Pages.Staff;

/// <summary>
/// A StateAdmin's team: invite reviewers of their own state (the invitation carries a link to choose a
/// password) and disable or enable them. Every change is audited and its e-mail goes through the outbox.
/// </summary>
public sealed class StaffAccounts(UserManager<RegistryUser> users, RegistryDbContext db, IAuditContext audit, TimeProvider clock, EmailLinks links)
{
    public sealed record Member(Guid Id, string DisplayName, string Email, bool IsDisabled);

    public sealed class Invitation
    {
        [Required(ErrorMessage = "Enter the reviewer's name.")]
        [StringLength(200)]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Enter the reviewer's e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter an e-mail address like name@example.org.")]
        [StringLength(256)]
        public string Email { get; set; } = "";
    }

    /// <summary>The state's reviewers, in one query.</summary>
    public async Task<IReadOnlyList<Member>> ReviewersAsync(string state, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var reviewerRole = await db.Roles.Where(r => r.Name == Roles.Reviewer).Select(r => r.Id).SingleAsync(cancellationToken);
        var rows = await db.Users.AsNoTracking()
            .Where(u => u.StateCode == state && db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == reviewerRole))
            .OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        return rows.Select(u => new Member(u.Id, u.DisplayName, u.Email ?? "", u.LockoutEnd > now)).ToList();
    }

    /// <summary>Creates the reviewer's sign-in for the admin's state and e-mails a link to choose a password; null when it worked.</summary>
    public async Task<string?> InviteAsync(Invitation invitation, string state, CancellationToken cancellationToken)
    {
        var email = invitation.Email.Trim();
        if (await users.FindByEmailAsync(email) is not null) return "An account with this e-mail address already exists.";

        audit.Action = "InviteReviewer";
        audit.StateCode = () => Domain.Jurisdictions.StateCode.Parse(state);
        return await db.InTransactionAsync<string?>(async ct =>
        {
            // The reviewer proves the address by using the link, so it counts as confirmed.
            var user = new RegistryUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = invitation.DisplayName.Trim(), StateCode = state };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded) return string.Join(" ", created.Errors.Select(e => e.Description));
            var role = await users.AddToRoleAsync(user, Roles.Reviewer);
            if (!role.Succeeded) throw new InvalidOperationException(string.Join(" ", role.Errors.Select(e => e.Description)));

            var code = EmailLinks.Encode(await users.GeneratePasswordResetTokenAsync(user));
            db.Notifications.Add(Outbox.Message(email, new StaffInvitationMessage(user.DisplayName, state, links.To("/Account/ResetPassword", new { email, code })),
                clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
            await db.Database.CurrentTransaction!.CommitAsync(ct);
            return null;
        }, cancellationToken);
    }

    /// <summary>Disables (signs out and locks) or enables a reviewer of the admin's state; false when there is no such reviewer.</summary>
    public async Task<bool> SetEnabledAsync(Guid userId, string state, bool enabled)
    {
        if (await users.FindByIdAsync(userId.ToString()) is not { } user || user.StateCode != state || !await users.IsInRoleAsync(user, Roles.Reviewer))
            return false;
        audit.Action = enabled ? "EnableReviewer" : "DisableReviewer";
        audit.StateCode = () => Domain.Jurisdictions.StateCode.Parse(state);
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, enabled ? null : DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(user); // ends the reviewer's current sign-ins
        return true;
    }
}
