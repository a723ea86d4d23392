using System.Net;
using System.Text.RegularExpressions;
using Registry.Application.Common.Paging;
using Registry.Domain.Applications;
using Registry.Domain.Credentials;
using Registry.Domain.Eligibility;
using Registry.Domain.Jurisdictions;
using Registry.Testing;
using Registry.Web.Tests.Review;

namespace Registry.Web.Tests.Paging;

/// <summary>The staff and public lists show a page at a time with "Next page" and "First page" links that carry the cursor.</summary>
public sealed partial class CursorPagingPageTests(WebFixture fixture) : WebTest(fixture)
{
    [GeneratedRegex("""href="([^"]*)"><span class="usa-pagination__link-text">(Next page|First page)</span>""")]
    private static partial Regex PagerLink();

    private static Dictionary<string, string> Links(string html) =>
        PagerLink().Matches(html).ToDictionary(m => m.Groups[2].Value, m => WebUtility.HtmlDecode(m.Groups[1].Value));

    private static int Rows(string html) => Regex.Matches(html, "<tr>").Count;

    private async Task<CredentialProgram> ProgramAsync()
    {
        await ReviewWebScenario.UnderReviewAsync(Fixture);
        return await Fixture.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Programs));
    }

    /// <summary>One more than a page of credentials, in one insert.</summary>
    private async Task IssuePageAndOneAsync(CredentialProgram program, string last)
    {
        var rows = new List<object>();
        for (var i = 0; i <= Cursor.DefaultLimit; i++)
        {
            var holder = TestData.Person($"Holder{i:D2}", last);
            rows.Add(holder);
            rows.Add(Credential.Issue(program, holder.Id, TestClock.StartDay.AddMonths(-6), Guid.NewGuid(), Now));
        }
        await Fixture.InsertAsync([.. rows]);
    }

    [Fact]
    public async Task The_staff_credential_list_pages_with_next_and_first_links()
    {
        await IssuePageAndOneAsync(await ProgramAsync(), "Pager");
        var browser = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(browser, ReviewWebScenario.Reviewer);

        var first = await browser.GetStringAsync("/Staff/Credentials?Search=Pager");
        var next = Links(first);
        var second = await browser.GetStringAsync(next["Next page"]);

        Assert.Equal(1 + Cursor.DefaultLimit, Rows(first)); // the header row and a page
        Assert.False(next.ContainsKey("First page"));
        Assert.Contains("Search=Pager", next["Next page"]);
        Assert.Contains("Holder50 Pager", second);
        Assert.Equal(1 + 1, Rows(second));
        Assert.Equal(["First page"], Links(second).Keys);
        Assert.Equal(next, Links(await browser.GetStringAsync(Links(second)["First page"])));
        var altered = await browser.GetAsync("/Staff/Credentials?Search=Pager&cursor=eyJJZCI6");
        Assert.Equal(HttpStatusCode.OK, altered.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(Cursor.InvalidMessage), await altered.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_public_search_pages_with_next_and_first_links()
    {
        await IssuePageAndOneAsync(await ProgramAsync(), "Pager");
        var anyone = Fixture.Client();

        var first = await anyone.GetStringAsync("/Verify?lastName=pag&state=TN");
        var second = await anyone.GetStringAsync(Links(first)["Next page"]);

        Assert.DoesNotContain("Holder50 Pager", first);
        Assert.Contains("Holder50 Pager", second);
        Assert.Equal(["First page"], Links(second).Keys);
        Assert.StartsWith("/Verify?lastName=pag&state=TN", Links(second)["First page"]);
        Assert.Contains(WebUtility.HtmlEncode(Cursor.InvalidMessage), await anyone.GetStringAsync("/Verify?lastName=pag&state=TN&cursor=bm9wZQ"));
    }

    [Fact]
    public async Task The_review_queue_and_the_audit_log_page_with_next_and_first_links()
    {
        var program = await ProgramAsync();
        var rows = new List<object>();
        for (var i = 0; i < Cursor.DefaultLimit; i++)
        {
            var person = TestData.Person("Waiting", $"Pager{i:D2}");
            var application = CertificationApplication.Start(person.Id, program.Id, ApplicationType.Initial, Guid.NewGuid(), Now.AddMinutes(i));
            application.Submit(Guid.NewGuid(), Now.AddMinutes(i), EligibilityCheck.Evaluate(TestData.NoRequirements(), ApplicantRecords.Of(application, []), new Dictionary<string, string>(), false));
            rows.AddRange([person, application]);
        }
        await Fixture.InsertAsync([.. rows]);
        var reviewer = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(reviewer, ReviewWebScenario.Reviewer);

        var queue = await reviewer.GetStringAsync($"/Staff?ProgramId={program.Id}"); // and the one the scenario put under review
        var lastWaiting = await reviewer.GetStringAsync(Links(queue)["Next page"]);

        Assert.Contains($"ProgramId={program.Id}", Links(queue)["Next page"]);
        Assert.DoesNotContain("Waiting Pager49", queue);
        Assert.Contains("Waiting Pager49", lastWaiting);
        Assert.Equal(["First page"], Links(lastWaiting).Keys);

        await IssuePageAndOneAsync(program, "Audited");
        var admin = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(admin, ReviewWebScenario.StateAdmin);
        var log = await admin.GetStringAsync("/Staff/Audit?EntityType=Credential&Limit=2");
        var older = await admin.GetStringAsync(Links(log)["Next page"]);
        Assert.Equal(1 + 2, Rows(log));
        Assert.Equal(1 + 2, Rows(older));
        Assert.Contains("Limit=2", Links(log)["Next page"]);
        Assert.Contains("EntityType=Credential", Links(older)["Next page"]);
        Assert.Equal(["First page", "Next page"], Links(older).Keys.Order());
    }
}
