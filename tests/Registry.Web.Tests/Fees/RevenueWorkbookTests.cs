using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Registry.Domain.Fees;
using Registry.Testing;

namespace Registry.Web.Tests.Fees;

/// <summary>The revenue workbook read back with ClosedXML: every sheet's rows and totals equal what the database holds for the period.</summary>
public sealed class RevenueWorkbookTests(WebFixture fixture) : WebTest(fixture)
{
    private static readonly DateOnly From = TestClock.StartDay.AddDays(-30);
    private static readonly DateOnly To = TestClock.StartDay;

    private static DateTimeOffset Noon(DateOnly day) => new(day.ToDateTime(new TimeOnly(18, 0)), TimeSpan.Zero);

    private static DateOnly Day(int daysBeforeStart) => TestClock.StartDay.AddDays(-daysBeforeStart);

    [Fact]
    public async Task Every_sheet_of_the_period_adds_up_to_the_database_and_the_reconciliation_lists_what_the_provider_and_the_fees_disagree_on()
    {
        var scenario = await FeeOfficeScenario.CreateAsync(Fixture);
        var program = scenario.State.Programs[0].Id;
        var person = scenario.Person.Id;
        var staff = Guid.NewGuid();
        var admin = await Fixture.QueryAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == FeeOfficeScenario.StateAdmin);
            user.DisplayName = "Dana Whitfield";
            await db.SaveChangesAsync();
            return user.Id;
        });
        Fee Owe(decimal amount, int daysBeforeStart) =>
            Fee.Owe(scenario.State.Code, program, person, new FeeQuote(FeeKind.Renewal, amount, FeeBasis.Standard), 1, Noon(Day(daysBeforeStart)));

        var scholarship = new FeeFund(scenario.State.Code, "Tennessee Recovery Scholarship", null, 7, 1, Enum.GetValues<FeeKind>());
        var peerForce = new FeeFund(scenario.State.Code, "PeerForce vouchers", null, 7, 1, Enum.GetValues<FeeKind>());

        // In the period: a cheque and a money order (then a $20 refund), a card payment the provider reported, one it did
        // not, waivers from two funds, a voucher, and a provider payment that matched no fee.
        var offline = Owe(60m, 12);
        offline.RecordPayment(25m, PaymentMethod.Cheque, Payer.Person, "CHK-1", Day(10), Noon(Day(10)), staff);
        offline.RecordPayment(35m, PaymentMethod.MoneyOrder, Payer.Person, "MO-2", Day(9), Noon(Day(9)), staff);
        offline.Refund(20m, "Veteran rate applies.", staff, Noon(Day(5)));
        var carded = Owe(50m, 12);
        var cardPayment = carded.RecordPayment(50m, PaymentMethod.Card, Payer.Person, null, Day(8), Noon(Day(8)), null, "pi_matched");
        var unreported = Owe(40m, 12);
        var unreportedPayment = unreported.RecordPayment(40m, PaymentMethod.Card, Payer.Person, null, Day(7), Noon(Day(7)), null, "pi_unreported");
        var waivedA = Owe(60m, 12);
        waivedA.Waive(scholarship.Id, "Hardship: granted.", admin, Noon(Day(6)));
        var waivedB = Owe(20m, 12);
        waivedB.Waive(peerForce.Id, "Sponsored.", staff, Noon(Day(4)));
        var vouchered = Owe(60m, 12);
        vouchered.RecordPayment(60m, PaymentMethod.Voucher, Payer.Fund, "K7Q2", Day(3), Noon(Day(3)), null, fundId: peerForce.Id);
        var voucher = new Voucher(peerForce.Id, scenario.State.Code, Guid.NewGuid(), new string('a', 64), "K7Q2", Day(-30), staff, Noon(Day(40)));
        voucher.Use(vouchered.Id, Day(3), Noon(Day(3)));

        // Outside it: a cheque and its refund, a waiver, a card payment without provider payment and an unmatched provider payment.
        var old = Owe(60m, 70);
        old.RecordPayment(60m, PaymentMethod.Cheque, Payer.Person, "CHK-OLD", Day(60), Noon(Day(60)), staff);
        old.Refund(10m, "Old refund.", staff, Noon(Day(50)));
        var oldWaived = Owe(60m, 70);
        oldWaived.Waive(scholarship.Id, "Old waiver.", staff, Noon(Day(45)));
        var oldCard = Owe(45m, 70);
        oldCard.RecordPayment(45m, PaymentMethod.Card, Payer.Person, null, Day(61), Noon(Day(61)), null, "pi_old_card");

        await Fixture.InsertAsync(scholarship, peerForce, offline, carded, unreported, waivedA, waivedB, vouchered, voucher, old, oldWaived, oldCard,
            new ProviderPayment("stripe", "pi_matched", "cs_1", scenario.State.Code, 50m, "USD", Noon(Day(8)), carded.Id, cardPayment.Id, null),
            new ProviderPayment("stripe", "pi_orphan", "cs_2", scenario.State.Code, 30m, "USD", Noon(Day(2)), null, null, "The checkout's fee was already paid by cheque."),
            new ProviderPayment("stripe", "pi_old_orphan", "cs_3", scenario.State.Code, 15m, "USD", Noon(Day(40)), null, null, "Unknown checkout."));

        var client = await Fixture.ApiClientAsync(FeeOfficeScenario.StateAdmin);
        var response = await client.GetAsync($"/api/v1/states/TN/revenue?from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal($"revenue-TN-{From:yyyy-MM-dd}-to-{To:yyyy-MM-dd}.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        using var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal(["Payments", "Refunds", "Waivers", "Vouchers", "Summary", "Reconciliation"], book.Worksheets.Select(s => s.Name));

        // What the database holds for the period, summed by the database.
        var start = Noon(From).AddHours(-18 + 5);
        var paymentsInPeriod = await Fixture.QueryAsync(db => db.Fees.Where(f => f.StateCode == scenario.State.Code).SelectMany(f => f.Payments)
            .Where(p => p.ReceivedOn >= From && p.ReceivedOn <= To).SumAsync(p => p.Amount));
        var refundsInPeriod = await Fixture.QueryAsync(db => db.Fees.SelectMany(f => f.Refunds).Where(r => r.At >= start && r.At <= Noon(To)).SumAsync(r => r.Amount));
        var waivedInPeriod = await Fixture.QueryAsync(db => db.Fees.Where(f => f.WaivedAt >= start && f.WaivedAt <= Noon(To)).SumAsync(f => f.WaivedAmount));
        Assert.Equal(210m, paymentsInPeriod);
        Assert.Equal(20m, refundsInPeriod);
        Assert.Equal(80m, waivedInPeriod);

        var payments = Rows(book, "Payments");
        Assert.Equal(5, payments.Count);
        Assert.Equal(paymentsInPeriod, payments.Sum(r => r.Cell(9).GetValue<decimal>()));
        Assert.Equal(["Card", "Cheque", "MoneyOrder", "Voucher"], payments.Select(r => r.Cell(6).GetString()).Distinct().Order());
        Assert.All(payments, r => Assert.Matches("^TN-2027-[0-9A-F]{5}-[0-9A-F]{5}$", r.Cell(2).GetString()));

        var refunds = Rows(book, "Refunds");
        Assert.Equal(refundsInPeriod, Assert.Single(refunds).Cell(5).GetValue<decimal>());

        var waivers = Rows(book, "Waivers");
        Assert.Equal(waivedInPeriod, waivers.Sum(r => r.Cell(5).GetValue<decimal>()));
        Assert.Equal(["PeerForce vouchers", "Tennessee Recovery Scholarship"], waivers.Select(r => r.Cell(1).GetString()));
        // Who waived, by name; a waiver by an account that no longer exists keeps its id.
        Assert.Equal("Waived by", book.Worksheet("Waivers").Cell(1, 7).GetString());
        Assert.Equal([staff.ToString(), "Dana Whitfield"], waivers.Select(r => r.Cell(7).GetString()));

        var vouchers = Rows(book, "Vouchers");
        var used = Assert.Single(vouchers);
        Assert.Equal(("PeerForce vouchers", "K7Q2", 60m), (used.Cell(1).GetString(), used.Cell(2).GetString(), used.Cell(6).GetValue<decimal>()));

        var summary = Rows(book, "Summary");
        decimal Sum(string total) => summary.Where(r => r.Cell(1).GetString() == total).Sum(r => r.Cell(4).GetValue<decimal>());
        decimal One(string total) => summary.Single(r => r.Cell(1).GetString() == total).Cell(4).GetValue<decimal>();
        Assert.Equal(paymentsInPeriod, Sum("Payments by method"));
        Assert.Equal(paymentsInPeriod, Sum("Payments by kind"));
        Assert.Equal(90m, summary.Where(r => r.Cell(1).GetString() == "Payments by method" && r.Cell(2).GetString() == "Card").Sum(r => r.Cell(4).GetValue<decimal>()));
        Assert.Equal(waivedInPeriod, Sum("Waivers by fund"));
        Assert.Equal(60m, Sum("Vouchers by fund"));
        Assert.Equal(paymentsInPeriod, One("Payments"));
        Assert.Equal(refundsInPeriod, One("Refunds"));
        Assert.Equal(paymentsInPeriod - refundsInPeriod, One("Net revenue (payments less refunds)"));

        var reconciliation = Rows(book, "Reconciliation");
        Assert.Equal(2, reconciliation.Count);
        Assert.Equal(("Provider payment matched to no fee", "pi_orphan", 30m),
            (reconciliation[0].Cell(1).GetString(), reconciliation[0].Cell(3).GetString(), reconciliation[0].Cell(5).GetValue<decimal>()));
        Assert.Equal("Card payment with no provider payment", reconciliation[1].Cell(1).GetString());
        Assert.Equal("pi_unreported", reconciliation[1].Cell(3).GetString());
        Assert.Equal(40m, reconciliation[1].Cell(5).GetValue<decimal>());
        Assert.Equal(unreportedPayment.Id.ToString("N")[22..27].ToUpperInvariant(), reconciliation[1].Cell(6).GetString()[8..13]);

        var audited = await Fixture.QueryAsync(db => db.AuditEntries.Where(e => e.EntityType == "RevenueReport").Select(e => e.EntityId).ToListAsync());
        Assert.Equal([$"TN {From:yyyy-MM-dd}..{To:yyyy-MM-dd}"], audited);
    }

    [Fact]
    public async Task Bad_dates_are_refused_as_problem_details_and_other_states_and_reviewers_get_no_workbook()
    {
        await FeeOfficeScenario.CreateAsync(Fixture);
        var admin = await Fixture.ApiClientAsync(FeeOfficeScenario.StateAdmin);

        var backwards = await admin.GetAsync($"/api/v1/states/TN/revenue?from={To:yyyy-MM-dd}&to={From:yyyy-MM-dd}");
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Equal("application/problem+json", backwards.Content.Headers.ContentType?.MediaType);
        Assert.True((await backwards.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("to", out _));
        var missing = await admin.GetAsync("/api/v1/states/TN/revenue");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("from", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/v1/states/TN/revenue?from=2027-13-01&to=2027-06-01")).StatusCode);

        var ohio = await Fixture.ApiClientAsync(FeeOfficeScenario.OtherStateAdmin);
        Assert.Equal(HttpStatusCode.Forbidden, (await ohio.GetAsync($"/api/v1/states/TN/revenue?from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}")).StatusCode);
        var reviewer = await Fixture.ApiClientAsync(FeeOfficeScenario.Reviewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync($"/api/v1/states/TN/revenue?from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}")).StatusCode);

        // The page: a period that ends before it begins is a field error; a good one downloads the workbook.
        var pages = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(pages, FeeOfficeScenario.StateAdmin);
        var form = await pages.GetStringAsync("/Staff/Revenue");
        FormUrlEncodedContent Period(DateOnly from, DateOnly to) => new(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebFixture.AntiforgeryToken(form), ["From"] = $"{from:yyyy-MM-dd}", ["To"] = $"{to:yyyy-MM-dd}",
        });
        var refused = await pages.PostAsync("/Staff/Revenue", Period(To, From));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("The period ends before it begins.", await refused.Content.ReadAsStringAsync());
        var download = await pages.PostAsync("/Staff/Revenue", Period(From, To));
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", download.Content.Headers.ContentType?.MediaType);
        Assert.True(download.Headers.CacheControl?.NoStore);
    }

    private static List<IXLRow> Rows(XLWorkbook book, string sheet) =>
        book.Worksheet(sheet).RowsUsed().Skip(1).ToList();
}
