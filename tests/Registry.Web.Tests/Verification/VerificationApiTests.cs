using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Registry.Domain.Credentials;

namespace Registry.Web.Tests.Verification;

public sealed class VerificationApiTests(WebFixture fixture) : WebTest(fixture)
{
    [Fact]
    public async Task Anyone_verifies_one_credential_by_number_and_an_unknown_number_is_404_problem_details()
    {
        var world = await VerificationWebScenario.SeedAsync(Fixture);
        var client = Fixture.Client();

        var found = await client.GetFromJsonAsync<JsonElement>($"/api/v1/verifications/{world.Credential.Number.Value.ToLowerInvariant()}");

        Assert.Equal(world.Credential.Number.Value, found.GetProperty("credentialNumber").GetString());
        Assert.Equal("Sentinel Zephyrine", found.GetProperty("holderName").GetString());
        Assert.Equal("Suspended", found.GetProperty("status").GetString());
        Assert.Equal("TN", found.GetProperty("state").GetString());
        var action = Assert.Single(found.GetProperty("publicActions").EnumerateArray());
        Assert.Equal(("Suspended", "Suspension"), (action.GetProperty("kind").GetString(), action.GetProperty("description").GetString()));
        Assert.True(found.GetProperty("lastUpdated").GetDateTimeOffset() > Now.AddDays(-4));

        var missing = await client.GetAsync("/api/v1/verifications/TN-CPRS-999999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        var malformed = await client.GetAsync("/api/v1/verifications/not-a-number");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("TN-CPRS-000123", await malformed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_search_by_last_name_prefix_and_state_pages_through_public_matches()
    {
        var world = await VerificationWebScenario.SeedAsync(Fixture);
        var client = Fixture.Client();

        var first = await client.GetFromJsonAsync<JsonElement>("/api/v1/verifications?lastName=zeph&state=tn&limit=1");
        var next = first.GetProperty("next").GetString();
        var second = await client.GetFromJsonAsync<JsonElement>($"/api/v1/verifications?lastName=zeph&state=tn&limit=1&cursor={next}");

        Assert.Equal(["Robin Zephyr", "Sentinel Zephyrine"], first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(i => i.GetProperty("holderName").GetString()));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);
        Assert.Equal(2, (await client.GetFromJsonAsync<JsonElement>("/api/v1/verifications?lastName=zeph&state=tn")).GetProperty("items").GetArrayLength());
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/v1/verifications?lastName=zephyrine&state=PA")).GetProperty("items").EnumerateArray());
        var invalid = await client.GetAsync("/api/v1/verifications?lastName=&state=XX1");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("lastName", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("state", out _));
    }

    [Fact]
    public async Task Bulk_verification_takes_an_employer_api_key_and_answers_once_per_number_in_order()
    {
        var world = await VerificationWebScenario.SeedAsync(Fixture);
        string[] numbers = [world.Second.Number.Value, "TN-CPRS-999999", "nonsense", world.Credential.Number.Value, world.Second.Number.Value];

        var response = await world.KeyClient(Fixture).PostAsJsonAsync("/api/v1/verifications/bulk", numbers);

        response.EnsureSuccessStatusCode();
        var results = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        Assert.Equal(5, results.Count);
        Assert.Equal([true, false, false, true, true], results.Select(r => r.GetProperty("found").GetBoolean()));
        Assert.Equal("Robin Zephyr", results[0].GetProperty("credential").GetProperty("holderName").GetString());
        Assert.Equal("No credential has this number.", results[1].GetProperty("reason").GetString());
        Assert.Contains("is not a credential number", results[2].GetProperty("reason").GetString());
        Assert.Equal(nameof(CredentialStatus.Suspended), results[3].GetProperty("credential").GetProperty("status").GetString());

        var tooMany = await world.KeyClient(Fixture).PostAsJsonAsync("/api/v1/verifications/bulk", Enumerable.Repeat(world.Second.Number.Value, 1001));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        var notAnArray = await world.KeyClient(Fixture).PostAsync("/api/v1/verifications/bulk", new StringContent("{\"a\":1}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notAnArray.StatusCode);
    }

    [Fact]
    public async Task A_missing_invalid_or_revoked_api_key_is_401_problem_details()
    {
        var world = await VerificationWebScenario.SeedAsync(Fixture);
        string[] body = [world.Credential.Number.Value];

        var missing = await Fixture.Client().PostAsJsonAsync("/api/v1/verifications/bulk", body);
        var invalid = await world.KeyClient(Fixture, "psr_" + new string('0', 64)).PostAsJsonAsync("/api/v1/verifications/bulk", body);
        var invalidOnLookup = await world.KeyClient(Fixture, "wrong").GetAsync($"/api/v1/verifications/{world.Credential.Number.Value}");
        var bearer = await Fixture.ApiClientAsync(world.EmployerEmail); // a signed-in employer user is not an API key
        var withToken = await bearer.PostAsJsonAsync("/api/v1/verifications/bulk", body);

        foreach (var response in new[] { missing, invalid, invalidOnLookup, withToken })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Contains("not valid", await invalid.Content.ReadAsStringAsync());

        var keys = await VerificationWebScenario.SendAsEmployerAsync(Fixture, world.Employer.Id, new Application.Features.Employers.ListApiKeys.Query());
        await VerificationWebScenario.SendAsEmployerAsync(Fixture, world.Employer.Id, new Application.Features.Employers.RevokeApiKey.Command(keys.Single().Id));
        var revoked = await world.KeyClient(Fixture).PostAsJsonAsync("/api/v1/verifications/bulk", body);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.Equal("application/problem+json", revoked.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Jurisdictions_and_verification_are_public_and_in_the_openapi_document()
    {
        await VerificationWebScenario.SeedAsync(Fixture);
        var states = await Fixture.Client().GetFromJsonAsync<JsonElement>("/api/v1/jurisdictions");
        var tennessee = Assert.Single(states.EnumerateArray());
        Assert.Equal(("TN", "CPRS"), (tennessee.GetProperty("code").GetString(), tennessee.GetProperty("programs")[0].GetProperty("code").GetString()));

        var document = await Fixture.Client().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/jurisdictions", "/api/v1/verifications/{credentialNumber}", "/api/v1/verifications", "/api/v1/verifications/bulk" })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in the OpenAPI document.");
        Assert.True(paths.GetProperty("/api/v1/verifications/bulk").GetProperty("post").GetProperty("responses").TryGetProperty("429", out _));
        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("apiKey", out _));
    }
}
