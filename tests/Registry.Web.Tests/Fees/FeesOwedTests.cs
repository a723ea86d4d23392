using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Security;
using Registry.Domain.Credentials;
using Registry.Domain.Fees;
using Registry.Domain.Jurisdictions;
using Registry.Testing;

namespace Registry.Web.Tests.Fees;

/// <summary>A fee owed at an application's first submission, from the schedule in force then, holding it out of review until settled.</summary>
public sealed class FeesOwedTests(WebFixture fixture) : WebTest(fixture)
{
    private static ProgramRequirements Charging(params FeeRate[] fees) => new(
        trainingHoursTotal: 0, trainingDomains: [], supervisedWorkHours: 0, supervisionHours: 0, referencesRequired: 0, exam: null,
        requiredAttestations: [], renewalCycleMonths: 24, continuingEducationHours: 0, ethicsContinuingEducationHours: 0,
        gracePeriodDays: 30, renewalWindowDays: 90, fees: fees);

    private sealed record World(Jurisdiction State, Guid PersonId, HttpClient Applicant, HttpClient Reviewer);

    private async Task<World> WorldAsync(ProgramRequirements requirements)
    {
        var state = TestData.State("TX", "Texas", "PRS", requirements);
        var person = TestData.Person("Dana", "Fee");
        await Fixture.InsertAsync(state, person);
        await Fixture.CreateUserAsync("dana@test.example", Roles.Applicant, personId: person.Id);
        await Fixture.CreateUserAsync("reviewer.tx@test.example", Roles.Reviewer, state: "TX");
        return new World(state, person.Id, await Fixture.ApiClientAsync("dana@test.example"), await Fixture.ApiClientAsync("reviewer.tx@test.example"));
    }

    private static async Task<Guid> StartAsync(HttpClient applicant, Guid programId)
    {
        var created = await applicant.PostAsJsonAsync("/api/v1/applications", new { programId });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applicationId").GetGuid();
    }

