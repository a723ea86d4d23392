using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Registry.Domain.Fees;
using Registry.Testing;

namespace Registry.Web.Tests.Fees;

/// <summary>Funds and their fiscal-year budgets, staff waivers within them, and hardship requests through the API.</summary>
public sealed class FundsAndWaiversTests(WebFixture fixture) : WebTest(fixture)
{
    private static readonly DateOnly Today = TestClock.StartDay;

    [Fact]
    public async Task A_StateAdmin_creates_a_fund_and_sets_its_budget_in_dollars_and_cents()
    {
        await FeeHelpArrangement.ArrangeAsync(Fixture, Now);
        var admin = await Fixture.ApiClientAsync(FeeHelpArrangement.TexasAdmin);

        var created = await admin.PostAsJsonAsync("/api/v1/states/TX/funds", new
        {
            name = "Texas Peer Scholarship", purpose = "Application fees for people in early recovery", fiscalYearStartMonth = 9, fiscalYearStartDay = 1,
            covers = new[] { "InitialApplication", "Reinstatement" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var fundId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var threeDecimals = await admin.PutAsJsonAsync($"/api/v1/states/TX/funds/{fundId}/budget", new { budget = 1000.005m });
        Assert.Equal(HttpStatusCode.BadRequest, threeDecimals.StatusCode);
        Assert.Contains("two decimal places", await threeDecimals.Content.ReadAsStringAsync());
        Assert.Empty(await Fixture.QueryAsync(db => db.FeeFunds.AsNoTracking().Where(f => f.Id == fundId).SelectMany(f => f.Years).ToListAsync()));

        var set = await admin.PutAsJsonAsync($"/api/v1/states/TX/funds/{fundId}/budget", new { budget = 1000.50m });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var year = await set.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2026-09-01", year.GetProperty("startsOn").GetString());
        Assert.Equal("2027-08-31", year.GetProperty("endsOn").GetString());

        var funds = await admin.GetFromJsonAsync<JsonElement>("/api/v1/states/TX/funds");
        var current = Assert.Single(funds.EnumerateArray()).GetProperty("current");
        Assert.Equal(1000.50m, current.GetProperty("budget").GetDecimal());
        Assert.Equal(1000.50m, current.GetProperty("left").GetDecimal());

        var otherState = await Fixture.ApiClientAsync(FeeHelpArrangement.PennsylvaniaAdmin);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherState.GetAsync("/api/v1/states/TX/funds")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherState.PutAsJsonAsync($"/api/v1/states/TX/funds/{fundId}/budget", new { budget = 1m })).StatusCode);
        var reviewer = await Fixture.ApiClientAsync(FeeHelpArrangement.TexasReviewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync("/api/v1/states/TX/funds")).StatusCode);
    }

