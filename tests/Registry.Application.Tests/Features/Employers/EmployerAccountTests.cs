using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Features.Employers;
using Registry.Domain.Common;
using Registry.Domain.Employers;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Employers;

public sealed class EmployerAccountTests(SliceFixture fixture) : SliceTest(fixture)
{
    private async Task<Guid> RegisterAsync(string state = "TN")
    {
        await Fixture.InsertAsync(TestData.State("TN", "Tennessee", "CPRS"), TestData.State("PA", "Pennsylvania"));
        return await Fixture.SendAsync(new RegisterEmployer.Command { Name = "Harbor Clinic", ContactEmail = "hr@harbor.example", StateCode = state }, TestUsers.Anonymous);
    }

    [Fact]
    public async Task A_registered_employer_waits_until_its_states_administrator_approves_it()
    {
        var id = await RegisterAsync();
        await Assert.ThrowsAsync<DomainRuleException>(() => Fixture.SendAsync(new CreateApiKey.Command("HR system"), TestUsers.Employer(id)));

        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.SendAsync(new ApproveEmployer.Command(id), TestUsers.StateAdmin("PA")));
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(new ApproveEmployer.Command(id), TestUsers.Reviewer("TN")));
        Assert.Empty(await Fixture.SendAsync(new ListEmployers.Query(), TestUsers.StateAdmin("PA")));

        await Fixture.SendAsync(new ApproveEmployer.Command(id), TestUsers.StateAdmin("TN"));

        var employer = await Fixture.QueryAsync(db => db.Employers.SingleAsync());
        Assert.Equal(EmployerStatus.Approved, employer.Status);
        Assert.Equal("hr@harbor.example", (await Fixture.QueryAsync(db => db.Notifications.SingleAsync())).RecipientEmail);
        Assert.True(await Fixture.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "ApproveEmployer" && a.StateCode == "TN")));
        await Assert.ThrowsAsync<DomainRuleException>(() => Fixture.SendAsync(new ApproveEmployer.Command(id), TestUsers.SystemAdmin()));
    }

    [Fact]
    public async Task An_unknown_state_is_refused_at_registration()
    {
        var error = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => RegisterAsync("ZZ"));
        Assert.Contains(error.Errors, e => e.PropertyName == "StateCode");
    }

    [Fact]
    public async Task An_api_key_is_returned_once_stored_as_a_hash_and_stops_working_when_revoked()
    {
        var id = await RegisterAsync();
        await Fixture.SendAsync(new ApproveEmployer.Command(id), TestUsers.SystemAdmin());

        var created = await Fixture.SendAsync(new CreateApiKey.Command("HR system"), TestUsers.Employer(id));

        var stored = await Fixture.QueryAsync(db => db.ApiKeys.SingleAsync());
        Assert.Equal(EmployerApiKey.HashOf(created.Key), stored.KeyHash);
        Assert.DoesNotContain(created.Key[EmployerApiKey.KeyStart.Length..], stored.KeyHash + stored.Prefix + stored.Name);
        Assert.False(await Fixture.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.After != null && a.After.Contains(stored.KeyHash))));
        Assert.Equal(id, (await Fixture.SendAsync(new IdentifyApiKey.Query(created.Key), TestUsers.Anonymous))!.EmployerId);
        Assert.Null(await Fixture.SendAsync(new IdentifyApiKey.Query(created.Key + "0"), TestUsers.Anonymous));

        var other = await Fixture.SendAsync(new RegisterEmployer.Command { Name = "Other", ContactEmail = "o@o.example", StateCode = "TN" }, TestUsers.Anonymous);
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.SendAsync(new RevokeApiKey.Command(created.Id), TestUsers.Employer(other)));
        await Fixture.SendAsync(new RevokeApiKey.Command(created.Id), TestUsers.Employer(id));

        Assert.Null(await Fixture.SendAsync(new IdentifyApiKey.Query(created.Key), TestUsers.Anonymous));
        Assert.True(await Fixture.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "RevokeApiKey")));
    }
}
