using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Security;
using Registry.Domain.Fees;
using Registry.Domain.Jurisdictions;
using Registry.Testing;

namespace Registry.Web.Tests.Fees;

/// <summary>The fee schedule edited on the program page and through the API, and what a person owes on their pages.</summary>
public sealed class FeePagesTests(WebFixture fixture) : WebTest(fixture)
{
    private static FormUrlEncodedContent Form(string page, params (string Key, string Value)[] fields) =>
        new(fields.Append(("__RequestVerificationToken", WebFixture.AntiforgeryToken(page))).Select(f => KeyValuePair.Create(f.Item1, f.Item2)));

    private static (string, string)[] Requirements(params (string, string)[] fees) =>
    [
        ("Input.TrainingHoursTotal", "0"), ("Input.RenewalCycleMonths", "24"), ("Input.GracePeriodDays", "30"), ("Input.RenewalWindowDays", "90"),
        ("Fees[0].Kind", "InitialApplication"), ("Fees[1].Kind", "Reciprocity"), .. fees,
    ];

    private Task<int> VersionAsync(Guid programId) => Fixture.QueryAsync(db => db.Programs.Where(p => p.Id == programId).Select(p => p.RequirementsVersion).SingleAsync());

    [Fact]
    public async Task A_state_admin_sets_the_fees_on_the_program_page_with_field_errors_for_bad_amounts_and_the_public_page_lists_them()
    {
        var state = TestData.State("PA", "Pennsylvania", "CRS", TestData.NoRequirements());
        await Fixture.InsertAsync(state);
        var programId = state.Programs[0].Id;
        await Fixture.CreateUserAsync("admin.pa@test.example", Roles.StateAdmin, state: "PA");
        var admin = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(admin, "admin.pa@test.example");
        var page = await admin.GetStringAsync($"/Staff/Programs/{programId}");
        Assert.Contains("name=\"Fees[0].Amount\"", page);
        Assert.Contains("Renewal in the grace period", page);
        var version = await VersionAsync(programId);

        var bad = await admin.PostAsync($"/Staff/Programs/{programId}", Form(page, Requirements(
            ("Fees[0].Amount", "50.005"), ("Fees[1].Amount", "200"), ("Fees[1].HoldsPeerCredentialAmount", "250"))));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badPage = await bad.Content.ReadAsStringAsync();
        Assert.Contains("The requirements were not changed", badPage);
        Assert.Contains("The fee is in dollars and cents: at most two decimal places.", badPage);
        Assert.Contains("The reduced fee cannot be more than the standard fee.", badPage);
        Assert.Contains("href=\"#Fees_0__Amount\"", badPage);
        Assert.Contains("usa-input--error", badPage);
        Assert.Equal(version, await VersionAsync(programId));

        var negative = await admin.PostAsync($"/Staff/Programs/{programId}", Form(page, Requirements(("Fees[0].Amount", "-1"))));
        Assert.Contains("The fee cannot be negative.", await negative.Content.ReadAsStringAsync());
        Assert.Equal(version, await VersionAsync(programId));

        var saved = await admin.PostAsync($"/Staff/Programs/{programId}", Form(page, Requirements(
            ("Fees[0].Amount", "60"), ("Fees[0].HoldsPeerCredentialAmount", "20"), ("Fees[1].Amount", ""))));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var rates = await Fixture.QueryAsync(db => db.Programs.AsNoTracking().Where(p => p.Id == programId).Select(p => p.Requirements).SingleAsync());
        var rate = Assert.Single(rates.Fees);
        Assert.Equal((FeeKind.InitialApplication, 60m, 20m, (decimal?)null), (rate.Kind, rate.Amount, rate.HoldsPeerCredentialAmount, rate.MilitaryOrVeteranAmount));
        Assert.Equal(version + 1, await VersionAsync(programId));
        Assert.Contains("value=\"60.00\"", await admin.GetStringAsync($"/Staff/Programs/{programId}"));

        var publicPage = await Fixture.Client().GetStringAsync("/Programs/PA/CRS");
        Assert.Contains("$60.00", publicPage);
        Assert.Contains("$20.00", publicPage);
    }