    [Fact]
    public async Task A_waiver_from_a_fund_settles_the_fee_and_sends_the_application_to_review_and_one_beyond_the_budget_is_refused()
    {
        var arranged = await FeeHelpArrangement.ArrangeAsync(Fixture, Now);
        var fund = await FeeHelpArrangement.FundAsync(Fixture, arranged.Texas.Code, Today, budget: 100m);
        var (_, second) = await FeeHelpArrangement.OweAsync(Fixture, arranged.Texas, arranged.Person, Now, amount: 50m);
        var admin = await Fixture.ApiClientAsync(FeeHelpArrangement.TexasAdmin);
        var reviewer = await Fixture.ApiClientAsync(FeeHelpArrangement.TexasReviewer);
        Assert.DoesNotContain(arranged.Application.Id, await QueueAsync(reviewer));

        var noReason = await admin.PostAsJsonAsync($"/api/v1/fees/{arranged.Fee.Id}/waiver", new { fundId = fund.Id, reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var waived = await admin.PostAsJsonAsync($"/api/v1/fees/{arranged.Fee.Id}/waiver", new { fundId = fund.Id, reason = "Scholarship awarded" });
        Assert.Equal(HttpStatusCode.OK, waived.StatusCode);
        Assert.Equal(60m, (await waived.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("waived").GetDecimal());
        Assert.Contains(arranged.Application.Id, await QueueAsync(reviewer));

        var beyond = await admin.PostAsJsonAsync($"/api/v1/fees/{second.Id}/waiver", new { fundId = fund.Id, reason = "Scholarship awarded" });
        Assert.Equal(HttpStatusCode.Conflict, beyond.StatusCode);
        Assert.Contains("$40.00 left this fiscal year, less than the $50.00 needed", await beyond.Content.ReadAsStringAsync());
        Assert.Equal(FeeStatus.Owed, await Fixture.QueryAsync(db => db.Fees.Where(f => f.Id == second.Id).Select(f => f.Status).SingleAsync()));
        Assert.Equal(60m, await DrawnAsync(fund.Id));

        // Without a fund a StateAdmin can still waive, with a reason; another state's admin cannot see the fee.
        var otherState = await Fixture.ApiClientAsync(FeeHelpArrangement.PennsylvaniaAdmin);
        Assert.Equal(HttpStatusCode.NotFound, (await otherState.PostAsJsonAsync($"/api/v1/fees/{second.Id}/waiver", new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PostAsJsonAsync($"/api/v1/fees/{second.Id}/waiver", new { reason = "x" })).StatusCode);
        var plain = await admin.PostAsJsonAsync($"/api/v1/fees/{second.Id}/waiver", new { reason = "Board decision" });
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal(60m, await DrawnAsync(fund.Id));
    }

    [Fact]
    public async Task Two_waivers_at_once_that_together_exceed_the_budget_draw_it_once()
    {
        var arranged = await FeeHelpArrangement.ArrangeAsync(Fixture, Now);
        var fund = await FeeHelpArrangement.FundAsync(Fixture, arranged.Texas.Code, Today, budget: 100m);
        var (_, second) = await FeeHelpArrangement.OweAsync(Fixture, arranged.Texas, arranged.Person, Now, amount: 60m);
        var first = await Fixture.ApiClientAsync(FeeHelpArrangement.TexasAdmin);
        var other = await Fixture.ApiClientAsync(FeeHelpArrangement.TexasAdmin);

        var answers = await Task.WhenAll(
            first.PostAsJsonAsync($"/api/v1/fees/{arranged.Fee.Id}/waiver", new { fundId = fund.Id, reason = "Scholarship" }),
            other.PostAsJsonAsync($"/api/v1/fees/{second.Id}/waiver", new { fundId = fund.Id, reason = "Scholarship" }));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        Assert.Equal(60m, await DrawnAsync(fund.Id));
        Assert.Equal(1, await Fixture.QueryAsync(db => db.Fees.CountAsync(f => f.Status == FeeStatus.Waived)));
    }

    [Fact]
    public async Task A_hardship_request_is_granted_from_a_fund_or_refused_and_the_person_is_told_either_way()
    {
        var arranged = await FeeHelpArrangement.ArrangeAsync(Fixture, Now);
        var fund = await FeeHelpArrangement.FundAsync(Fixture, arranged.Texas.Code, Today, budget: 500m);
        var (_, second) = await FeeHelpArrangement.OweAsync(Fixture, arranged.Texas, arranged.Person, Now);
        var person = await Fixture.ApiClientAsync(FeeHelpArrangement.Applicant);
        const string statement = "I lost my job last month and rent comes first.";

        var empty = await person.PostAsJsonAsync($"/api/v1/fees/{arranged.Fee.Id}/hardship-requests", new { statement = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var asked = await person.PostAsJsonAsync($"/api/v1/fees/{arranged.Fee.Id}/hardship-requests", new { statement });
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var requestId = (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await person.PostAsJsonAsync($"/api/v1/fees/{arranged.Fee.Id}/hardship-requests", new { statement })).StatusCode);
        var secondId = (await (await person.PostAsJsonAsync($"/api/v1/fees/{second.Id}/hardship-requests", new { statement = "Same again." }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var stranger = await Fixture.ApiClientAsync(FeeHelpArrangement.OtherApplicant);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/v1/fees/{arranged.Fee.Id}/hardship-requests", new { statement })).StatusCode);

        var admin = await Fixture.ApiClientAsync(FeeHelpArrangement.TexasAdmin);
        var queue = await admin.GetFromJsonAsync<JsonElement>("/api/v1/states/TX/hardship-requests");
        Assert.Equal([requestId, secondId], queue.EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));
        Assert.Equal(statement, queue[0].GetProperty("statement").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await Fixture.ApiClientAsync(FeeHelpArrangement.PennsylvaniaAdmin)).GetAsync("/api/v1/states/TX/hardship-requests")).StatusCode);

        var granted = await admin.PostAsJsonAsync($"/api/v1/hardship-requests/{requestId}/decision", new { grant = true, fundId = fund.Id, reason = "Meets the scholarship's rules." });
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.Equal("Granted", (await granted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var refused = await admin.PostAsJsonAsync($"/api/v1/hardship-requests/{secondId}/decision", new { grant = false, reason = "One waiver a year." });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/v1/hardship-requests/{secondId}/decision", new { grant = true, reason = "Changed my mind." })).StatusCode);

        var fees = await Fixture.QueryAsync(db => db.Fees.OrderBy(f => f.Id).Select(f => new { f.Id, f.Status, f.WaiverFundId, f.ApplicationId }).ToListAsync());
        Assert.Equal((FeeStatus.Waived, fund.Id), fees.Where(f => f.Id == arranged.Fee.Id).Select(f => (f.Status, f.WaiverFundId!.Value)).Single());
        Assert.Equal(FeeStatus.Owed, fees.Single(f => f.Id == second.Id).Status);
        Assert.Equal(60m, await DrawnAsync(fund.Id));
        Assert.Contains(arranged.Application.Id, await QueueAsync(await Fixture.ApiClientAsync(FeeHelpArrangement.TexasReviewer)));

        var told = await Fixture.QueryAsync(db => db.Notifications.Where(n => n.RecipientEmail == arranged.Person.Email && n.Template == "hardship-decision")
            .Select(n => n.Payload).ToListAsync());
        Assert.Equal(2, told.Count);
        Assert.Contains(told, p => p.Contains("\"Granted\"") && p.Contains("Meets the scholarship"));
        Assert.Contains(told, p => p.Contains("\"Refused\"") && p.Contains("One waiver a year."));
        Assert.DoesNotContain(told, p => p.Contains("rent comes first"));
    }

    private static async Task<IReadOnlyList<Guid>> QueueAsync(HttpClient reviewer) =>
        (await reviewer.GetFromJsonAsync<JsonElement>("/api/v1/review/TX/queue")).GetProperty("items").EnumerateArray()
        .Select(r => r.GetProperty("applicationId").GetGuid()).ToList();

    private Task<decimal> DrawnAsync(Guid fundId) => Fixture.QueryAsync(db => db.FeeFunds.Where(f => f.Id == fundId).SelectMany(f => f.Years).SumAsync(y => y.Drawn));
}
