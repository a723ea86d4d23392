using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Features.Discipline;
using Registry.Application.Features.Employers;
using Registry.Infrastructure.Exports.Workforce;
using Registry.Infrastructure.Identity;
using Registry.Testing;

namespace Registry.Web.Tests.Verification;

/// <summary>
/// Nothing private leaks: a holder whose private fields hold sentinel strings is looked up through every
/// public page and every verification endpoint, and no sentinel appears in any response or file.
/// </summary>
public sealed partial class PrivacyTests(WebFixture fixture) : WebTest(fixture)
{
    [Fact]
    public async Task No_private_field_appears_on_any_public_page_verification_answer_or_roster_workbook()
    {
        var world = await VerificationWebScenario.SeedAsync(Fixture);
        var number = world.Credential.Number.Value;
        var anonymous = Fixture.Client();
        var answers = new Dictionary<string, string>();

        async Task GetAsync(HttpClient client, string path)
        {
            var response = await client.GetAsync(path);
            response.EnsureSuccessStatusCode();
            answers[path] = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        }

        // Public pages.
        await GetAsync(anonymous, "/");
        await GetAsync(anonymous, "/Verify?lastName=zeph&state=TN");
        await GetAsync(anonymous, $"/Verify/{number}");
        await GetAsync(anonymous, $"/Verify/{number}/Print");
        await GetAsync(anonymous, $"/Verify/{number}/qr.png");
        // Verification API: single, search, jurisdictions, bulk with a key.
        await GetAsync(anonymous, $"/api/v1/verifications/{number}");
        await GetAsync(anonymous, "/api/v1/verifications?lastName=Zephyrine&state=TN");
        await GetAsync(anonymous, "/api/v1/jurisdictions");
        var bulk = await world.KeyClient(Fixture).PostAsJsonAsync("/api/v1/verifications/bulk", new[] { number, world.Second.Number.Value });
        bulk.EnsureSuccessStatusCode();
        answers["bulk"] = await bulk.Content.ReadAsStringAsync();

        // Roster verification, by number and by name, and the employer's own pages after a watched change.
        var employer = await RosterSteps.SignedInAsync(Fixture, world.EmployerEmail);
        var (rosterSummary, roster) = await RosterSteps.ResultAsync(employer,
            await RosterSteps.UploadAsync(employer, RosterSteps.Csv($"Credential number,First name,Last name,State\n{number},,,\n,Sentinel,Zephyrine,TN\n"), "staff.csv", addToWatchList: true));
        roster.EnsureSuccessStatusCode();
        answers["roster summary"] = rosterSummary;
        var rows = RosterSteps.ReadWorkbook(await roster.Content.ReadAsByteArrayAsync());
        Assert.Equal(2, rows.Count(r => r.Contains(number))); // both rows matched the holder: the test looks where the data is
        answers["roster workbook"] = string.Join("\n", rows.Select(r => string.Join("\t", r)));

        using (CurrentUser.RunAs(TestUsers.StateAdmin("TN")))
            await SendAsync(new ReinstateCredential.Command(world.Credential.Id, "SNTL-SUSPENSION-REASON again"));
        using (CurrentUser.RunAs(TestUsers.SystemAdmin()))
            await SendAsync(new NotifyWatchingEmployers.Command());
        await GetAsync(employer, "/Employers/WatchList");
        await GetAsync(employer, "/Employers/Changes");
        var watchMail = (await Fixture.QueryAsync(db => db.Notifications.Where(n => n.Template == "watch-list-change").SingleAsync())).Rendered();
        answers["watch-list e-mail"] = watchMail.Subject + "\n" + watchMail.Text + "\n" + watchMail.Html;
        Assert.Contains("Sentinel Zephyrine", answers["/Employers/Changes"]);

        // Open data: the month before today's, published by the monthly job.
        await using (var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateAsyncScope(Fixture.Factory.Services))
            await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<WorkforceSnapshotJob>(scope.ServiceProvider)
                .TakeAsync(new DateOnly(Now.Year, Now.Month, 1).AddMonths(-1));
        var released = $"{new DateOnly(Now.Year, Now.Month, 1).AddMonths(-1):yyyy-MM}";
        await GetAsync(anonymous, "/OpenData");
        await GetAsync(anonymous, $"/OpenData/{released}.csv");
        await GetAsync(anonymous, $"/OpenData/{released}.json");
        Assert.Contains("Counties with fewer than 11 each", answers["/OpenData"]);

        // Open data names every answer as a column of counts; the holder's own answers count 1 there, so hidden.
        var answerColumns = answers[$"/OpenData/{released}.csv"].Split("\r\n")
            .Where(line => VerificationWebScenario.AnswerHeadings.Any(heading => line.Contains(heading, StringComparison.Ordinal))).ToList();
        Assert.NotEmpty(answerColumns);
        Assert.All(answerColumns, line => Assert.EndsWith(",,true", line, StringComparison.Ordinal));

        foreach (var (where, text) in answers)
        {
            var published = where.StartsWith("/OpenData", StringComparison.Ordinal)
                ? VerificationWebScenario.AnswerHeadings.Aggregate(text, (rest, heading) => rest.Replace(heading, "", StringComparison.OrdinalIgnoreCase)) : text;
            foreach (var sentinel in VerificationWebScenario.Sentinels)
                Assert.False(published.Contains(sentinel, StringComparison.OrdinalIgnoreCase), $"'{sentinel}' appeared in {where}.");
            Assert.False(Score().IsMatch(text), $"The exam score appeared in {where}.");
        }
        Assert.Contains("Sentinel Zephyrine", answers[$"/Verify/{number}"]);
    }

    private async Task SendAsync<T>(MediatR.IRequest<T> request)
    {
        await using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateAsyncScope(Fixture.Factory.Services);
        await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<MediatR.IMediator>(scope.ServiceProvider).Send(request);
    }

    [GeneratedRegex(@"\b937\b")]
    private static partial Regex Score();
}