    [Fact]
    public async Task The_api_refuses_a_bad_schedule_with_problem_details_and_writes_nothing()
    {
        var state = TestData.State("PA", "Pennsylvania", "CRS", TestData.NoRequirements());
        await Fixture.InsertAsync(state);
        var programId = state.Programs[0].Id;
        await Fixture.CreateUserAsync("admin.pa@test.example", Roles.StateAdmin, state: "PA");
        var admin = await Fixture.ApiClientAsync("admin.pa@test.example");
        var requirements = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/programs/{programId}/requirements")).GetProperty("requirements");
        var version = await VersionAsync(programId);

        foreach (var fees in new object[]
                 {
                     new[] { new { kind = "Renewal", amount = 50.001m } },
                     new[] { new { kind = "Renewal", amount = -50m } },
                     new object[] { new { kind = "Reciprocity", amount = 200m, holdsPeerCredentialAmount = 201m } },
                     new[] { new { kind = "Renewal", amount = 50m }, new { kind = "Renewal", amount = 40m } },
                 })
        {
            var body = JsonSerializer.Deserialize<Dictionary<string, object>>(requirements.GetRawText())!;
            body["fees"] = fees;
            var refused = await admin.PutAsJsonAsync($"/api/v1/programs/{programId}/requirements", body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
            Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("errors", out _));
        }
        Assert.Equal(version, await VersionAsync(programId));
        var kept = await Fixture.QueryAsync(db => db.Programs.AsNoTracking().Where(p => p.Id == programId).Select(p => p.Requirements).SingleAsync());
        Assert.Empty(kept.Fees);
    }

    [Fact]
    public async Task The_applicant_sees_the_fee_before_submitting_then_that_the_application_waits_for_it_and_the_ways_to_pay()
    {
        var state = TestData.State("TX", "Texas", "PRS", new ProgramRequirements(0, [], 0, 0, 0, null, [], 24, 0, 0, 30, 90,
            fees: [new FeeRate(FeeKind.InitialApplication, 60m, 20m, 40m)]));
        state.ChangeContact(new BoardContact("Texas Certification Board", "401 Congress Avenue, Austin, TX 78701", null, null, null));
        var person = TestData.Person("Dana", "Fee");
        await Fixture.InsertAsync(state, person);
        await Fixture.CreateUserAsync("dana@test.example", Roles.Applicant, personId: person.Id);
        var browser = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(browser, "dana@test.example");
        var apply = await browser.GetStringAsync("/Applications");
        var started = await browser.PostAsync("/Applications?handler=Start", Form(apply, ("Input.ProgramId", state.Programs[0].Id.ToString()), ("Input.Type", "Initial")));
        var overviewUrl = started.Headers.Location!.OriginalString;

        var draft = await browser.GetStringAsync(overviewUrl);
        Assert.Contains("a fee of <strong>$60.00</strong>", draft);
        Assert.Contains("I serve or served in the military", draft);
        Assert.Contains("The fee is then $40.00", draft);

        var submitted = await browser.PostAsync($"{overviewUrl}?handler=Submit", Form(draft, ("MilitaryOrVeteran", "true")));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var fee = await Fixture.QueryAsync(db => db.Fees.AsNoTracking().SingleAsync(f => f.PersonId == person.Id));
        Assert.Equal((40m, FeeBasis.MilitaryOrVeteran), (fee.Amount, fee.Basis));

        var waiting = await browser.GetStringAsync(overviewUrl);
        Assert.Contains("Your application is waiting for its fee", waiting);
        Assert.Contains("Submitted: waiting for the fee", waiting);
        Assert.Contains($"href=\"/Fees/Fee/{fee.Id}\"", waiting);
        Assert.Contains("Submitted: waiting for the fee", await browser.GetStringAsync("/Applications"));

        var list = await browser.GetStringAsync("/Fees");
        Assert.Contains($"href=\"/Fees/Fee/{fee.Id}\"", list);
        Assert.Contains("$40.00", list);

        var one = await browser.GetStringAsync($"/Fees/Fee/{fee.Id}");
        Assert.Contains($"action=\"/Fees/Pay/{fee.Id}\"", one);
        Assert.Contains("__RequestVerificationToken", one);
        Assert.Contains($"href=\"/Fees/Voucher/{fee.Id}\"", one);
        Assert.Contains($"href=\"/Fees/Hardship/{fee.Id}\"", one);
        Assert.Contains($"href=\"/Fees/Employer/{fee.Id}\"", one);
        Assert.Contains("Texas Certification Board", one);
        Assert.Contains("Austin, TX 78701", one);
        Assert.Contains("Military and veteran fee".ToLowerInvariant(), one);

        var stranger = TestData.Person("Sam", "Other");
        await Fixture.InsertAsync(stranger);
        await Fixture.CreateUserAsync("sam@test.example", Roles.Applicant, personId: stranger.Id);
        var other = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(other, "sam@test.example");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Fees/Fee/{fee.Id}")).StatusCode);
    }
}
