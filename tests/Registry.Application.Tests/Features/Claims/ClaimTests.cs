using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Application.Features.Claims;
using Registry.Application.Features.Renewals;
using Registry.Application.Tests.Features.Accounts;
using Registry.Domain.Auditing;
using Registry.Domain.Claims;
using Registry.Domain.Common;
using Registry.Domain.Credentials;
using Registry.Domain.Jurisdictions;
using Registry.Domain.Notifications;
using Registry.Domain.People;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Claims;

public sealed class ClaimTests(SliceFixture fixture) : SliceTest(fixture)
{
    private const string Password = "Claimed-Record-Pass-27";

    /// <summary>A state's imported holders: one with an e-mail and no account, one with an account, one without an e-mail.</summary>
    private sealed record World(Jurisdiction State, Person Unclaimed, Credential UnclaimedCredential, Person WithAccount, Person WithoutEmail, Credential WithoutEmailCredential);

    private async Task<World> ArrangeAsync(bool askDateOfBirth = false)
    {
        var state = TestData.State("VT", "Vermont");
        state.SetClaimRules(askDateOfBirth);
        var program = state.Programs[0];
        var unclaimed = new Person("Avery", "Stone", "avery@test.example");
        unclaimed.UpdateContact(null, new DateOnly(1980, 4, 2), null);
        var withAccount = new Person("Blake", "Hart", "blake@test.example");
        var withoutEmail = new Person("Casey", "Moss", null);
        withoutEmail.UpdateContact(null, new DateOnly(1975, 1, 9), null);
        var at = Fixture.Clock.GetUtcNow();
        var issuedOn = new DateOnly(2025, 8, 1);
        var credentials = new[] { unclaimed, withAccount, withoutEmail }.Select(p => Credential.Issue(program, p.Id, issuedOn, Guid.NewGuid(), at)).ToList();
        await Fixture.InsertAsync([state, unclaimed, withAccount, withoutEmail, .. credentials]);
        await Fixture.RunAsync<IIdentityService, Guid>(identity =>
            identity.CreateUserAsync(new NewAccount("blake@test.example", "Blake Hart") { PersonId = withAccount.Id, EmailConfirmed = true }, Roles.Applicant, Password));
        return new World(state, unclaimed, credentials[0], withAccount, withoutEmail, credentials[2]);
    }

    private Task<InviteHolders.Sent> InviteAsync() => Fixture.SendAsync(new InviteHolders.Command { StateCode = "VT" }, TestUsers.StateAdmin("VT"));

    private async Task<string> TokenAsync() => (await Fixture.LinkAsync("avery@test.example", "claim-invitation"))["token"];

    [Fact]
    public async Task Only_holders_with_an_email_and_no_account_are_invited_at_bulk_priority_and_not_again_while_the_invitation_is_valid()
    {
        await ArrangeAsync();

        Assert.Equal(new InviteHolders.Sent(1, 0), await InviteAsync());
        Assert.Equal(new InviteHolders.Sent(0, 0), await InviteAsync());

        var mail = Assert.Single(await Fixture.QueryAsync(db => db.Notifications.ToListAsync()));
        Assert.Equal(("avery@test.example", NotificationPriority.Bulk), (mail.RecipientEmail, mail.Priority));
        Assert.Contains("VT-CPS-", mail.Rendered().Text);
        var claim = Assert.Single(await Fixture.QueryAsync(db => db.RecordClaims.ToListAsync()));
        Assert.DoesNotContain(claim.TokenHash, mail.Payload);
        Assert.True(await Fixture.AuditedAsync("InviteHolders", nameof(RecordClaim)));
        Assert.DoesNotContain(await Fixture.QueryAsync(db => db.AuditEntries.Select(a => (a.Before ?? "") + (a.After ?? "")).ToListAsync()), c => c.Contains(claim.TokenHash));

        // Once it has expired, the holder may be invited again.
        Fixture.Clock.Advance(RecordClaim.Lifetime);
        Assert.Equal(new InviteHolders.Sent(1, 0), await InviteAsync());
    }

    [Fact]
    public async Task A_send_is_capped_and_the_rest_wait_for_the_next_one()
    {
        var world = await ArrangeAsync();
        var more = Enumerable.Range(1, 3).Select(i => new Person("Holder", $"Number{i}", $"holder{i}@test.example")).ToList();
        var at = Fixture.Clock.GetUtcNow();
        await Fixture.InsertAsync([.. more, .. more.Select(p => Credential.Issue(world.State.Programs[0], p.Id, new DateOnly(2025, 8, 1), Guid.NewGuid(), at))]);
        var limits = Fixture.GetService<ClaimLimits>();

        var first = await InviteAsync();

        Assert.Equal(Math.Min(4, limits.InvitationsPerSend), first.Invited);
        Assert.Equal(4 - first.Invited, first.StillToInvite);
        Assert.Equal(first.Invited, await Fixture.CountAsync<Notification>());
    }

