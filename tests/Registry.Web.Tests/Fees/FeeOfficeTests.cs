using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Registry.Domain.Fees;
using Registry.Testing;

namespace Registry.Web.Tests.Fees;

/// <summary>Staff record cheques and money orders, refund and cancel fees; every refusal writes nothing.</summary>
public sealed class FeeOfficeTests(WebFixture fixture) : WebTest(fixture)
{
    private static object Cheque(decimal amount, string reference = "1001", DateOnly? receivedOn = null) =>
        new { method = "Cheque", amount, reference, receivedOn = (receivedOn ?? TestClock.StartDay).ToString("yyyy-MM-dd") };

    private Task<Fee> FeeAsync(Guid id) =>
        Fixture.QueryAsync(db => db.Fees.AsNoTracking().Include(f => f.Payments).Include(f => f.Refunds).SingleAsync(f => f.Id == id));

    private async Task<bool> InQueueAsync(HttpClient staff, Guid applicationId)
    {
        var queue = await staff.GetFromJsonAsync<JsonElement>("/api/v1/review/TN/queue");
        return queue.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("applicationId").GetGuid() == applicationId);
    }

    [Fact]
    public async Task A_partial_cheque_leaves_the_rest_owed_the_money_order_for_the_rest_releases_the_application_and_refunds_go_partly_then_fully()
    {
        var scenario = await FeeOfficeScenario.CreateAsync(Fixture);
        var reviewer = await Fixture.ApiClientAsync(FeeOfficeScenario.Reviewer);
        var admin = await Fixture.ApiClientAsync(FeeOfficeScenario.StateAdmin);
        var fees = $"/api/v1/fees/{scenario.Fee.Id}";

        var partial = await reviewer.PostAsJsonAsync($"{fees}/payments", Cheque(25m, "CHK-1001", TestClock.StartDay.AddDays(-1)));
        Assert.Equal(HttpStatusCode.OK, partial.StatusCode);
        var recorded = await partial.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(35m, recorded.GetProperty("balance").GetDecimal());
        Assert.Equal("Owed", recorded.GetProperty("status").GetString());
        Assert.Matches("^TN-2027-[0-9A-F]{5}-[0-9A-F]{5}$", recorded.GetProperty("receiptNumber").GetString());
        Assert.False(await InQueueAsync(reviewer, scenario.Application.Id));

        var tooMuch = await reviewer.PostAsJsonAsync($"{fees}/payments", Cheque(35.01m, "CHK-1002"));
        Assert.False(tooMuch.IsSuccessStatusCode);
        Assert.Contains("more than the $35.00 still owed", await tooMuch.Content.ReadAsStringAsync());

        var rest = await reviewer.PostAsJsonAsync($"{fees}/payments",
            new { method = "MoneyOrder", amount = 35m, reference = "MO-77", receivedOn = TestClock.StartDay.ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.OK, rest.StatusCode);
        var paid = await FeeAsync(scenario.Fee.Id);
        Assert.Equal(FeeStatus.Paid, paid.Status);
        Assert.Equal([25m, 35m], paid.Payments.OrderBy(p => p.ReceivedOn).Select(p => p.Amount));
        Assert.Equal([PaymentMethod.Cheque, PaymentMethod.MoneyOrder], paid.Payments.OrderBy(p => p.ReceivedOn).Select(p => p.Method));
        Assert.True(await InQueueAsync(reviewer, scenario.Application.Id));

        // Reviewers record payments; only a StateAdmin refunds.
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PostAsJsonAsync($"{fees}/refunds", new { amount = 10m, reason = "Overpaid" })).StatusCode);
        var above = await admin.PostAsJsonAsync($"{fees}/refunds", new { amount = 60.01m, reason = "Too much" });
        Assert.False(above.IsSuccessStatusCode);
        Assert.Contains("more than the $60.00 paid and not yet refunded", await above.Content.ReadAsStringAsync());
        var noReason = await admin.PostAsJsonAsync($"{fees}/refunds", new { amount = 10m, reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));
        var threeDecimals = await admin.PostAsJsonAsync($"{fees}/refunds", new { amount = 10.005m, reason = "Typo" });
        Assert.Equal(HttpStatusCode.BadRequest, threeDecimals.StatusCode);
        Assert.Empty((await FeeAsync(scenario.Fee.Id)).Refunds);

        var first = await admin.PostAsJsonAsync($"{fees}/refunds", new { amount = 20m, reason = "Charged the standard rate; the person is a veteran." });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(40m, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stillRefundable").GetDecimal());
        var second = await admin.PostAsJsonAsync($"{fees}/refunds", new { amount = 40m, reason = "Application withdrawn after payment." });
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var refunded = await FeeAsync(scenario.Fee.Id);
        Assert.Equal(FeeStatus.Refunded, refunded.Status);
        Assert.Equal(60m, refunded.RefundedAmount);
        Assert.Equal(2, refunded.Refunds.Count);
        Assert.False((await admin.PostAsJsonAsync($"{fees}/refunds", new { amount = 0.01m, reason = "Again" })).IsSuccessStatusCode);

        var audited = await Fixture.QueryAsync(db => db.AuditEntries.Where(e => e.EntityType == "FeeRefund").CountAsync());
        Assert.Equal(2, audited);
    }

    [Fact]
    public async Task Three_decimals_a_day_in_the_future_a_card_payment_and_staff_of_another_state_are_refused_and_nothing_is_written()
    {
        var scenario = await FeeOfficeScenario.CreateAsync(Fixture);
        var reviewer = await Fixture.ApiClientAsync(FeeOfficeScenario.Reviewer);
        var fees = $"/api/v1/fees/{scenario.Fee.Id}";

        var threeDecimals = await reviewer.PostAsJsonAsync($"{fees}/payments", Cheque(10.005m));
        Assert.Equal(HttpStatusCode.BadRequest, threeDecimals.StatusCode);
        var amountErrors = (await threeDecimals.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("amount");
        Assert.Equal("The amount is in dollars and cents: at most two decimal places.", amountErrors[0].GetString());

        var tomorrow = await reviewer.PostAsJsonAsync($"{fees}/payments", Cheque(10m, receivedOn: TestClock.StartDay.AddDays(1)));
        Assert.Equal(HttpStatusCode.BadRequest, tomorrow.StatusCode);
        Assert.True((await tomorrow.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("receivedOn", out _));

        var card = await reviewer.PostAsJsonAsync($"{fees}/payments", new { method = "Card", amount = 10m, reference = "x", receivedOn = TestClock.StartDay.ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.BadRequest, card.StatusCode);

        var ohio = await Fixture.ApiClientAsync(FeeOfficeScenario.OtherStateAdmin);
        Assert.Equal(HttpStatusCode.NotFound, (await ohio.PostAsJsonAsync($"{fees}/payments", Cheque(10m))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ohio.PostAsJsonAsync($"{fees}/cancellation", new { reason = "Not ours" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ohio.GetAsync("/api/v1/states/TN/fees")).StatusCode);

        var applicant = await Fixture.ApiClientAsync(FeeOfficeScenario.Applicant);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsJsonAsync($"{fees}/payments", Cheque(10m))).StatusCode);

        var untouched = await FeeAsync(scenario.Fee.Id);
        Assert.Equal(FeeStatus.Owed, untouched.Status);
        Assert.Empty(untouched.Payments);
        Assert.Equal(0m, untouched.PaidAmount);
    }

    [Fact]
    public async Task A_StateAdmin_cancels_an_unpaid_fee_with_a_reason_and_the_state_list_filters_by_status()
    {
        var scenario = await FeeOfficeScenario.CreateAsync(Fixture);
        var admin = await Fixture.ApiClientAsync(FeeOfficeScenario.StateAdmin);
        var fees = $"/api/v1/fees/{scenario.Fee.Id}";

        var owed = await admin.GetFromJsonAsync<JsonElement>("/api/v1/states/TN/fees?status=Owed");
        var row = Assert.Single(owed.GetProperty("items").EnumerateArray());
        Assert.Equal("Robin Alvarez", row.GetProperty("personName").GetString());
        Assert.Equal(60m, row.GetProperty("balance").GetDecimal());

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"{fees}/cancellation", new { reason = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"{fees}/cancellation", new { reason = "Owed twice in error." })).StatusCode);
        Assert.Equal(FeeStatus.Cancelled, (await FeeAsync(scenario.Fee.Id)).Status);
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>("/api/v1/states/TN/fees?status=Owed")).GetProperty("items").EnumerateArray());
        Assert.Single((await admin.GetFromJsonAsync<JsonElement>("/api/v1/states/TN/fees?status=Cancelled")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task The_receipt_names_the_board_the_payment_and_the_balance_after_it_for_the_person_their_invoiced_employer_and_own_state_staff_only()
    {
        var scenario = await FeeOfficeScenario.CreateAsync(Fixture);
        var reviewer = await Fixture.ApiClientAsync(FeeOfficeScenario.Reviewer);
        var recorded = await (await reviewer.PostAsJsonAsync($"/api/v1/fees/{scenario.Fee.Id}/payments", Cheque(25m, "CHK-555")))
            .Content.ReadFromJsonAsync<JsonElement>();
        var paymentId = recorded.GetProperty("paymentId").GetGuid();
        var receiptNumber = recorded.GetProperty("receiptNumber").GetString()!;
        var address = $"/api/v1/fee-payments/{paymentId}/receipt";

        var applicant = await Fixture.ApiClientAsync(FeeOfficeScenario.Applicant);
        var receipt = await applicant.GetFromJsonAsync<JsonElement>(address);
        Assert.Equal(receiptNumber, receipt.GetProperty("receiptNumber").GetString());
        Assert.Equal("Tennessee Peer Certification Board", receipt.GetProperty("board").GetProperty("name").GetString());
        Assert.Equal("fees@tn-board.example", receipt.GetProperty("board").GetProperty("email").GetString());
        Assert.Equal(25m, receipt.GetProperty("amount").GetDecimal());
        Assert.Equal(35m, receipt.GetProperty("balanceAfter").GetDecimal());
        Assert.Equal("Cheque", receipt.GetProperty("method").GetString());
        Assert.Equal("CHK-555", receipt.GetProperty("reference").GetString());
        Assert.Equal("InitialApplication", receipt.GetProperty("kind").GetString());
        Assert.Equal(scenario.Application.Id, receipt.GetProperty("applicationId").GetGuid());
        Assert.Equal("Robin Alvarez", receipt.GetProperty("paidBy").GetString());

        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync(address)).StatusCode);
        foreach (var stranger in new[] { FeeOfficeScenario.OtherApplicant, FeeOfficeScenario.EmployerUser, FeeOfficeScenario.OtherStateAdmin })
            Assert.Equal(HttpStatusCode.NotFound, (await (await Fixture.ApiClientAsync(stranger)).GetAsync(address)).StatusCode);

        // Once the fee is invoiced to the employer, the employer sees the receipts of its payments.
        await Fixture.QueryAsync(async db =>
        {
            var fee = await db.Fees.SingleAsync(f => f.Id == scenario.Fee.Id);
            fee.InvoiceTo(scenario.Employer.Id);
            return await db.SaveChangesAsync();
        });
        var employer = await Fixture.ApiClientAsync(FeeOfficeScenario.EmployerUser);
        Assert.Equal(HttpStatusCode.OK, (await employer.GetAsync(address)).StatusCode);

        // The printable page carries the same, and nothing private.
        var page = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(page, FeeOfficeScenario.Applicant);
        var html = await page.GetStringAsync($"/Fees/Receipt/{paymentId}");
        Assert.Contains(receiptNumber, html);
        Assert.Contains("Tennessee Peer Certification Board", html);
        Assert.Contains("$25.00", html);
        Assert.Contains("$35.00", html);
        Assert.DoesNotContain(scenario.Person.Email!, html);
    }

    [Fact]
    public async Task On_the_fee_page_a_payment_with_three_decimals_is_a_field_error_and_a_good_one_is_recorded()
    {
        var scenario = await FeeOfficeScenario.CreateAsync(Fixture);
        var client = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(client, FeeOfficeScenario.Reviewer);
        var address = $"/Staff/Fee/{scenario.Fee.Id}";
        var form = await client.GetStringAsync(address);
        Assert.Contains("Robin Alvarez", form);
        Assert.DoesNotContain("Record a refund", form);

        FormUrlEncodedContent Post(string amount) => new(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebFixture.AntiforgeryToken(form),
            ["Payment.Method"] = "Cheque",
            ["Payment.Reference"] = "CHK-42",
            ["Payment.Amount"] = amount,
            ["Payment.ReceivedOn"] = TestClock.StartDay.ToString("yyyy-MM-dd"),
        });
        var refused = await client.PostAsync($"{address}?handler=Payment", Post("12.345"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("usa-input--error", html);
        Assert.Contains("at most two decimal places", html);
        Assert.Empty((await FeeAsync(scenario.Fee.Id)).Payments);

        var recorded = await client.PostAsync($"{address}?handler=Payment", Post("60.00"));
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Equal(FeeStatus.Paid, (await FeeAsync(scenario.Fee.Id)).Status);
        var list = await client.GetStringAsync("/Staff/Fees?Status=Paid");
        Assert.Contains($"/Staff/Fee/{scenario.Fee.Id}", list);
    }
}