    private static async Task SubmitAsync(HttpClient applicant, Guid applicationId, object? body = null)
    {
        var submitted = await applicant.PostAsJsonAsync($"/api/v1/applications/{applicationId}/submit", body ?? new { });
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal("Submitted", (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    private Task<List<Fee>> FeesOfAsync(Guid applicationId) =>
        Fixture.QueryAsync(db => db.Fees.AsNoTracking().Where(f => f.ApplicationId == applicationId).ToListAsync());

    private static async Task<List<Guid>> QueueAsync(HttpClient reviewer) =>
        (await reviewer.GetFromJsonAsync<JsonElement>("/api/v1/review/TX/queue")).GetProperty("items").EnumerateArray()
            .Select(r => r.GetProperty("applicationId").GetGuid()).ToList();

    /// <summary>Settles a fee the way the payment and waiver use cases do: the fee and the application that waits for it, together.</summary>
    private Task SettleAsync(Guid feeId) => Fixture.QueryAsync(async db =>
    {
        var fee = await db.Fees.SingleAsync(f => f.Id == feeId);
        fee.RecordPayment(fee.Balance, PaymentMethod.Cheque, Payer.Person, "1001", TestClock.StartDay, Now, Guid.NewGuid());
        (await db.Applications.SingleAsync(a => a.Id == fee.ApplicationId)).FeeSettled();
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Submitting_owes_the_fee_of_the_version_in_force_which_a_later_schedule_does_not_change()
    {
        var world = await WorldAsync(Charging(new FeeRate(FeeKind.InitialApplication, 60m, holdsPeerCredentialAmount: 20m)));
        var program = world.State.Programs[0];
        var id = await StartAsync(world.Applicant, program.Id);
        await SubmitAsync(world.Applicant, id);

        var fee = Assert.Single(await FeesOfAsync(id));
        Assert.Equal((FeeKind.InitialApplication, 60m, FeeBasis.Standard, FeeStatus.Owed, program.RequirementsVersion, world.PersonId),
            (fee.Kind, fee.Amount, fee.Basis, fee.Status, fee.RequirementsVersion, fee.PersonId));
        Assert.True(await Fixture.QueryAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.AwaitingFee).SingleAsync()));

        await Fixture.CreateUserAsync("admin.tx@test.example", Roles.StateAdmin, state: "TX");
        var admin = await Fixture.ApiClientAsync("admin.tx@test.example");
        var requirements = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/programs/{program.Id}/requirements")).GetProperty("requirements");
        var changed = JsonSerializer.Deserialize<Dictionary<string, object>>(requirements.GetRawText())!;
        changed["fees"] = new[] { new { kind = "InitialApplication", amount = 85.50m } };
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/programs/{program.Id}/requirements", changed)).StatusCode);
        var schedule = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/programs/{program.Id}/requirements")).GetProperty("requirements").GetProperty("fees");
        Assert.Equal(85.50m, Assert.Single(schedule.EnumerateArray()).GetProperty("amount").GetDecimal());

        Assert.Equal(60m, Assert.Single(await FeesOfAsync(id)).Amount);
        var mine = await world.Applicant.GetFromJsonAsync<JsonElement>("/api/v1/me/fees");
        var listed = Assert.Single(mine.EnumerateArray());
        Assert.Equal((fee.Id, 60m, 60m, "Owed"), (listed.GetProperty("id").GetGuid(), listed.GetProperty("amount").GetDecimal(),
            listed.GetProperty("balance").GetDecimal(), listed.GetProperty("status").GetString()));
        var one = await world.Applicant.GetFromJsonAsync<JsonElement>($"/api/v1/fees/{fee.Id}");
        Assert.Equal((program.RequirementsVersion, "Standard"), (one.GetProperty("requirementsVersion").GetInt32(), one.GetProperty("basis").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await world.Reviewer.GetAsync($"/api/v1/fees/{fee.Id}")).StatusCode);
    }

    [Fact]
    public async Task The_application_stays_out_of_the_review_queue_and_cannot_be_reviewed_until_its_fee_is_settled()
    {
        var world = await WorldAsync(Charging(new FeeRate(FeeKind.InitialApplication, 60m)));
        var id = await StartAsync(world.Applicant, world.State.Programs[0].Id);
        await SubmitAsync(world.Applicant, id);

        Assert.DoesNotContain(id, await QueueAsync(world.Reviewer));
        var refused = await world.Reviewer.PostAsync($"/api/v1/applications/{id}/review", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("fee is not paid or waived yet", await refused.Content.ReadAsStringAsync());
        Assert.Equal(Registry.Domain.Applications.ApplicationStatus.Submitted,
            await Fixture.QueryAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));

        await SettleAsync(Assert.Single(await FeesOfAsync(id)).Id);
        Assert.Contains(id, await QueueAsync(world.Reviewer));
        Assert.Equal(HttpStatusCode.OK, (await world.Reviewer.PostAsync($"/api/v1/applications/{id}/review", null)).StatusCode);
    }

    [Fact]
    public async Task A_person_who_holds_another_active_peer_credential_owes_the_reduced_fee()
    {
        var world = await WorldAsync(Charging(new FeeRate(FeeKind.InitialApplication, 60m, holdsPeerCredentialAmount: 20m)));
        var elsewhere = TestData.State("OK", "Oklahoma", "PRSS", TestData.NoRequirements());
        await Fixture.InsertAsync(elsewhere);
        await Fixture.InsertAsync(Credential.Issue(elsewhere.Programs[0], world.PersonId, TestClock.StartDay.AddMonths(-3), Guid.NewGuid(), Now));
        var id = await StartAsync(world.Applicant, world.State.Programs[0].Id);

        await SubmitAsync(world.Applicant, id);

        var fee = Assert.Single(await FeesOfAsync(id));
        Assert.Equal((20m, FeeBasis.HoldsPeerCredential), (fee.Amount, fee.Basis));
    }

    [Fact]
    public async Task A_service_member_or_veteran_owes_the_military_fee()
    {
        var world = await WorldAsync(Charging(new FeeRate(FeeKind.InitialApplication, 60m, militaryOrVeteranAmount: 15m)));
        var id = await StartAsync(world.Applicant, world.State.Programs[0].Id);

        await SubmitAsync(world.Applicant, id, new { militaryOrVeteran = true });

        var fee = Assert.Single(await FeesOfAsync(id));
        Assert.Equal((15m, FeeBasis.MilitaryOrVeteran), (fee.Amount, fee.Basis));
    }

    [Fact]
    public async Task A_program_that_charges_nothing_owes_no_fee_and_the_application_goes_straight_to_the_queue()
    {
        var world = await WorldAsync(Charging(new FeeRate(FeeKind.Renewal, 50m)));
        var id = await StartAsync(world.Applicant, world.State.Programs[0].Id);

        await SubmitAsync(world.Applicant, id);

        Assert.Empty(await FeesOfAsync(id));
        Assert.False(await Fixture.QueryAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.AwaitingFee).SingleAsync()));
        Assert.Contains(id, await QueueAsync(world.Reviewer));
        Assert.Equal(0, (await world.Applicant.GetFromJsonAsync<JsonElement>("/api/v1/me/fees")).GetArrayLength());
    }

    [Fact]
    public async Task Withdrawing_cancels_the_unpaid_fee()
    {
        var world = await WorldAsync(Charging(new FeeRate(FeeKind.InitialApplication, 60m)));
        var id = await StartAsync(world.Applicant, world.State.Programs[0].Id);
        await SubmitAsync(world.Applicant, id);

        Assert.Equal(HttpStatusCode.OK, (await world.Applicant.PostAsJsonAsync($"/api/v1/applications/{id}/withdraw", new { reason = "Moving away." })).StatusCode);

        var fee = Assert.Single(await FeesOfAsync(id));
        Assert.Equal((FeeStatus.Cancelled, 0m), (fee.Status, fee.Balance));
        Assert.True(await Fixture.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Fee) && a.EntityId == fee.Id.ToString())));
    }

    [Fact]
    public async Task A_resubmission_after_a_request_for_information_owes_nothing_new()
    {
        var world = await WorldAsync(Charging(new FeeRate(FeeKind.InitialApplication, 60m)));
        var id = await StartAsync(world.Applicant, world.State.Programs[0].Id);
        await SubmitAsync(world.Applicant, id);
        await SettleAsync(Assert.Single(await FeesOfAsync(id)).Id);
        Assert.Equal(HttpStatusCode.OK, (await world.Reviewer.PostAsync($"/api/v1/applications/{id}/review", null)).StatusCode);
        Assert.True((await world.Reviewer.PostAsJsonAsync($"/api/v1/review/applications/{id}/request-information", new { message = "Add your supervisor's phone." })).IsSuccessStatusCode);

        await SubmitAsync(world.Applicant, id, new { answer = "Added." });

        var fee = Assert.Single(await FeesOfAsync(id));
        Assert.Equal(FeeStatus.Paid, fee.Status);
        Assert.False(await Fixture.QueryAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.AwaitingFee).SingleAsync()));
        Assert.Contains(id, await QueueAsync(world.Reviewer));
    }

    [Fact]
    public async Task Fees_are_the_persons_own_and_their_state_staffs_and_no_one_elses()
    {
        var world = await WorldAsync(Charging(new FeeRate(FeeKind.InitialApplication, 60m)));
        var id = await StartAsync(world.Applicant, world.State.Programs[0].Id);
        await SubmitAsync(world.Applicant, id);
        var feeId = Assert.Single(await FeesOfAsync(id)).Id;
        var other = TestData.Person("Sam", "Other");
        await Fixture.InsertAsync(other);
        await Fixture.CreateUserAsync("sam@test.example", Roles.Applicant, personId: other.Id);
        await Fixture.CreateUserAsync("reviewer.nm@test.example", Roles.Reviewer, state: "NM");

        Assert.Equal(HttpStatusCode.NotFound, (await (await Fixture.ApiClientAsync("sam@test.example")).GetAsync($"/api/v1/fees/{feeId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await Fixture.ApiClientAsync("reviewer.nm@test.example")).GetAsync($"/api/v1/fees/{feeId}")).StatusCode);
        Assert.Equal(0, (await (await Fixture.ApiClientAsync("sam@test.example")).GetFromJsonAsync<JsonElement>("/api/v1/me/fees")).GetArrayLength());
    }
}
