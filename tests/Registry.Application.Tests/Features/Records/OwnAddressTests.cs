using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Application.Features.Records;
using Registry.Domain.Applications;
using Registry.Domain.Notifications;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Records;

/// <summary>A supervisor or referee vouches for the applicant: none of the applicant's own addresses can be named for either.</summary>
public sealed class OwnAddressTests(SliceFixture fixture) : SliceTest(fixture)
{
    private const string AccountEmail = "robin.signs.in@example.org";

    /// <summary>The scenario's applicant with a sign-in of their own, at an address other than their profile's.</summary>
    private async Task<(RecordsScenario Scenario, System.Security.Claims.ClaimsPrincipal Applicant)> ArrangeAsync()
    {
        var scenario = await RecordsScenario.ArrangeAsync(Fixture);
        var userId = await Fixture.RunAsync<IIdentityService, Guid>(identity =>
            identity.CreateUserAsync(new NewAccount(AccountEmail, "Robin") { PersonId = scenario.Applicant.Id, EmailConfirmed = true }, Roles.Applicant, "Own-Address-Test-2027"));
        return (scenario, TestUsers.Applicant(scenario.Applicant.Id, userId));
    }

    public static TheoryData<string> OwnAddresses() => new() { "profile", "PROFILE", "profile+supervisor", AccountEmail, " Robin.Signs.In+x@EXAMPLE.org " };

    private static string Spelled(RecordsScenario scenario, string address) => address switch
    {
        "profile" => scenario.Applicant.Email!,
        "PROFILE" => scenario.Applicant.Email!.ToUpperInvariant(),
        "profile+supervisor" => scenario.Applicant.Email!.Replace("@", "+supervisor@", StringComparison.Ordinal),
        _ => address,
    };

    [Theory]
    [MemberData(nameof(OwnAddresses))]
    public async Task An_applicant_cannot_log_a_session_with_themselves_as_supervisor(string address)
    {
        var (scenario, applicant) = await ArrangeAsync();

        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            Fixture.SendAsync(AddSupervisionLogTests.Session(scenario.Draft.Id, Spelled(scenario, address)), applicant));

        Assert.Equal(AddSupervisionLog.OwnSupervisor, Assert.Single(refused.Errors, e => e.PropertyName == "SupervisorEmail").ErrorMessage);
        Assert.Equal(0, await Fixture.CountAsync<SupervisionLog>());
    }

    [Theory]
    [MemberData(nameof(OwnAddresses))]
    public async Task An_applicant_cannot_name_themselves_as_referee(string address)
    {
        var (scenario, applicant) = await ArrangeAsync();

        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            Fixture.SendAsync(AddReferenceTests.Referee(scenario.Draft.Id, Spelled(scenario, address)), applicant));

        Assert.Equal(AddReference.OwnReferee, Assert.Single(refused.Errors, e => e.PropertyName == "RefereeEmail").ErrorMessage);
        Assert.Equal(0, await Fixture.CountAsync<Reference>());
    }

    [Fact]
    public async Task Records_naming_the_applicant_from_before_the_rule_are_never_sent_to_them_for_confirmation()
    {
        var (scenario, applicant) = await ArrangeAsync();
        // Written straight to the database, as records from before the rule are.
        await Fixture.ExecuteAsync(async db =>
        {
            var draft = await db.Applications.Include(a => a.References).Include(a => a.SupervisionLogs).SingleAsync(a => a.Id == scenario.Draft.Id);
            draft.AddReference(2, "Robin Alvarez", AccountEmail, "Myself");
            draft.AddSupervisionLog(RecordsScenario.Today.AddDays(-3), 1, SupervisionFormat.Individual, "Anything", "Robin", "None", scenario.Applicant.Email!,
                new RecordDates(RecordsScenario.Today, null));
            await db.SaveChangesAsync();
        });
        var referenceId = await Fixture.QueryAsync(db => db.Set<Reference>().Select(r => r.Id).SingleAsync());

        var reference = await Assert.ThrowsAsync<ValidationException>(() =>
            Fixture.SendAsync(new RequestReferenceConfirmation.Command(scenario.Draft.Id, referenceId), applicant));
        var supervisor = await Assert.ThrowsAsync<ValidationException>(() =>
            Fixture.SendAsync(new RequestSupervisorConfirmation.Command(scenario.Draft.Id, scenario.Applicant.Email!), applicant));

        Assert.Equal(AddReference.OwnReferee, Assert.Single(reference.Errors).ErrorMessage);
        Assert.Equal(AddSupervisionLog.OwnSupervisor, Assert.Single(supervisor.Errors).ErrorMessage);
        Assert.Equal(0, await Fixture.CountAsync<Notification>());
    }

    [Fact]
    public async Task Someone_else_with_a_similar_address_can_be_named()
    {
        var (scenario, applicant) = await ArrangeAsync();

        await Fixture.SendAsync(AddSupervisionLogTests.Session(scenario.Draft.Id, "robin.signs.in@example.net"), applicant);
        await Fixture.SendAsync(AddReferenceTests.Referee(scenario.Draft.Id, "signs.in@example.org"), applicant);

        Assert.Equal(1, await Fixture.CountAsync<SupervisionLog>());
        Assert.Equal(1, await Fixture.CountAsync<Reference>());
    }
}
