using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Text.RegularExpressions;

namespace Registry.Web.Tests.Review;

/// <summary>The queue and review pages through real forms with anti-forgery tokens.</summary>
public sealed partial class ReviewPageTests(WebFixture fixture) : WebTest(fixture)
{
    private static FormUrlEncodedContent Form(string page, params (string Key, string Value)[] fields) =>
        new(fields.Append(("__RequestVerificationToken", WebFixture.AntiforgeryToken(page))).Select(f => KeyValuePair.Create(f.Item1, f.Item2)));

    [Fact]
    public async Task A_reviewer_rejects_an_entry_with_a_reason_and_approves_and_sees_the_credential_number()
    {
        var ids = await ReviewWebScenario.UnderReviewAsync(Fixture, 2, trainingRecords: 1);
        var browser = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(browser, ReviewWebScenario.Reviewer);

        var queue = await browser.GetStringAsync("/Staff");
        Assert.Contains("<caption>Open applications, oldest first</caption>", queue);
        Assert.True(queue.IndexOf("Alvarez0", StringComparison.Ordinal) < queue.IndexOf("Alvarez1", StringComparison.Ordinal));
        Assert.Contains("href=\"/Staff\"><span>Review queue</span></a>", queue);

        var url = $"/Staff/Applications/{ids[0]}";
        var page = await browser.GetStringAsync(url);
        Assert.DoesNotContain("WaiverReason", page); // only a state administrator may waive
        Assert.DoesNotContain("name=\"RecordReason\"", page); // no reason box until "Reject…" is chosen
        var recordId = RejectLink().Match(page).Groups[1].Value;
        Assert.True(page.IndexOf("id=\"decide-heading\"", StringComparison.Ordinal) < page.IndexOf("<caption>Training entries</caption>", StringComparison.Ordinal));

        page = await browser.GetStringAsync($"{url}?reject={recordId}");
        Assert.Contains($"id=\"RecordReason-{recordId}\" name=\"RecordReason\"", page);
        var rejectAction = RejectForm().Match(page).Groups[1].Value.Replace("&amp;", "&");
        Assert.Contains($"/Staff/Applications/{ids[0]}", rejectAction);

        var refused = await browser.PostAsync(rejectAction, Form(page, ("RecordReason", "")));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusal = await refused.Content.ReadAsStringAsync();
        Assert.Contains($"<span class=\"usa-error-message\" id=\"RecordReason-{recordId}-error\">Say why the entry is rejected; the applicant will read it.</span>", refusal);
        Assert.Contains($"aria-describedby=\"RecordReason-{recordId}-error\"", refusal);

        var rejected = await browser.PostAsync(rejectAction, Form(page, ("RecordReason", "No certificate from this provider.")));
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        page = await browser.GetStringAsync(url);
        Assert.Contains("Not accepted: No certificate from this provider.", page);

        var approved = await browser.PostAsync($"{url}?handler=Approve", Form(page, ("Note", "Good.")));
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        page = await browser.GetStringAsync(url);
        Assert.Contains("Credential TN-CPRS-000001 is issued", page);
        Assert.DoesNotContain("handler=Approve", page);
    }

    [Fact]
    public async Task Approval_waits_for_unchecked_entries_until_the_reviewer_confirms_verifying_all_of_them()
    {
        var ids = await ReviewWebScenario.UnderReviewAsync(Fixture, trainingRecords: 2);
        var browser = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(browser, ReviewWebScenario.Reviewer);
        var url = $"/Staff/Applications/{ids[0]}";
        var page = await browser.GetStringAsync(url);

        var refused = await (await browser.PostAsync($"{url}?handler=Approve", Form(page))).Content.ReadAsStringAsync();
        Assert.Contains("This application cannot be approved while 2 training entries are not yet checked", refused);

        var asked = await (await browser.PostAsync($"{url}?handler=VerifyRemaining", Form(page))).Content.ReadAsStringAsync();
        Assert.Contains("Verify all 2 entries still waiting?", asked);
        Assert.Contains("This marks 2 training entries as verified", asked);
        Assert.Equal(0, await Fixture.QueryAsync(db => db.Set<Registry.Domain.Applications.TrainingRecord>()
            .CountAsync(t => t.Review == Registry.Domain.Applications.RecordReview.Verified))); // nothing yet

        var done = await browser.PostAsync($"{url}?handler=VerifyRemaining", Form(asked, ("confirmed", "true"), ("approve", "true")));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        page = await browser.GetStringAsync(url);
        Assert.Contains("2 training entries are verified. Approved. Credential TN-CPRS-000001 is issued", page);
    }

