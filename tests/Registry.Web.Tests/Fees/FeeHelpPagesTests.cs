using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Registry.Domain.Fees;
using Registry.Testing;

namespace Registry.Web.Tests.Fees;

/// <summary>The fee-help pages end to end: funds and vouchers for staff, a voucher, a waiver request and an employer for the person, invoices for the employer.</summary>
public sealed partial class FeeHelpPagesTests(WebFixture fixture) : WebTest(fixture)
{
    private static readonly DateOnly Today = TestClock.StartDay;

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(client, email);
        return client;
    }

    private static async Task<(HttpResponseMessage Answer, string Html)> PostFormAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields)
    {
        var form = await client.GetStringAsync(page);
        fields["__RequestVerificationToken"] = WebFixture.AntiforgeryToken(form);
        var answer = await client.PostAsync(handler, new FormUrlEncodedContent(fields));
        return (answer, await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Staff_set_up_a_fund_and_issue_vouchers_the_person_pays_with_one_and_asks_for_a_waiver_the_staff_grant_it()
    {
        var arranged = await FeeHelpArrangement.ArrangeAsync(Fixture, Now);
        var admin = await SignedInAsync(FeeHelpArrangement.TexasAdmin);

        var (created, createdPage) = await PostFormAsync(admin, "/Staff/Funds", "/Staff/Funds?handler=Create", new()
        {
            ["Name"] = "PeerForce vouchers", ["FiscalYearStartMonth"] = "7", ["FiscalYearStartDay"] = "1", ["Covers"] = "InitialApplication",
        });
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, created.StatusCode + Regex.Match(createdPage, "usa-alert--error[\\s\\S]{0,800}").Value);
        var fundId = await Fixture.QueryAsync(db => db.FeeFunds.Select(f => f.Id).SingleAsync());
        var (_, threeDecimals) = await PostFormAsync(admin, "/Staff/Funds", "/Staff/Funds?handler=Budget", new() { ["fundId"] = fundId.ToString(), ["budget"] = "500.125" });
        Assert.Contains("two decimal places", threeDecimals);
        var (budgeted, _) = await PostFormAsync(admin, "/Staff/Funds", "/Staff/Funds?handler=Budget", new() { ["fundId"] = fundId.ToString(), ["budget"] = "500" });
        Assert.Equal(HttpStatusCode.Redirect, budgeted.StatusCode);
        Assert.Contains("$500.00", await admin.GetStringAsync("/Staff/Funds"));

        var (issued, page) = await PostFormAsync(admin, "/Staff/Funds", "/Staff/Funds?handler=Vouchers",
            new() { ["fundId"] = fundId.ToString(), ["count"] = "2", ["expiresOn"] = Today.AddDays(10).ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.True(issued.Headers.CacheControl?.NoStore);
        var codes = Code().Matches(page).Select(m => m.Value).Distinct().ToList();
        Assert.Equal(2, codes.Count);
        Assert.Contains("data:text/csv;base64,", page);
        Assert.DoesNotContain(codes[0], await admin.GetStringAsync("/Staff/Funds"));

        var person = await SignedInAsync(FeeHelpArrangement.Applicant);
        var (wrong, wrongPage) = await PostFormAsync(person, $"/Fees/Voucher/{arranged.Fee.Id}", $"/Fees/Voucher/{arranged.Fee.Id}", new() { ["Code"] = "PF-2222-3333" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("not a voucher code", wrongPage);
        var (paid, _) = await PostFormAsync(person, $"/Fees/Voucher/{arranged.Fee.Id}", $"/Fees/Voucher/{arranged.Fee.Id}", new() { ["Code"] = codes[0] });
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        Assert.Contains("paid $60.00", await person.GetStringAsync($"/Fees/Voucher/{arranged.Fee.Id}"));

        var (_, second) = await FeeHelpArrangement.OweAsync(Fixture, arranged.Texas, arranged.Person, Now);
        var (asked, _) = await PostFormAsync(person, $"/Fees/Hardship/{second.Id}", $"/Fees/Hardship/{second.Id}", new() { ["Statement"] = "My hours were cut." });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var (invoiced, _) = await PostFormAsync(person, $"/Fees/Employer/{second.Id}", $"/Fees/Employer/{second.Id}", new() { ["EmployerId"] = arranged.Employer.Id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, invoiced.StatusCode);

        var employer = await SignedInAsync(FeeHelpArrangement.EmployerUser);
        var invoices = await employer.GetStringAsync("/Employers/Invoices");
        Assert.Contains("Jordan Reyes", invoices);
        Assert.Contains($"/Fees/Pay/{second.Id}", invoices);
        Assert.DoesNotContain("hours were cut", invoices);

        var queue = await admin.GetStringAsync("/Staff/Hardship");
        Assert.Contains("My hours were cut.", queue);
        var requestId = await Fixture.QueryAsync(db => db.HardshipRequests.Select(h => h.Id).SingleAsync());
        var (granted, _) = await PostFormAsync(admin, "/Staff/Hardship", "/Staff/Hardship",
            new() { ["requestId"] = requestId.ToString(), ["grant"] = "true", ["fundId"] = fundId.ToString(), ["reason"] = "Scholarship rules met." });
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        Assert.Equal(FeeStatus.Waived, await Fixture.QueryAsync(db => db.Fees.Where(f => f.Id == second.Id).Select(f => f.Status).SingleAsync()));
        Assert.Equal(120m, await Fixture.QueryAsync(db => db.FeeFunds.SelectMany(f => f.Years).SumAsync(y => y.Drawn)));

        var stranger = await SignedInAsync(FeeHelpArrangement.OtherApplicant);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Fees/Voucher/{second.Id}")).StatusCode);
    }

    [GeneratedRegex("PF-[2-9A-Z]{4}-[2-9A-Z]{4}")]
    private static partial Regex Code();
}