    [Fact]
    public async Task Only_the_people_named_are_invited_and_only_a_StateAdmin_may_send()
    {
        var world = await ArrangeAsync();

        Assert.Equal(new InviteHolders.Sent(0, 0),
            await Fixture.SendAsync(new InviteHolders.Command { StateCode = "VT", PersonIds = [world.WithAccount.Id, world.WithoutEmail.Id] }, TestUsers.StateAdmin("VT")));
        await Assert.ThrowsAsync<Application.Common.Exceptions.ForbiddenException>(() =>
            Fixture.SendAsync(new InviteHolders.Command { StateCode = "VT" }, TestUsers.Reviewer("VT")));
        await Assert.ThrowsAsync<Application.Common.Exceptions.ForbiddenException>(() =>
            Fixture.SendAsync(new InviteHolders.Command { StateCode = "VT" }, TestUsers.StateAdmin("TN")));
        Assert.Equal(0, await Fixture.CountAsync<Notification>());
    }

    [Fact]
    public async Task The_link_creates_an_account_linked_to_the_existing_record_and_works_once()
    {
        var world = await ArrangeAsync();
        await InviteAsync();
        var token = await TokenAsync();
        var claim = new ClaimRecord.Command { Token = token, Email = "AVERY@test.example", Password = Password };

        Assert.Equal("Avery Stone", (await Fixture.SendAsync(new GetClaim.Query(token), TestUsers.Anonymous))!.Name);
        Assert.Equal(ClaimAnswers.Outcome.Claimed, await Fixture.SendAsync(claim, TestUsers.Anonymous));

        var user = await Fixture.QueryAsync(db => db.Users.SingleAsync(u => u.Email == "avery@test.example"));
        Assert.Equal((world.Unclaimed.Id, true), (user.PersonId, user.EmailConfirmed));
        Assert.Equal(3, await Fixture.CountAsync<Person>());
        Assert.Null(await Fixture.SendAsync(new GetClaim.Query(token), TestUsers.Anonymous));
        var again = await Assert.ThrowsAsync<ValidationException>(() => Fixture.SendAsync(claim with { Password = "Another-Pass-Phrase-9" }, TestUsers.Anonymous));
        Assert.Contains("no longer works", again.Errors.Single().ErrorMessage);
        Assert.True(await Fixture.AuditedAsync("ClaimRecord", "RegistryUser"));
    }