    [Fact]
    public async Task The_reviewer_records_the_exam_result_on_the_review_page_field_by_field()
    {
        var ids = await ReviewWebScenario.UnderReviewAsync(Fixture, requirements: ReviewWebScenario.ExamOnly());
        var browser = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(browser, ReviewWebScenario.Reviewer);
        var url = $"/Staff/Applications/{ids[0]}";
        var page = await browser.GetStringAsync(url);
        Assert.Contains("Record an exam result", page);

        var missing = await (await browser.PostAsync($"{url}?handler=Exam", Form(page, ("Exam.TakenOn", ""), ("Exam.Score", "")))).Content.ReadAsStringAsync();
        Assert.Contains("<a class=\"usa-link\" href=\"#Exam_TakenOn\">Enter the date the exam was taken.</a>", missing);
        Assert.Contains("<span class=\"usa-error-message\" id=\"Exam_Score-error\">Enter the score.</span>", missing);
        Assert.DoesNotContain("is invalid", missing);

        var recorded = await browser.PostAsync($"{url}?handler=Exam", Form(page, ("Exam.TakenOn", Records.RecordsWebScenario.Today(-2)), ("Exam.Score", "82")));
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        page = await browser.GetStringAsync(url);
        Assert.Contains("Exam result recorded: attempt 1", page);
        Assert.Contains("score 82, passed.", page);
        Assert.DoesNotContain("Record an exam result", page);
    }

    [Fact]
    public async Task A_state_admin_sees_the_waiver_field_and_a_missing_denial_reason_is_explained()
    {
        var ids = await ReviewWebScenario.UnderReviewAsync(Fixture);
        var browser = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(browser, ReviewWebScenario.StateAdmin);
        var url = $"/Staff/Applications/{ids[0]}";
        var page = await browser.GetStringAsync(url);
        Assert.Contains("id=\"WaiverReason\"", page);

        var refused = await browser.PostAsync($"{url}?handler=Deny", Form(page, ("Reason", " ")));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("<a class=\"usa-link\" href=\"#Reason\">Give the reason for the denial.</a>", html);
    }

    [Fact]
    public async Task A_second_reviewer_deciding_an_already_decided_application_is_told_on_the_form_and_the_api_answers_409()
    {
        var ids = await ReviewWebScenario.UnderReviewAsync(Fixture);
        var (first, second) = (Fixture.Client(), Fixture.Client());
        await WebFixture.SignInThroughFormAsync(first, ReviewWebScenario.Reviewer);
        await WebFixture.SignInThroughFormAsync(second, ReviewWebScenario.StateAdmin);
        var url = $"/Staff/Applications/{ids[0]}";
        var (firstPage, secondPage) = (await first.GetStringAsync(url), await second.GetStringAsync(url));

        Assert.Equal(HttpStatusCode.Redirect, (await first.PostAsync($"{url}?handler=Approve", Form(firstPage))).StatusCode);
        var late = await second.PostAsync($"{url}?handler=Deny", Form(secondPage, ("Reason", "Not eligible."), ("confirmed", "true")));
        var api = await (await Fixture.ApiClientAsync(ReviewWebScenario.Reviewer)).PostAsync($"/api/v1/review/applications/{ids[0]}/approve", null);

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("An application that is approved cannot become denied.", await late.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
        Assert.Equal(1, await Records.RecordsWebScenario.QueryAsync(Fixture, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Credentials)));
    }

    [Fact]
    public async Task The_reviewer_downloads_the_evidence_and_staff_of_another_state_cannot()
    {
        var ids = await ReviewWebScenario.UnderReviewAsync(Fixture, trainingRecords: 1, evidence: Records.RecordsWebScenario.Pdf);
        var browser = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(browser, ReviewWebScenario.Reviewer);
        var page = await browser.GetStringAsync($"/Staff/Applications/{ids[0]}");
        var link = Regex.Match(page, "href=\"([^\"]*handler=Evidence[^\"]*)\"").Groups[1].Value.Replace("&amp;", "&");

        var download = await browser.GetAsync(link);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Records.RecordsWebScenario.Pdf, await download.Content.ReadAsByteArrayAsync());

        var other = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(other, ReviewWebScenario.OtherStateReviewer);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(link)).StatusCode);
    }

    [GeneratedRegex("action=\"([^\"]*verified=false[^\"]*handler=Record)\"")]
    private static partial Regex RejectForm();

    [GeneratedRegex("href=\"\\?reject=([0-9a-f-]+)#record-")]
    private static partial Regex RejectLink();
}
