using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Registry.Application.Common.Paging;
using Registry.Domain.Credentials;
using Registry.Testing;

namespace Registry.Web.Tests.Verification;

/// <summary>The employer's watch-list page reads the list by cursor: a "Next page" link carrying it, and a way back to the first page.</summary>
public sealed partial class WatchListPageTests(WebFixture fixture) : WebTest(fixture)
{
    [Fact]
    public async Task A_long_watch_list_pages_forward_by_cursor_and_back_to_the_first_page()
    {
        var world = await VerificationWebScenario.SeedAsync(Fixture);
        var people = Enumerable.Range(1, Cursor.DefaultLimit + 1).Select(i => TestData.Person($"Paged{i:D2}", "Holder")).ToList();
        var credentials = people.Select(p => Credential.Issue(world.State.Programs[0], p.Id, TestClock.StartDay.AddMonths(-1), Guid.NewGuid(), Now.AddMonths(-1))).ToList();
        await Fixture.InsertAsync([.. people, .. credentials]);
        (await world.KeyClient(Fixture).PostAsJsonAsync("/api/v1/watch-list", new { credentialNumbers = credentials.Select(c => c.Number.Value).ToArray() })).EnsureSuccessStatusCode();
        var client = await RosterSteps.SignedInAsync(Fixture, world.EmployerEmail);

        var first = await client.GetStringAsync("/Employers/WatchList");
        Assert.Equal(Cursor.DefaultLimit, Rows().Matches(first).Count);
        Assert.DoesNotContain(">First page<", first);
        var next = NextPage().Match(first);
        Assert.True(next.Success, "The first page has no Next page link.");
        Assert.Contains("aria-label=\"Watch-list pages\"", first);

        var second = await client.GetAsync(WebUtility.HtmlDecode(next.Groups[1].Value));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var html = await second.Content.ReadAsStringAsync();
        Assert.Single(Rows().Matches(html));
        // Together the two pages show every watched credential once.
        Assert.All(credentials, c => Assert.True(first.Contains(c.Number.Value) ^ html.Contains(c.Number.Value), c.Number.Value));
        Assert.DoesNotContain(">Next page<", html);
        Assert.Contains("href=\"/Employers/WatchList\">First page<", html);
    }

    [GeneratedRegex("<th scope=\"row\" data-label=\"Holder\">")]
    private static partial Regex Rows();

    [GeneratedRegex("<a class=\"usa-link\" href=\"([^\"]+cursor=[^\"]+)\">Next page</a>")]
    private static partial Regex NextPage();
}