    [Fact]
    public async Task A_wrong_email_or_date_of_birth_is_one_answer_counted_until_the_link_stops_working()
    {
        await ArrangeAsync(askDateOfBirth: true);
        await InviteAsync();
        var token = await TokenAsync();
        var right = new ClaimRecord.Command { Token = token, Email = "avery@test.example", DateOfBirth = new DateOnly(1980, 4, 2), Password = Password };

        Assert.Equal(ClaimAnswers.Outcome.WrongAnswer, await Fixture.SendAsync(right with { Email = "someone@test.example" }, TestUsers.Anonymous));
        Assert.Equal(ClaimAnswers.Outcome.WrongAnswer, await Fixture.SendAsync(right with { DateOfBirth = null }, TestUsers.Anonymous));
        for (var i = 2; i < RecordClaim.MaxWrongAnswers; i++)
            Assert.Equal(ClaimAnswers.Outcome.WrongAnswer, await Fixture.SendAsync(right with { DateOfBirth = new DateOnly(1980, 4, 3) }, TestUsers.Anonymous));

        Assert.Equal(RecordClaim.MaxWrongAnswers, await Fixture.QueryAsync(db => db.RecordClaims.Select(c => c.WrongAnswers).SingleAsync()));
        Assert.Equal(RecordClaim.MaxWrongAnswers, await Fixture.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Kind == AuditKind.Refusal && a.Action == "ClaimRecord")));
        await Assert.ThrowsAsync<ValidationException>(() => Fixture.SendAsync(right, TestUsers.Anonymous));
        Assert.Equal(1, await Fixture.QueryAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task The_right_date_of_birth_claims_the_record_when_the_state_asks_for_it()
    {
        await ArrangeAsync(askDateOfBirth: true);
        await InviteAsync();
        var claim = new ClaimRecord.Command { Token = await TokenAsync(), Email = "avery@test.example", DateOfBirth = new DateOnly(1980, 4, 2), Password = Password };

        Assert.Equal(ClaimAnswers.Outcome.Claimed, await Fixture.SendAsync(claim, TestUsers.Anonymous));
    }

    [Fact]
    public async Task A_code_is_replaced_by_a_newer_one_and_claims_with_a_new_email_that_must_be_confirmed()
    {
        var world = await ArrangeAsync();
        var first = await Fixture.SendAsync(new CreateClaimCode.Command(world.WithoutEmailCredential.Id), TestUsers.Reviewer("VT"));
        var second = await Fixture.SendAsync(new CreateClaimCode.Command(world.WithoutEmailCredential.Id), TestUsers.StateAdmin("VT"));
        var claim = new ClaimRecordWithCode.Command
        {
            Code = first.Code, CredentialNumber = world.WithoutEmailCredential.Number.Value, Email = "casey@test.example", Password = Password,
        };

        Assert.Equal(RecordClaim.Lifetime, second.ExpiresAt - Fixture.Clock.GetUtcNow());
        await Assert.ThrowsAsync<ValidationException>(() => Fixture.SendAsync(claim, TestUsers.Anonymous));
        Assert.Equal(ClaimAnswers.Outcome.WrongAnswer, await Fixture.SendAsync(claim with { Code = second.Code, CredentialNumber = world.UnclaimedCredential.Number.Value }, TestUsers.Anonymous));
        Assert.Equal(ClaimAnswers.Outcome.Claimed, await Fixture.SendAsync(claim with { Code = second.Code.ToLowerInvariant() }, TestUsers.Anonymous));

        var user = await Fixture.QueryAsync(db => db.Users.SingleAsync(u => u.Email == "casey@test.example"));
        Assert.Equal((world.WithoutEmail.Id, false), (user.PersonId, user.EmailConfirmed));
        Assert.Equal("casey@test.example", await Fixture.QueryAsync(db => db.People.Where(p => p.Id == world.WithoutEmail.Id).Select(p => p.Email).SingleAsync()));
        Assert.NotNull(await Fixture.LatestEmailAsync("casey@test.example", "confirm-email"));
        Assert.True(await Fixture.AuditedAsync("CreateClaimCode", nameof(RecordClaim)));
        var audit = await Fixture.QueryAsync(db => db.AuditEntries.Select(a => (a.Before ?? "") + (a.After ?? "")).ToListAsync());
        Assert.DoesNotContain(audit, c => c.Contains(second.Code, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task No_code_for_a_holder_with_an_account_nor_for_another_states_staff()
    {
        var world = await ArrangeAsync();
        var withAccountCredential = await Fixture.QueryAsync(db => db.Credentials.Where(c => c.HolderPersonId == world.WithAccount.Id).Select(c => c.Id).SingleAsync());

        await Assert.ThrowsAsync<DomainRuleException>(() => Fixture.SendAsync(new CreateClaimCode.Command(withAccountCredential), TestUsers.Reviewer("VT")));
        await Assert.ThrowsAsync<Application.Common.Exceptions.NotFoundException>(() => Fixture.SendAsync(new CreateClaimCode.Command(world.WithoutEmailCredential.Id), TestUsers.Reviewer("TN")));
        Assert.Equal(0, await Fixture.CountAsync<RecordClaim>());
    }

    [Fact]
    public async Task Staff_record_a_paper_renewal_only_for_a_holder_without_an_account()
    {
        var world = await ArrangeAsync();
        var withAccountCredential = await Fixture.QueryAsync(db => db.Credentials.Where(c => c.HolderPersonId == world.WithAccount.Id).Select(c => c.Id).SingleAsync());
        var oldExpiry = world.UnclaimedCredential.ExpiresOn;

        var renewed = await Fixture.SendAsync(new RecordPaperRenewal.Command { CredentialId = world.UnclaimedCredential.Id, Reference = "Form 12, received June 10" }, TestUsers.Reviewer("VT"));

        Assert.Equal((CredentialStatus.Active, oldExpiry.AddMonths(24)), (renewed.Status, renewed.ExpiresOn));
        var last = await Fixture.QueryAsync(db => db.Credentials.Where(c => c.Id == world.UnclaimedCredential.Id).SelectMany(c => c.History).OrderByDescending(e => e.Sequence).FirstAsync());
        Assert.Equal((CredentialEventKind.Renewed, "Renewal received on paper: Form 12, received June 10"), (last.Kind, last.Reason));
        Assert.True(await Fixture.AuditedAsync("RecordPaperRenewal", "Credential"));
        await Assert.ThrowsAsync<DomainRuleException>(() =>
            Fixture.SendAsync(new RecordPaperRenewal.Command { CredentialId = withAccountCredential, Reference = "Form 13" }, TestUsers.Reviewer("VT")));
        await Assert.ThrowsAsync<ValidationException>(() =>
            Fixture.SendAsync(new RecordPaperRenewal.Command { CredentialId = world.WithoutEmailCredential.Id, Reference = " " }, TestUsers.Reviewer("VT")));
    }
}
