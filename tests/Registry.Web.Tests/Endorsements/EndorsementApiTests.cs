using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Registry.Application.Common.Security;
using Registry.Domain.Credentials;
using Registry.Testing;

namespace Registry.Web.Tests.Endorsements;

/// <summary>A state's administrator defines endorsements through the API; staff grant and withdraw one; the verification answer and the public record show it.</summary>
public sealed class EndorsementApiTests(WebFixture fixture) : WebTest(fixture)
{
    [Fact]
    public async Task Endorsements_are_defined_granted_shown_and_withdrawn_through_the_api_and_bad_input_is_problem_details()
    {
        var florida = TestData.State("FL", "Florida", "CRPS", TestData.NoRequirements());
        var holder = TestData.Person("Marisol", "Quintero");
        var credential = Credential.Issue(florida.Programs[0], holder.Id, TestClock.StartDay.AddMonths(-2), Guid.NewGuid(), Now.AddDays(-60));
        await Fixture.InsertAsync(florida, holder, credential);
        await Fixture.CreateUserAsync("admin.fl@test.example", Roles.StateAdmin, "FL");
        await Fixture.CreateUserAsync("reviewer.fl@test.example", Roles.Reviewer, "FL");
        var admin = await Fixture.ApiClientAsync("admin.fl@test.example");
        var requirementsPath = $"/api/v1/programs/{florida.Programs[0].Id}/requirements";

        var current = JsonNode.Parse(await admin.GetStringAsync(requirementsPath))!["requirements"]!.AsObject();
        current["endorsements"] = new JsonArray(new JsonObject { ["code"] = "Y", ["name"] = "Youth", ["description"] = "With young adults.", ["minimumAge"] = 30, ["maximumAge"] = 18 });
        var refused = await admin.PutAsJsonAsync(requirementsPath, current);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("The oldest age cannot be below the youngest age.", await refused.Content.ReadAsStringAsync());

        current["endorsements"] = new JsonArray(new JsonObject { ["code"] = "Y", ["name"] = "Youth", ["description"] = "With young adults.", ["minimumAge"] = 18, ["maximumAge"] = 29 });
        (await admin.PutAsJsonAsync(requirementsPath, current)).EnsureSuccessStatusCode();

        var reviewer = await Fixture.ApiClientAsync("reviewer.fl@test.example");
        var unknown = await reviewer.PostAsJsonAsync($"/api/v1/credentials/{credential.Id}/endorsements", new { code = "V" });
        Assert.Equal(HttpStatusCode.Conflict, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        var granted = await reviewer.PostAsJsonAsync($"/api/v1/credentials/{credential.Id}/endorsements", new { code = "y", note = "Board minutes, item 4." });
        Assert.Equal(HttpStatusCode.Created, granted.StatusCode);

        var number = credential.Number.Value;
        var answer = await Fixture.Client().GetFromJsonAsync<JsonElement>($"/api/v1/verifications/{number}");
        var endorsement = Assert.Single(answer.GetProperty("endorsements").EnumerateArray());
        Assert.Equal(("Y", "Youth", "Active", TestClock.StartDay.ToString("yyyy-MM-dd")),
            (endorsement.GetProperty("code").GetString(), endorsement.GetProperty("name").GetString(), endorsement.GetProperty("status").GetString(), endorsement.GetProperty("since").GetString()));
        var page = await Fixture.Client().GetStringAsync($"/Verify/{number}");
        Assert.Contains("Youth (Y): active since", page);
        Assert.DoesNotContain("Board minutes", page);

        var noReason = await reviewer.PostAsJsonAsync($"/api/v1/credentials/{credential.Id}/endorsements/Y/withdrawal", new { reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var withdrawn = await reviewer.PostAsJsonAsync($"/api/v1/credentials/{credential.Id}/endorsements/Y/withdrawal", new { reason = "Granted in error." });
        Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);
        var after = await Fixture.Client().GetFromJsonAsync<JsonElement>($"/api/v1/verifications/{number}");
        Assert.Equal("Withdrawn", Assert.Single(after.GetProperty("endorsements").EnumerateArray()).GetProperty("status").GetString());
        Assert.DoesNotContain("Granted in error", after.GetRawText());

        // Staff of the state see the endorsement on the credential's record with why it was withdrawn.
        var record = await reviewer.GetFromJsonAsync<JsonElement>($"/api/v1/credentials/{credential.Id}");
        var onRecord = Assert.Single(record.GetProperty("endorsements").EnumerateArray());
        Assert.Equal(("Y", "Withdrawn", "Granted in error."),
            (onRecord.GetProperty("code").GetString(), onRecord.GetProperty("status").GetString(), onRecord.GetProperty("withdrawalReason").GetString()));
        Assert.Equal(["EndorsementGranted", "EndorsementWithdrawn"], record.GetProperty("history").EnumerateArray()
            .Where(e => e.GetProperty("endorsementCode").GetString() == "Y").Select(e => e.GetProperty("kind").GetString()));
    }
}
