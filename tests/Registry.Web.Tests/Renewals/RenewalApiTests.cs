using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Registry.Application.Common.Security;
using Registry.Domain.Credentials;
using Registry.Domain.Jurisdictions;
using Registry.Testing;

namespace Registry.Web.Tests.Renewals;

/// <summary>Renewal and reinstatement through /api/v1, for the holder, strangers and staff; refusals are problem details.</summary>
public sealed class RenewalApiTests(WebFixture fixture) : WebTest(fixture)
{
    private static DateOnly Today => TestClock.StartDay;

    private static ProgramRequirements Rules() => new(0, [], 0, 0, 0, null, [], renewalCycleMonths: 24, continuingEducationHours: 4, ethicsContinuingEducationHours: 1,
        gracePeriodDays: 30, renewalWindowDays: 90);

    /// <summary>A Tennessee credential expiring <paramref name="expiresInDays"/> from today (lapsed when far enough in the past), and users of every kind.</summary>
    private async Task<Credential> CredentialAsync(int expiresInDays)
    {
        var state = TestData.State("TN", "Tennessee", "CPRS", Rules());
        var holder = TestData.Person("Jesse", "Holder");
        var credential = Credential.Issue(state.Programs[0], holder.Id, Today.AddDays(expiresInDays).AddMonths(-24), Guid.NewGuid(), Now.AddYears(-2));
        if (expiresInDays < 0) credential.Expire(Today, Now);
        if (expiresInDays < -30) credential.Lapse(Today, 30, Now);
        await Fixture.InsertAsync(state, holder, credential);
        await Fixture.CreateUserAsync("holder@test.example", Roles.Applicant, personId: holder.Id);
        await Fixture.CreateUserAsync("stranger@test.example", Roles.Applicant, personId: Guid.NewGuid());
        await Fixture.CreateUserAsync("reviewer.tn@test.example", Roles.Reviewer, state: "TN");
        await Fixture.CreateUserAsync("reviewer.pa@test.example", Roles.Reviewer, state: "PA");
        return credential;
    }

