using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Features.Fees;
using Registry.Domain.Fees;
using Registry.Testing;

namespace Registry.Web.Tests.Fees;

/// <summary>Voucher batches and paying with a code, and employers invoiced for their staff's fees, through the API.</summary>
public sealed class VouchersAndInvoicesTests(WebFixture fixture) : WebTest(fixture)
{
    private static readonly DateOnly Today = TestClock.StartDay;

    private async Task<IReadOnlyList<string>> IssueAsync(HttpClient admin, string state, Guid fundId, int count, DateOnly expiresOn)
    {
        var issued = await admin.PostAsJsonAsync($"/api/v1/states/{state}/funds/{fundId}/voucher-batches", new { count, expiresOn });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var batch = await issued.Content.ReadFromJsonAsync<JsonElement>();
        var codes = batch.GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.All(codes, c => Assert.Contains(c, batch.GetProperty("csv").GetString()));
        return codes;
    }

    [Fact]
    public async Task Codes_are_shown_once_kept_as_hashes_and_pay_the_fee_which_sends_the_application_to_review()
    {
        var arranged = await FeeHelpArrangement.ArrangeAsync(Fixture, Now);
        var fund = await FeeHelpArrangement.FundAsync(Fixture, arranged.Texas.Code, Today, budget: 1000m, name: "PeerForce vouchers");
        var admin = await Fixture.ApiClientAsync(FeeHelpArrangement.TexasAdmin);

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"/api/v1/states/TX/funds/{fund.Id}/voucher-batches", new { count = 0, expiresOn = Today })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"/api/v1/states/TX/funds/{fund.Id}/voucher-batches", new { count = 501, expiresOn = Today })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/v1/states/TX/funds/{fund.Id}/voucher-batches", new { count = 1, expiresOn = Today.AddDays(-1) })).StatusCode);
        var codes = await IssueAsync(admin, "TX", fund.Id, 3, Today.AddDays(30));
        Assert.Equal(3, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^PF-[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}$", c));
        var kept = await Fixture.QueryAsync(db => db.Vouchers.AsNoTracking().ToListAsync());
        Assert.Equal(3, kept.Count);
        Assert.Equal(codes.Select(c => VoucherCodes.Hash(VoucherCodes.Normalise(c)!)).Order(), kept.Select(v => v.CodeHash).Order());
        Assert.Equal(codes.Select(c => c[^4..]).Order(), kept.Select(v => v.LastCharacters).Order());
        var stored = string.Join(" ", await Fixture.QueryAsync(db => db.AuditEntries.Select(a => a.After ?? "").ToListAsync()));
        Assert.DoesNotContain(codes, c => stored.Contains(c[3..7] + c[8..]) || stored.Contains(c));

        var reviewer = await Fixture.ApiClientAsync(FeeHelpArrangement.TexasReviewer);
        Assert.DoesNotContain(arranged.Application.Id, await QueueAsync(reviewer));
        var person = await Fixture.ApiClientAsync(FeeHelpArrangement.Applicant);
        // Typed as people type it: lower case, spaces, no prefix.
        var typed = codes[0][3..].Replace("-", " ").ToLowerInvariant();
        var paid = await person.PostAsJsonAsync($"/api/v1/fees/{arranged.Fee.Id}/voucher", new { code = typed });
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        var outcome = await paid.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(60m, outcome.GetProperty("paid").GetDecimal());
        Assert.Equal("Paid", outcome.GetProperty("status").GetString());
        var payment = await Fixture.QueryAsync(db => db.Fees.AsNoTracking().Where(f => f.Id == arranged.Fee.Id).SelectMany(f => f.Payments).SingleAsync());
        Assert.Equal((PaymentMethod.Voucher, Payer.Fund, fund.Id, $"Voucher …{codes[0][^4..]}"), (payment.Method, payment.Payer, payment.FundId!.Value, payment.Reference));
        Assert.Equal(60m, await DrawnAsync(fund.Id));
        Assert.Contains(arranged.Application.Id, await QueueAsync(reviewer));

        // Used twice: on another fee of the person's, refused and nothing written.
        var (_, second) = await FeeHelpArrangement.OweAsync(Fixture, arranged.Texas, arranged.Person, Now);
        var again = await person.PostAsJsonAsync($"/api/v1/fees/{second.Id}/voucher", new { code = codes[0] });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already been used", await again.Content.ReadAsStringAsync());
        Assert.Equal(FeeStatus.Owed, await StatusAsync(second.Id));
        Assert.Equal(60m, await DrawnAsync(fund.Id));

        // Someone else's fee is not found; staff do not redeem.
        var stranger = await Fixture.ApiClientAsync(FeeHelpArrangement.OtherApplicant);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/v1/fees/{second.Id}/voucher", new { code = codes[1] })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsJsonAsync($"/api/v1/fees/{second.Id}/voucher", new { code = codes[1] })).StatusCode);
    }

    [Fact]
    public async Task Expired_unknown_and_other_states_codes_are_refused_and_guessing_stops_after_five_wrong_codes_an_hour()
    {
        var arranged = await FeeHelpArrangement.ArrangeAsync(Fixture, Now);
        var texasFund = await FeeHelpArrangement.FundAsync(Fixture, arranged.Texas.Code, Today, budget: 1000m);
        var pennsylvaniaFund = await FeeHelpArrangement.FundAsync(Fixture, arranged.Pennsylvania.Code, Today, budget: 1000m);
        var expiring = await IssueAsync(await Fixture.ApiClientAsync(FeeHelpArrangement.TexasAdmin), "TX", texasFund.Id, 2, Today);
        var pennsylvanian = await IssueAsync(await Fixture.ApiClientAsync(FeeHelpArrangement.PennsylvaniaAdmin), "PA", pennsylvaniaFund.Id, 1, Today.AddDays(30));
        var url = $"/api/v1/fees/{arranged.Fee.Id}/voucher";

        Fixture.Factory.Clock.Advance(TimeSpan.FromDays(1));
        var person = await Fixture.ApiClientAsync(FeeHelpArrangement.Applicant);
        var expired = await person.PostAsJsonAsync(url, new { code = expiring[0] });
        Assert.Equal(HttpStatusCode.Conflict, expired.StatusCode);
        Assert.Contains("expired on 15 June 2027", await expired.Content.ReadAsStringAsync());

        var otherState = await person.PostAsJsonAsync(url, new { code = pennsylvanian[0] });
        Assert.Equal(HttpStatusCode.Conflict, otherState.StatusCode);
        Assert.Contains(RedeemVoucher.UnknownCode, await otherState.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await person.PostAsJsonAsync(url, new { code = "" })).StatusCode);
        for (var wrong = 2; wrong <= RedeemVoucher.WrongCodesPerHour; wrong++)
            Assert.Contains(RedeemVoucher.UnknownCode, await (await person.PostAsJsonAsync(url, new { code = $"PF-2222-222{wrong}" })).Content.ReadAsStringAsync());
        var blocked = await person.PostAsJsonAsync(url, new { code = expiring[1] });
        Assert.Contains(RedeemVoucher.TooManyWrongCodes, await blocked.Content.ReadAsStringAsync());
        Assert.Equal(0, await Fixture.QueryAsync(db => db.Vouchers.CountAsync(v => v.UsedForFeeId != null)));
        Assert.Equal(FeeStatus.Owed, await StatusAsync(arranged.Fee.Id));
        var refusals = await Fixture.QueryAsync(db => db.AuditEntries.Where(a => a.Action == nameof(RedeemVoucher)).Select(a => a.EntityId + " " + a.After).ToListAsync());
        Assert.Equal(RedeemVoucher.WrongCodesPerHour, refusals.Count);
        Assert.DoesNotContain(refusals, r => r.Contains("PF-") || r.Contains(pennsylvanian[0][3..7]));

        Fixture.Factory.Clock.Advance(TimeSpan.FromHours(1));
        person = await Fixture.ApiClientAsync(FeeHelpArrangement.Applicant);
        var fresh = await IssueAsync(await Fixture.ApiClientAsync(FeeHelpArrangement.TexasAdmin), "TX", texasFund.Id, 1, Today.AddDays(30));
        Assert.Equal(HttpStatusCode.OK, (await person.PostAsJsonAsync(url, new { code = fresh[0] })).StatusCode);
    }

    [Fact]
    public async Task The_same_code_sent_twice_at_once_pays_once()
    {
        var arranged = await FeeHelpArrangement.ArrangeAsync(Fixture, Now);
        var fund = await FeeHelpArrangement.FundAsync(Fixture, arranged.Texas.Code, Today, budget: 1000m);
        var codes = await IssueAsync(await Fixture.ApiClientAsync(FeeHelpArrangement.TexasAdmin), "TX", fund.Id, 2, Today.AddDays(30));
        var (_, second) = await FeeHelpArrangement.OweAsync(Fixture, arranged.Texas, arranged.Person, Now);
        var (_, third) = await FeeHelpArrangement.OweAsync(Fixture, arranged.Texas, arranged.Person, Now, program: 2);
        var one = await Fixture.ApiClientAsync(FeeHelpArrangement.Applicant);
        var two = await Fixture.ApiClientAsync(FeeHelpArrangement.Applicant);

        // The same code for the same fee from two sessions, then the other code for two fees at once.
        var sameFee = await Task.WhenAll(
            one.PostAsJsonAsync($"/api/v1/fees/{arranged.Fee.Id}/voucher", new { code = codes[0] }),
            two.PostAsJsonAsync($"/api/v1/fees/{arranged.Fee.Id}/voucher", new { code = codes[0] }));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], sameFee.Select(a => a.StatusCode).Order());
        var twoFees = await Task.WhenAll(
            one.PostAsJsonAsync($"/api/v1/fees/{second.Id}/voucher", new { code = codes[1] }),
            two.PostAsJsonAsync($"/api/v1/fees/{third.Id}/voucher", new { code = codes[1] }));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], twoFees.Select(a => a.StatusCode).Order());

        Assert.Equal(2, await Fixture.QueryAsync(db => db.Fees.SelectMany(f => f.Payments).CountAsync()));
        Assert.Equal(120m, await DrawnAsync(fund.Id));
    }

    [Fact]
    public async Task A_person_invoices_an_approved_employer_who_sees_the_invoice_without_private_data_and_can_pay_with_a_voucher()
    {
        var arranged = await FeeHelpArrangement.ArrangeAsync(Fixture, Now);
        var person = await Fixture.ApiClientAsync(FeeHelpArrangement.Applicant);
        await person.PostAsJsonAsync($"/api/v1/fees/{arranged.Fee.Id}/hardship-requests", new { statement = "My benefits were cut this spring." });
        var pennsylvanian = new Registry.Domain.Employers.Employer("Keystone Peers", "hr@keystone.example", arranged.Pennsylvania.Code, Now);
        pennsylvanian.Approve(null, Now);
        var waiting = new Registry.Domain.Employers.Employer("New Clinic", "hr@new.example", arranged.Texas.Code, Now);
        await Fixture.InsertAsync(pennsylvanian, waiting);

        Assert.Equal(HttpStatusCode.Conflict, (await person.PostAsJsonAsync($"/api/v1/fees/{arranged.Fee.Id}/invoice", new { employerId = pennsylvanian.Id })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await person.PostAsJsonAsync($"/api/v1/fees/{arranged.Fee.Id}/invoice", new { employerId = waiting.Id })).StatusCode);
        var stranger = await Fixture.ApiClientAsync(FeeHelpArrangement.OtherApplicant);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/v1/fees/{arranged.Fee.Id}/invoice", new { employerId = arranged.Employer.Id })).StatusCode);
        var invoiced = await person.PostAsJsonAsync($"/api/v1/fees/{arranged.Fee.Id}/invoice", new { employerId = arranged.Employer.Id });
        Assert.Equal(HttpStatusCode.OK, invoiced.StatusCode);

        var employer = await Fixture.ApiClientAsync(FeeHelpArrangement.EmployerUser);
        var answer = await employer.GetAsync("/api/v1/employers/me/invoices");
        var text = await answer.Content.ReadAsStringAsync();
        var invoice = Assert.Single(JsonDocument.Parse(text).RootElement.EnumerateArray());
        Assert.Equal(arranged.Fee.Id, invoice.GetProperty("feeId").GetGuid());
        Assert.Equal("Jordan Reyes", invoice.GetProperty("personName").GetString());
        Assert.Equal(60m, invoice.GetProperty("balance").GetDecimal());
        Assert.DoesNotContain("benefits were cut", text);
        Assert.DoesNotContain(arranged.Person.Email!, text);
        Assert.Equal(HttpStatusCode.Forbidden, (await person.GetAsync("/api/v1/employers/me/invoices")).StatusCode);

        // The employer it is invoiced to may pay it with a voucher; the statement stays out of what it can read.
        var fund = await FeeHelpArrangement.FundAsync(Fixture, arranged.Texas.Code, Today, budget: 100m);
        var codes = await IssueAsync(await Fixture.ApiClientAsync(FeeHelpArrangement.TexasAdmin), "TX", fund.Id, 1, Today.AddDays(30));
        Assert.Equal(HttpStatusCode.OK, (await employer.PostAsJsonAsync($"/api/v1/fees/{arranged.Fee.Id}/voucher", new { code = codes[0] })).StatusCode);
        var paid = Assert.Single((await employer.GetFromJsonAsync<JsonElement>("/api/v1/employers/me/invoices")).EnumerateArray());
        Assert.Equal("Paid", paid.GetProperty("status").GetString());
    }

    private static async Task<IReadOnlyList<Guid>> QueueAsync(HttpClient reviewer) =>
        (await reviewer.GetFromJsonAsync<JsonElement>("/api/v1/review/TX/queue")).GetProperty("items").EnumerateArray()
        .Select(r => r.GetProperty("applicationId").GetGuid()).ToList();

    private Task<FeeStatus> StatusAsync(Guid feeId) => Fixture.QueryAsync(db => db.Fees.Where(f => f.Id == feeId).Select(f => f.Status).SingleAsync());

    private Task<decimal> DrawnAsync(Guid fundId) => Fixture.QueryAsync(db => db.FeeFunds.Where(f => f.Id == fundId).SelectMany(f => f.Years).SumAsync(y => y.Drawn));
}
