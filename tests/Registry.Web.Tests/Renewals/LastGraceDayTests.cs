using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Application.Common.Security;
using Registry.Domain.Credentials;
using Registry.Domain.Jurisdictions;
using Registry.Infrastructure.Jobs;
using Registry.Testing;

namespace Registry.Web.Tests.Renewals;

/// <summary>
/// One registry day, in the state's own time zone: on the last day of the grace period, late in the evening in
/// Tennessee (America/Chicago), the page, the API and the expiry job all still count the credential as in grace;
/// an hour later, after midnight there, none of them does.
/// </summary>
public sealed class LastGraceDayTests(WebFixture fixture) : WebTest(fixture)
{
    private const int GraceDays = 30;
    private static readonly DateOnly LastGraceDay = TestClock.StartDay;
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    private static DateTimeOffset InChicago(DateOnly day, int hour, int minute)
    {
        var local = day.ToDateTime(new TimeOnly(hour, minute));
        return new DateTimeOffset(local, Chicago.GetUtcOffset(local));
    }

    private async Task<Credential> ExpiredInGraceAsync()
    {
        var rules = new ProgramRequirements(0, [], 0, 0, 0, null, [], renewalCycleMonths: 24, continuingEducationHours: 0, ethicsContinuingEducationHours: 0,
            gracePeriodDays: GraceDays, renewalWindowDays: 90);
        var state = TestData.State("TN", "Tennessee", "CPRS", rules, timeZone: "America/Chicago");
        var holder = TestData.Person("Avery", "Holder");
        var expiresOn = LastGraceDay.AddDays(-GraceDays);
        var credential = Credential.Issue(state.Programs[0], holder.Id, expiresOn.AddMonths(-24), Guid.NewGuid(), Now.AddYears(-2));
        credential.Expire(expiresOn.AddDays(1), Now.AddDays(-GraceDays));
        await Fixture.InsertAsync(state, holder, credential);
        await Fixture.CreateUserAsync("avery@test.example", Roles.Applicant, personId: holder.Id);
        return credential;
    }

    private async Task<string> CredentialsPageAsync()
    {
        var browser = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(browser, "avery@test.example");
        return await browser.GetStringAsync("/Credentials");
    }

    private async Task<string?> NextStepThroughApiAsync(HttpClient api) =>
        (await api.GetFromJsonAsync<JsonElement>("/api/v1/me/credentials"))[0].GetProperty("next").GetString();

    private async Task<CredentialStatus> StatusAfterExpiryJobAsync(Guid credentialId)
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<CredentialExpiryJob>(scope.ServiceProvider).RunAsync();
        return await QueryAsync(db => db.Credentials.Where(c => c.Id == credentialId).Select(c => c.Status).SingleAsync());
    }

    private Task<T> QueryAsync<T>(Func<Registry.Infrastructure.Persistence.RegistryDbContext, Task<T>> query) => Fixture.QueryAsync(query);

    [Fact]
    public async Task At_half_past_eleven_on_the_last_grace_day_in_the_states_zone_the_page_the_API_and_the_job_all_allow_renewal()
    {
        var credential = await ExpiredInGraceAsync();
        Fixture.Factory.Clock.SetTo(InChicago(LastGraceDay, 23, 30)); // already the next day in UTC
        var api = await Fixture.ApiClientAsync("avery@test.example");

        Assert.Contains($"Renew credential {credential.Number}", await CredentialsPageAsync());
        Assert.Equal("Renew", await NextStepThroughApiAsync(api));
        Assert.Equal(CredentialStatus.Expired, await StatusAfterExpiryJobAsync(credential.Id)); // still in grace, not lapsed

        var started = await api.PostAsync($"/api/v1/credentials/{credential.Id}/renewal", null);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
    }

    [Fact]
    public async Task At_half_past_midnight_the_next_day_none_of_them_does()
    {
        var credential = await ExpiredInGraceAsync();
        Fixture.Factory.Clock.SetTo(InChicago(LastGraceDay.AddDays(1), 0, 30));
        var api = await Fixture.ApiClientAsync("avery@test.example");

        Assert.DoesNotContain($"Renew credential {credential.Number}", await CredentialsPageAsync());
        Assert.Equal("Reinstate", await NextStepThroughApiAsync(api));
        var refused = await api.PostAsync($"/api/v1/credentials/{credential.Id}/renewal", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("grace period ended", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(CredentialStatus.Lapsed, await StatusAfterExpiryJobAsync(credential.Id));
    }
}