    [Fact]
    public async Task A_holder_renews_through_the_api_and_a_reviewer_approves_one_cycle_from_the_old_expiry()
    {
        var credential = await CredentialAsync(expiresInDays: 20);
        var holder = await Fixture.ApiClientAsync("holder@test.example");

        var options = await holder.GetFromJsonAsync<JsonElement>("/api/v1/me/credentials");
        Assert.Equal("Renew", options[0].GetProperty("next").GetString());

        Assert.Equal(HttpStatusCode.Unauthorized, (await Fixture.Client().PostAsync($"/api/v1/credentials/{credential.Id}/renewal", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await Fixture.ApiClientAsync("stranger@test.example")).PostAsync($"/api/v1/credentials/{credential.Id}/renewal", null)).StatusCode);
        var reviewer = await Fixture.ApiClientAsync("reviewer.tn@test.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PostAsync($"/api/v1/credentials/{credential.Id}/renewal", null)).StatusCode);

        var started = await holder.PostAsync($"/api/v1/credentials/{credential.Id}/renewal", null);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var applicationId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applicationId").GetGuid();
        Assert.Equal($"/api/v1/applications/{applicationId}", started.Headers.Location!.OriginalString);
        var again = await holder.PostAsync($"/api/v1/credentials/{credential.Id}/renewal", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already have an open renewal", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        var ce = $"/api/v1/applications/{applicationId}/continuing-education";
        var bad = await holder.PostAsJsonAsync(ce, new { course = "", provider = "Institute", hours = 0, isEthics = false, completedOn = Today.ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("course", out _) && errors.TryGetProperty("hours", out _));
        var beforeCycle = await holder.PostAsJsonAsync(ce, new { course = "Old", provider = "Institute", hours = 2, isEthics = false, completedOn = credential.IssuedOn.AddDays(-1).ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.Conflict, beforeCycle.StatusCode);
        Assert.Contains("before this cycle began", await beforeCycle.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await (await Fixture.ApiClientAsync("stranger@test.example")).PostAsJsonAsync(ce,
            new { course = "X", provider = "Y", hours = 1, isEthics = false, completedOn = Today.ToString("yyyy-MM-dd") })).StatusCode);
        var mistake = await holder.PostAsJsonAsync(ce, new { course = "Wrong course", provider = "Institute", hours = 1, isEthics = false, completedOn = Today.ToString("yyyy-MM-dd") });
        var mistakeId = (await mistake.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recordId").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await holder.DeleteAsync($"{ce}/{mistakeId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await holder.PostAsJsonAsync(ce, new { course = "Peer update", provider = "Institute", hours = 3, isEthics = false, completedOn = Today.AddDays(-9).ToString("yyyy-MM-dd") })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await holder.PostAsJsonAsync(ce, new { course = "Ethics", provider = "Institute", hours = 1, completedOn = Today.AddDays(-8).ToString("yyyy-MM-dd"), isEthics = true })).StatusCode);
        var records = await holder.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{applicationId}/records");
        Assert.Equal(2, records.GetProperty("continuingEducation").GetArrayLength());

        Assert.Equal(HttpStatusCode.OK, (await holder.PostAsync($"/api/v1/applications/{applicationId}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await Fixture.ApiClientAsync("reviewer.pa@test.example")).PostAsync($"/api/v1/applications/{applicationId}/review", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsync($"/api/v1/applications/{applicationId}/review", null)).StatusCode);
        var queue = await reviewer.GetFromJsonAsync<JsonElement>("/api/v1/review/TN/queue");
        Assert.Equal(credential.Number.Value, queue.GetProperty("items")[0].GetProperty("credentialNumber").GetString());

        var approved = await reviewer.PostAsJsonAsync($"/api/v1/review/applications/{applicationId}/approve", new { note = "CE in order." });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var body = await approved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((credential.ExpiresOn.AddMonths(24).ToString("yyyy-MM-dd"), "Renewal"), (body.GetProperty("expiresOn").GetString(), body.GetProperty("applicationType").GetString()));
        var record = await holder.GetFromJsonAsync<JsonElement>($"/api/v1/credentials/{credential.Id}");
        Assert.Equal(credential.ExpiresOn.AddMonths(24).ToString("yyyy-MM-dd"), record.GetProperty("expiresOn").GetString());
    }

    [Fact]
    public async Task A_lapsed_credential_is_refused_renewal_with_the_way_forward_and_the_holder_applies_for_reinstatement()
    {
        var credential = await CredentialAsync(expiresInDays: -45);
        var holder = await Fixture.ApiClientAsync("holder@test.example");

        var refused = await holder.PostAsync($"/api/v1/credentials/{credential.Id}/renewal", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Apply for reinstatement", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal("Reinstate", (await holder.GetFromJsonAsync<JsonElement>("/api/v1/me/credentials"))[0].GetProperty("next").GetString());

        var started = await holder.PostAsync($"/api/v1/credentials/{credential.Id}/reinstatement", null);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var applicationId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applicationId").GetGuid();
        var overview = await holder.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{applicationId}/overview");
        Assert.Equal(("Reinstatement", credential.Number.Value), (overview.GetProperty("type").GetString(), overview.GetProperty("renewal").GetProperty("credentialNumber").GetString()));
    }

    [Fact]
    public async Task Reinstatement_settings_are_validated_through_the_programs_api()
    {
        var credential = await CredentialAsync(expiresInDays: 20);
        await Fixture.CreateUserAsync("admin.tn@test.example", Roles.StateAdmin, state: "TN");
        var admin = await Fixture.ApiClientAsync("admin.tn@test.example");
        var path = $"/api/v1/programs/{credential.ProgramId}/requirements";
        var current = (await admin.GetFromJsonAsync<JsonElement>(path)).GetProperty("requirements");
        var requirements = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(current.GetRawText())!;

        requirements["reinstatementRequiresExam"] = JsonSerializer.SerializeToElement(true); // the program has no exam
        var refused = await admin.PutAsJsonAsync(path, requirements);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        requirements["reinstatementRequiresExam"] = JsonSerializer.SerializeToElement(false);
        requirements["reinstatementContinuingEducationHours"] = JsonSerializer.SerializeToElement(10);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync(path, requirements)).StatusCode);
        Assert.Equal(10, (await admin.GetFromJsonAsync<JsonElement>(path)).GetProperty("requirements").GetProperty("reinstatementContinuingEducationHours").GetDecimal());
    }
}
