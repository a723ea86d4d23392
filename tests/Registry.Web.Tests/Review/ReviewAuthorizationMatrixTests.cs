using System.Net;
using System.Net.Http.Json;

namespace Registry.Web.Tests.Review;

/// <summary>
/// Every staff page and every /api/v1/review endpoint, as every kind of user: only staff of the
/// application's state get through; everyone else is sent to sign in, refused, or told it does not exist.
/// </summary>
public sealed class ReviewAuthorizationMatrixTests(WebFixture fixture) : WebTest(fixture)
{
    private static IEnumerable<(string Name, Func<HttpClient, Task<HttpResponseMessage>> Send)> Pages(Guid id) =>
    [
        ("GET /Staff", c => c.GetAsync("/Staff")),
        ("GET /Staff?state=TN", c => c.GetAsync("/Staff?state=TN")),
        ("GET /Staff/Applications/{id}", c => c.GetAsync($"/Staff/Applications/{id}")),
        ("GET evidence", c => c.GetAsync($"/Staff/Applications/{id}?handler=Evidence&documentId={Guid.NewGuid()}")),
    ];

    /// <summary>The review page's forms, posted with the sender's own anti-forgery token (empty when they have none).</summary>
    private static IEnumerable<(string Name, Func<HttpClient, Task<HttpResponseMessage>> Send)> PagePosts(Guid id, string token) =>
        new[] { ("Begin", ""), ("Record", $"&recordId={Guid.NewGuid()}&verified=true"), ("RequestInformation", ""), ("Approve", ""), ("Deny", "") }
            .Select(h => ($"POST {h.Item1}", (Func<HttpClient, Task<HttpResponseMessage>>)(c => c.PostAsync($"/Staff/Applications/{id}?handler={h.Item1}{h.Item2}",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Message"] = "More.", ["Reason"] = "No." })))));

    /// <summary>Each decision on its own application, so an allowed one does not spoil the next.</summary>
    private static IEnumerable<(string Name, Func<HttpClient, Task<HttpResponseMessage>> Send)> Api(Guid[] ids) =>
    [
        ("GET queue", c => c.GetAsync("/api/v1/review/TN/queue")),
        ("GET queue summary", c => c.GetAsync("/api/v1/review/TN/queue/summary")),
        ("GET cases", c => c.GetAsync("/api/v1/review/TN/cases")),
        ("GET credentials", c => c.GetAsync("/api/v1/credentials?state=TN")),
        ("GET application", c => c.GetAsync($"/api/v1/review/applications/{ids[0]}")),
        ("POST record", c => c.PostAsJsonAsync($"/api/v1/review/applications/{ids[0]}/records/{Guid.NewGuid()}", new { verified = true })),
        ("POST request-information", c => c.PostAsJsonAsync($"/api/v1/review/applications/{ids[1]}/request-information", new { message = "More, please." })),
        ("POST approve", c => c.PostAsJsonAsync($"/api/v1/review/applications/{ids[2]}/approve", new { note = "Fine." })),
        ("POST deny", c => c.PostAsJsonAsync($"/api/v1/review/applications/{ids[3]}/deny", new { reason = "Not eligible." })),
    ];

    private static readonly string[] StateLists = ["GET queue", "GET queue summary", "GET cases", "GET credentials"];

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_the_api_answers_401()
    {
        var ids = await ReviewWebScenario.UnderReviewAsync(Fixture, 4);
        var client = Fixture.Client();
        foreach (var (name, send) in Pages(ids[0]).Concat(PagePosts(ids[0], "")))
        {
            var response = await send(client);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/Account/Login"), name);
        }
        foreach (var (name, send) in Api(ids))
            Assert.True((await send(client)).StatusCode == HttpStatusCode.Unauthorized, name);
    }

    [Theory]
    [InlineData(ReviewWebScenario.Applicant)]
    [InlineData(ReviewWebScenario.Employer)]
    public async Task Applicants_and_employers_are_refused_everywhere(string email)
    {
        var ids = await ReviewWebScenario.UnderReviewAsync(Fixture, 4);
        var browser = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(browser, email);
        foreach (var (name, send) in Pages(ids[0]).Concat(PagePosts(ids[0], "")))
        {
            var response = await send(browser);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/Account/AccessDenied"), $"{email} {name}: {response.StatusCode}");
        }
        var api = await Fixture.ApiClientAsync(email);
        foreach (var (name, send) in Api(ids))
            Assert.True((await send(api)).StatusCode == HttpStatusCode.Forbidden, $"{email} {name}");
        await AssertNothingDecidedAsync();
    }

    [Fact]
    public async Task Reviewers_of_another_state_see_only_their_own_queue_and_nothing_of_this_state()
    {
        var ids = await ReviewWebScenario.UnderReviewAsync(Fixture, 4);
        var browser = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(browser, ReviewWebScenario.OtherStateReviewer);

        var queue = await browser.GetAsync("/Staff?state=TN"); // only a system administrator may name the state
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        var html = await queue.Content.ReadAsStringAsync();
        Assert.Contains("Review queue <span class=\"text-normal\">(OH)</span>", html);
        Assert.DoesNotContain("Alvarez", html);
        var token = WebFixture.AntiforgeryToken(html);
        foreach (var (name, send) in Pages(ids[0]).Skip(2).Concat(PagePosts(ids[0], token)))
        {
            var status = (await send(browser)).StatusCode;
            Assert.True(status == HttpStatusCode.NotFound, $"{name}: {status}");
        }

        var api = await Fixture.ApiClientAsync(ReviewWebScenario.OtherStateReviewer);
        foreach (var (name, send) in Api(ids))
        {
            // The state's lists refuse staff of another state; one application of it is not found for them.
            var expected = StateLists.Contains(name) ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound;
            Assert.True((await send(api)).StatusCode == expected, name);
        }
        await AssertNothingDecidedAsync();
    }

    [Fact]
    public async Task Reviewers_of_the_state_get_through_everywhere()
    {
        var ids = await ReviewWebScenario.UnderReviewAsync(Fixture, 4);
        var browser = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(browser, ReviewWebScenario.Reviewer);
        foreach (var (name, send) in Pages(ids[0]).SkipLast(1))
            Assert.True((await send(browser)).StatusCode == HttpStatusCode.OK, name);
        Assert.Equal(HttpStatusCode.NotFound, (await Pages(ids[0]).Last().Send(browser)).StatusCode); // no such document

        var api = await Fixture.ApiClientAsync(ReviewWebScenario.Reviewer);
        foreach (var (name, send) in Api(ids))
        {
            var status = (await send(api)).StatusCode;
            // The record does not exist on the application: the domain refuses it, after access was granted.
            var expected = name == "POST record" ? HttpStatusCode.Conflict : HttpStatusCode.OK;
            Assert.True(status == expected, $"{name}: {status}");
        }
        var statuses = await Records.RecordsWebScenario.QueryAsync(Fixture, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
            .ToListAsync(db.Applications.OrderBy(a => a.CreatedAt).Select(a => a.Status)));
        Assert.Equal([Domain.Applications.ApplicationStatus.UnderReview, Domain.Applications.ApplicationStatus.InfoRequested,
            Domain.Applications.ApplicationStatus.Approved, Domain.Applications.ApplicationStatus.Denied], statuses);
    }

    [Fact]
    public async Task A_system_administrator_names_the_state_of_the_queue()
    {
        await ReviewWebScenario.UnderReviewAsync(Fixture);
        await Fixture.CreateUserAsync("sysadmin@test.example", Application.Common.Security.Roles.SystemAdmin);
        var browser = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(browser, "sysadmin@test.example");

        Assert.Contains("Alvarez0", await browser.GetStringAsync("/Staff?state=TN"));
        Assert.Contains("href=\"/Staff?state=TN\"", await browser.GetStringAsync("/Staff")); // without a state: choose one
    }

    private async Task AssertNothingDecidedAsync()
    {
        var statuses = await Records.RecordsWebScenario.QueryAsync(Fixture, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
            .ToListAsync(db.Applications.Select(a => a.Status)));
        Assert.All(statuses, s => Assert.Equal(Domain.Applications.ApplicationStatus.UnderReview, s));
        Assert.Equal(0, await Records.RecordsWebScenario.QueryAsync(Fixture, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Credentials)));
    }
}
