using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Registry.Application.Common.Security;
using Registry.Domain.Credentials;
using Registry.Testing;

namespace Registry.Web.Tests.Endorsements;

/// <summary>The holder applies for an endorsement through the API; a bad or held code is problem details, never a 500.</summary>
public sealed class EndorsementApplicationApiTests(WebFixture fixture) : WebTest(fixture)
{
    [Fact]
    public async Task The_holder_applies_for_an_endorsement_and_a_bad_code_or_a_second_application_is_problem_details()
    {
        var florida = TestData.State("FL", "Florida", "CRPS", TestData.NoRequirements());
        var holder = TestData.Person("Marisol", "Quintero");
        var credential = Credential.Issue(florida.Programs[0], holder.Id, TestClock.StartDay.AddMonths(-2), Guid.NewGuid(), Now.AddDays(-60));
        await Fixture.InsertAsync(florida, holder, credential);
        await Fixture.CreateUserAsync("admin.fl@test.example", Roles.StateAdmin, "FL");
        await Fixture.CreateUserAsync("marisol@test.example", Roles.Applicant, personId: holder.Id);
        var admin = await Fixture.ApiClientAsync("admin.fl@test.example");
        var requirementsPath = $"/api/v1/programs/{florida.Programs[0].Id}/requirements";
        var current = JsonNode.Parse(await admin.GetStringAsync(requirementsPath))!["requirements"]!.AsObject();
        current["endorsements"] = new JsonArray(new JsonObject { ["code"] = "F", ["name"] = "Family", ["description"] = "With families." });
        (await admin.PutAsJsonAsync(requirementsPath, current)).EnsureSuccessStatusCode();
        var browser = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(browser, "marisol@test.example");
        var before = await browser.GetStringAsync("/Credentials");
        Assert.Contains("Family (F)", before);
        Assert.Contains("Apply for this endorsement", before);
        var api = await Fixture.ApiClientAsync("marisol@test.example");
        var path = $"/api/v1/credentials/{credential.Id}/endorsement-applications";

        var empty = await api.PostAsJsonAsync(path, new { code = "" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("application/problem+json", empty.Content.Headers.ContentType?.MediaType);
        var unknown = await api.PostAsJsonAsync(path, new { code = "V" });
        Assert.Equal(HttpStatusCode.Conflict, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);

        var started = await api.PostAsJsonAsync(path, new { code = "f" });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var body = await started.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("F", credential.Number.Value), (body.GetProperty("endorsementCode").GetString(), body.GetProperty("credentialNumber").GetString()));
        Assert.EndsWith($"/api/v1/applications/{body.GetProperty("applicationId").GetString()}", started.Headers.Location!.ToString());

        Assert.Contains("Continue your application for the Family endorsement", await browser.GetStringAsync("/Credentials"));
        var again = await api.PostAsJsonAsync(path, new { code = "F" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
    }
}
