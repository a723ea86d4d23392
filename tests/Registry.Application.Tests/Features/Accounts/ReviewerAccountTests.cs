using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Features.Accounts;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Accounts;

public sealed class ReviewerAccountTests(SliceFixture fixture) : SliceTest(fixture)
{
    private static readonly InviteReviewer.Command Lee = new() { DisplayName = "Lee Reviewer", Email = "lee@test.example" };

    private async Task<Guid> InviteAsync(string state, InviteReviewer.Command invitation)
    {
        await Fixture.SendAsync(invitation, TestUsers.StateAdmin(state));
        return await Fixture.QueryAsync(db => db.Users.Where(u => u.Email == invitation.Email).Select(u => u.Id).SingleAsync());
    }

    [Fact]
    public async Task An_invited_reviewer_belongs_to_the_admins_state_and_is_emailed_a_link_to_choose_a_password()
    {
        var id = await InviteAsync("TN", Lee);

        var reviewer = Assert.Single(await Fixture.SendAsync(new ListReviewers.Query(), TestUsers.StateAdmin("TN")));
        Assert.Equal((id, "Lee Reviewer", false), (reviewer.Id, reviewer.DisplayName, reviewer.IsDisabled));
        Assert.Empty(await Fixture.SendAsync(new ListReviewers.Query(), TestUsers.StateAdmin("PA")));
        var invitation = await Fixture.LatestEmailAsync("lee@test.example", "staff-invitation");
        Assert.Contains("applications for TN", invitation.Rendered().Text);
        var link = await Fixture.LinkAsync("lee@test.example", "staff-invitation");
        await Fixture.SendAsync(new ResetPassword.Command { Email = link["email"], Code = link["code"], Password = AccountScenario.Password }, TestUsers.Anonymous);
        Assert.True(await Fixture.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "InviteReviewer" && a.EntityType == "RegistryUser" && a.StateCode == "TN")));
    }

    [Fact]
    public async Task A_taken_address_or_a_missing_name_is_refused_and_only_a_StateAdmin_may_invite()
    {
        await InviteAsync("TN", Lee);

        var refused = await Assert.ThrowsAsync<ValidationException>(() => Fixture.SendAsync(Lee with { DisplayName = " " }, TestUsers.StateAdmin("TN")));
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(Lee with { Email = "kim@test.example" }, TestUsers.Reviewer("TN")));

        var errors = refused.Errors.ToDictionary(e => e.PropertyName, e => e.ErrorMessage);
        Assert.Equal("Enter the reviewer's name.", errors["DisplayName"]);
        Assert.Equal("An account with this e-mail address already exists.", errors["Email"]);
        Assert.Equal(1, await Fixture.QueryAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task A_StateAdmin_disables_and_enables_only_their_own_states_reviewers()
    {
        var ours = await InviteAsync("TN", Lee);
        var theirs = await InviteAsync("PA", Lee with { Email = "kim@test.example" });
        var stampBefore = await Fixture.QueryAsync(db => db.Users.Where(u => u.Id == ours).Select(u => u.SecurityStamp).SingleAsync());

        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.SendAsync(new DisableReviewer.Command(theirs), TestUsers.StateAdmin("TN")));
        await Fixture.SendAsync(new DisableReviewer.Command(ours), TestUsers.StateAdmin("TN"));

        var disabled = await Fixture.QueryAsync(db => db.Users.SingleAsync(u => u.Id == ours));
        Assert.True(disabled.LockoutEnd > Fixture.Clock.GetUtcNow());
        Assert.NotEqual(stampBefore, disabled.SecurityStamp); // current sign-ins end
        Assert.True(Assert.Single(await Fixture.SendAsync(new ListReviewers.Query(), TestUsers.StateAdmin("TN"))).IsDisabled);
        Assert.True(await Fixture.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "DisableReviewer" && a.StateCode == "TN")));

        await Fixture.SendAsync(new EnableReviewer.Command(ours), TestUsers.StateAdmin("TN"));

        Assert.Null(await Fixture.QueryAsync(db => db.Users.Where(u => u.Id == ours).Select(u => u.LockoutEnd).SingleAsync()));
        Assert.True(await Fixture.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "EnableReviewer" && a.StateCode == "TN")));
        Assert.Null(await Fixture.QueryAsync(db => db.Users.Where(u => u.Id == theirs).Select(u => u.LockoutEnd).SingleAsync()));
    }
}
