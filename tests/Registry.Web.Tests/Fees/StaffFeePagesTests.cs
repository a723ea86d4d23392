using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Security;
using Registry.Domain.Fees;
using Registry.Domain.Jurisdictions;
using Registry.Testing;

namespace Registry.Web.Tests.Fees;

/// <summary>
/// The staff fee pages: a waiver from a fund on the fee page, a SystemAdmin's state chooser on every fee page, the waiver
/// queue without requests whose fee was settled meanwhile, and the applications list sending a fee-owing submission to
/// the application's page.
/// </summary>
public sealed class StaffFeePagesTests(WebFixture fixture) : WebTest(fixture)
{
    private const string SystemAdmin = "system.admin@test.example";
    private static readonly DateOnly Today = TestClock.StartDay;

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(client, email);
        return client;
    }

    private static async Task<(HttpResponseMessage Answer, string Html)> PostFormAsync(HttpClient client, string page, string action, Dictionary<string, string> fields)
    {
        var form = await client.GetStringAsync(page);
        fields["__RequestVerificationToken"] = WebFixture.AntiforgeryToken(form);
        var answer = await client.PostAsync(action, new FormUrlEncodedContent(fields));
        return (answer, await answer.Content.ReadAsStringAsync());
    }

    private Task<FeeStatus> StatusAsync(Guid feeId) => Fixture.QueryAsync(db => db.Fees.Where(f => f.Id == feeId).Select(f => f.Status).SingleAsync());

    private Task<decimal> DrawnAsync(Guid fundId) => Fixture.QueryAsync(db => db.FeeFunds.Where(f => f.Id == fundId).SelectMany(f => f.Years).SumAsync(y => y.Drawn));

    private Task<List<string>> ToldAsync(string email) =>
        Fixture.QueryAsync(db => db.Notifications.Where(n => n.RecipientEmail == email && n.Template == "hardship-decision").Select(n => n.Payload).ToListAsync());

    [Fact]
    public async Task A_StateAdmin_waives_a_fee_on_its_page_from_a_fund_with_budget_left_with_field_errors_first_and_the_person_is_told()
    {
        var arranged = await FeeHelpArrangement.ArrangeAsync(Fixture, Now);
        var small = await FeeHelpArrangement.FundAsync(Fixture, arranged.Texas.Code, Today, budget: 50m, name: "Small scholarship");
        var large = await FeeHelpArrangement.FundAsync(Fixture, arranged.Texas.Code, Today, budget: 500m, name: "Large scholarship");
        await FeeHelpArrangement.FundAsync(Fixture, arranged.Texas.Code, Today, budget: 0m, name: "Spent scholarship");
        var exams = new FeeFund(arranged.Texas.Code, "Exam sponsor", null, 7, 1, [FeeKind.Exam]);
        exams.SetBudget(Today, 300m);
        await Fixture.InsertAsync(exams);
        var address = $"/Staff/Fee/{arranged.Fee.Id}";
        var admin = await SignedInAsync(FeeHelpArrangement.TexasAdmin);

        var page = await admin.GetStringAsync(address);
        Assert.Contains("Waive the fee", page);
        Assert.Contains("Small scholarship ($50.00 left)", page);
        Assert.Contains("Large scholarship ($500.00 left)", page);
        Assert.DoesNotContain("Spent scholarship", page); // nothing left this fiscal year
        Assert.DoesNotContain("Exam sponsor", page); // does not pay application fees

        var (empty, emptyPage) = await PostFormAsync(admin, address, $"{address}?handler=Waive", new() { ["Waiver.Fund"] = "", ["Waiver.Reason"] = " " });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Choose the fund that pays for the waiver, or no fund.", emptyPage);
        Assert.Contains("Give the reason for the waiver.", emptyPage);
        Assert.Contains("usa-input--error", FieldTag(emptyPage, "select", "Waiver_Fund"));
        Assert.Contains("usa-input--error", FieldTag(emptyPage, "textarea", "Waiver_Reason"));

        var (beyond, beyondPage) = await PostFormAsync(admin, address, $"{address}?handler=Waive",
            new() { ["Waiver.Fund"] = small.Id.ToString(), ["Waiver.Reason"] = "Scholarship awarded." });
        Assert.Equal(HttpStatusCode.OK, beyond.StatusCode);
        Assert.Contains("Small scholarship has $50.00 left this fiscal year, less than the $60.00 needed.", beyondPage);
        Assert.Contains("usa-input--error", FieldTag(beyondPage, "select", "Waiver_Fund"));
        Assert.Contains("href=\"#Waiver_Fund\"", beyondPage);
        Assert.Equal(FeeStatus.Owed, await StatusAsync(arranged.Fee.Id));
        Assert.Equal(0m, await DrawnAsync(small.Id));
        Assert.Empty(await ToldAsync(arranged.Person.Email!));

        var reviewer = await SignedInAsync(FeeHelpArrangement.TexasReviewer);
        Assert.DoesNotContain("Waive the fee", await reviewer.GetStringAsync(address));

        var (waived, _) = await PostFormAsync(admin, address, $"{address}?handler=Waive",
            new() { ["Waiver.Fund"] = large.Id.ToString(), ["Waiver.Reason"] = "Scholarship awarded for this year." });
        Assert.Equal(HttpStatusCode.Redirect, waived.StatusCode);
        Assert.Equal(FeeStatus.Waived, await StatusAsync(arranged.Fee.Id));
        Assert.Equal(60m, await DrawnAsync(large.Id));
        var after = await admin.GetStringAsync(address);
        Assert.Contains("$60.00 is waived and the person has been told.", after);
        Assert.Contains("from Large scholarship", after);
        Assert.DoesNotContain("Waive the fee", after);

        var told = Assert.Single(await ToldAsync(arranged.Person.Email!));
        Assert.Contains("\"Granted\"", told);
        Assert.Contains("Scholarship awarded for this year.", told);
        Assert.Contains(arranged.Fee.Id.ToString(), told);
    }

    [Fact]
    public async Task A_SystemAdmin_chooses_a_state_on_each_fee_page_then_reads_its_fees_downloads_its_workbook_and_waives_a_fee()
    {
        var arranged = await FeeHelpArrangement.ArrangeAsync(Fixture, Now);
        await Fixture.CreateUserAsync(SystemAdmin, Roles.SystemAdmin);
        var system = await SignedInAsync(SystemAdmin);

        foreach (var page in new[] { "/Staff/Fees", "/Staff/Funds", "/Staff/Hardship", "/Staff/Revenue", "/Staff/CertificateOrders" })
        {
            var chooser = await system.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, chooser.StatusCode);
            var html = await chooser.Content.ReadAsStringAsync();
            Assert.Contains($"href=\"{page}?State=TX\"", html);
            Assert.Contains($"href=\"{page}?State=PA\"", html);
        }

        var fees = await system.GetStringAsync("/Staff/Fees?State=TX");
        Assert.Contains("Fees: TX", fees);
        Assert.Contains($"/Staff/Fee/{arranged.Fee.Id}", fees);
        Assert.Contains("name=\"State\" value=\"TX\"", fees); // the filter keeps the state
        Assert.Contains("href=\"/Staff/Revenue?State=TX\"", fees);
        Assert.DoesNotContain(arranged.Fee.Id.ToString(), await system.GetStringAsync("/Staff/Fees?State=PA"));
        Assert.Contains("Fee waiver requests", await system.GetStringAsync("/Staff/Hardship?State=TX"));

        var revenue = await system.GetStringAsync("/Staff/Revenue?State=TX");
        Assert.Contains("Revenue workbook: TX", revenue);
        var workbook = await system.PostAsync("/Staff/Revenue?State=TX", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebFixture.AntiforgeryToken(revenue),
            ["From"] = Today.AddDays(-30).ToString("yyyy-MM-dd"), ["To"] = Today.ToString("yyyy-MM-dd"),
        }));
        Assert.Equal(HttpStatusCode.OK, workbook.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook.Content.Headers.ContentType?.MediaType);

        // A SystemAdmin reads the fee and may waive it, but does not open the post: no cheque form.
        var address = $"/Staff/Fee/{arranged.Fee.Id}";
        var fee = await system.GetStringAsync(address);
        Assert.Contains("Jordan Reyes", fee);
        Assert.DoesNotContain("Record a cheque or money order", fee);
        var (waived, _) = await PostFormAsync(system, address, $"{address}?handler=Waive",
            new() { ["Waiver.Fund"] = "none", ["Waiver.Reason"] = "Charged in error by the old system." });
        Assert.Equal(HttpStatusCode.Redirect, waived.StatusCode);
        Assert.Equal(FeeStatus.Waived, await StatusAsync(arranged.Fee.Id));

        // Staff of a state always see their own, whatever state a link names.
        var pennsylvania = await SignedInAsync(FeeHelpArrangement.PennsylvaniaAdmin);
        var theirs = await pennsylvania.GetStringAsync("/Staff/Fees?State=TX");
        Assert.Contains("Fees: PA", theirs);
        Assert.DoesNotContain(arranged.Fee.Id.ToString(), theirs);
    }

    [Fact]
    public async Task A_waiver_request_whose_fee_was_waived_or_paid_meanwhile_leaves_the_queue_and_cannot_be_decided()
    {
        var arranged = await FeeHelpArrangement.ArrangeAsync(Fixture, Now);
        var (_, second) = await FeeHelpArrangement.OweAsync(Fixture, arranged.Texas, arranged.Person, Now);
        var person = await Fixture.ApiClientAsync(FeeHelpArrangement.Applicant);
        async Task<Guid> AskAsync(Guid feeId) =>
            (await (await person.PostAsJsonAsync($"/api/v1/fees/{feeId}/hardship-requests", new { statement = "My hours were cut." }))
                .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var first = await AskAsync(arranged.Fee.Id);
        var other = await AskAsync(second.Id);
        var admin = await Fixture.ApiClientAsync(FeeHelpArrangement.TexasAdmin);
        async Task<IReadOnlyList<Guid>> QueueAsync() =>
            (await admin.GetFromJsonAsync<JsonElement>("/api/v1/states/TX/hardship-requests")).EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToList();
        Assert.Equal([first, other], await QueueAsync());

        // The first fee is waived outright, the second paid by cheque: neither request waits for a decision any more.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/fees/{arranged.Fee.Id}/waiver", new { reason = "Board decision." })).StatusCode);
        Assert.Equal([other], await QueueAsync());
        var reviewer = await Fixture.ApiClientAsync(FeeHelpArrangement.TexasReviewer);
        var cheque = await reviewer.PostAsJsonAsync($"/api/v1/fees/{second.Id}/payments",
            new { method = "Cheque", amount = 60m, reference = "CHK-9", receivedOn = Today.ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.OK, cheque.StatusCode);
        Assert.Empty(await QueueAsync());
        Assert.Contains("No request is waiting.", await (await SignedInAsync(FeeHelpArrangement.TexasAdmin)).GetStringAsync("/Staff/Hardship"));

        var refused = await admin.PostAsJsonAsync($"/api/v1/hardship-requests/{other}/decision", new { grant = false, reason = "Too late." });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("no longer owed", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HardshipStatus.Pending, await Fixture.QueryAsync(db => db.HardshipRequests.Where(h => h.Id == other).Select(h => h.Status).SingleAsync()));
        // The person was told once, of the waiver; never that a paid fee is still owed.
        var told = Assert.Single(await ToldAsync(arranged.Person.Email!));
        Assert.Contains("Board decision.", told);
    }

    [Fact]
    public async Task The_applications_list_sends_a_draft_that_owes_a_fee_to_its_page_to_submit_and_submits_a_free_one_at_once()
    {
        var charging = new ProgramRequirements(trainingHoursTotal: 0, trainingDomains: [], supervisedWorkHours: 0, supervisionHours: 0, referencesRequired: 0,
            exam: null, requiredAttestations: [], renewalCycleMonths: 24, continuingEducationHours: 0, ethicsContinuingEducationHours: 0,
            gracePeriodDays: 30, renewalWindowDays: 90, fees: [new FeeRate(FeeKind.InitialApplication, 60m, militaryOrVeteranAmount: 30m)]);
        var texas = TestData.State("TX", "Texas", "PRS", charging);
        var delaware = TestData.State("DE", "Delaware", "CPRS", TestData.NoRequirements());
        var person = TestData.Person("Dana", "Quick");
        await Fixture.InsertAsync(texas, delaware, person);
        await Fixture.CreateUserAsync("dana.quick@test.example", Roles.Applicant, personId: person.Id);
        var api = await Fixture.ApiClientAsync("dana.quick@test.example");
        async Task<Guid> StartAsync(Guid programId) =>
            (await (await api.PostAsJsonAsync("/api/v1/applications", new { programId })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applicationId").GetGuid();
        var charged = await StartAsync(texas.Programs[0].Id);
        var free = await StartAsync(delaware.Programs[0].Id);

        var browser = await SignedInAsync("dana.quick@test.example");
        var list = await browser.GetStringAsync("/Applications");
        Assert.Contains($"href=\"/Applications/{charged}\">See the fee and submit", list);
        Assert.DoesNotMatch(SubmitForm(charged), list);
        Assert.Matches(SubmitForm(free), list);

        // Even a quick submission posted for the fee-owing draft goes to its page, where the fee and the military rate are shown.
        var quick = await browser.PostAsync($"/Applications?handler=Submit&id={charged}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebFixture.AntiforgeryToken(list),
        }));
        Assert.Equal(HttpStatusCode.Redirect, quick.StatusCode);
        Assert.Equal($"/Applications/{charged}", quick.Headers.Location!.OriginalString);
        Assert.Empty(await Fixture.QueryAsync(db => db.Fees.Where(f => f.ApplicationId == charged).ToListAsync()));
        var overview = await browser.GetStringAsync($"/Applications/{charged}");
        Assert.Contains("$60.00", overview);
        Assert.Contains("I serve or served in the military", overview);

        var submitted = await browser.PostAsync($"/Applications?handler=Submit&id={free}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebFixture.AntiforgeryToken(list),
        }));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(Domain.Applications.ApplicationStatus.Submitted,
            await Fixture.QueryAsync(db => db.Applications.Where(a => a.Id == free).Select(a => a.Status).SingleAsync()));
    }

    /// <summary>The opening tag of the form field with this id.</summary>
    private static string FieldTag(string html, string element, string id) => Regex.Match(html, $"<{element}[^>]*id=\"{id}\"[^>]*>").Value is { Length: > 0 } tag
        ? tag
        : throw new Xunit.Sdk.XunitException($"No <{element} id=\"{id}\"> on the page.");

    /// <summary>A quick-submit form for the application on the applications list.</summary>
    private static Regex SubmitForm(Guid applicationId) => new($"action=\"[^\"]*(handler=Submit[^\"]*{applicationId}|{applicationId}[^\"]*handler=Submit)");
}
