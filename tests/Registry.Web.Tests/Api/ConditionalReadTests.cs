using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Security;
using Registry.Testing;
using Registry.Web.Tests.Verification;

namespace Registry.Web.Tests.Api;

/// <summary>The public record revalidates with its ETag; private answers are never stored by a cache.</summary>
public sealed class ConditionalReadTests(WebFixture fixture) : WebTest(fixture)
{
    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, EntityTagHeaderValue? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (ifNoneMatch is not null) request.Headers.IfNoneMatch.Add(ifNoneMatch);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task The_public_record_answers_304_while_unchanged_and_a_new_tag_once_anything_in_it_changes()
    {
        var world = await VerificationWebScenario.SeedAsync(Fixture);
        var client = Fixture.Client();
        var path = $"/api/v1/verifications/{world.Credential.Number.Value}";

        var first = await GetAsync(client, path);
        var tag = first.Headers.ETag;
        var again = await GetAsync(client, path, tag);
        var anyOf = await GetAsync(client, path, new EntityTagHeaderValue("\"something-else\""));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(tag);
        Assert.False(tag.IsWeak);
        Assert.True(first.Headers.CacheControl?.NoCache);
        Assert.False(first.Headers.CacheControl?.NoStore);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(tag, again.Headers.ETag);
        Assert.True(again.Headers.CacheControl?.NoCache);
        Assert.Equal(HttpStatusCode.OK, anyOf.StatusCode);

        // The holder's new legal name changes the answer without a new event on the credential.
        await Fixture.QueryAsync(async db =>
        {
            var holder = await db.People.SingleAsync(p => p.Id == world.Holder.Id);
            holder.Rename("Sentinel", "Zephyrine-Okafor", null);
            return await db.SaveChangesAsync();
        });
        var renamed = await GetAsync(client, path, tag);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("Sentinel Zephyrine-Okafor", (await renamed.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("holderName").GetString());
        Assert.NotEqual(tag, renamed.Headers.ETag);

        // A decision on the credential moves its last update, and with it the tag.
        Fixture.Factory.Clock.Advance(TimeSpan.FromHours(1));
        await Fixture.CreateUserAsync("reviewer.tn@test.example", Roles.Reviewer, state: "TN");
        var reviewer = await Fixture.ApiClientAsync("reviewer.tn@test.example");
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"/api/v1/credentials/{world.Credential.Id}/reinstate", new { reason = "Served." })).StatusCode);
        var reinstated = await GetAsync(client, path, renamed.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, reinstated.StatusCode);
        Assert.NotEqual(renamed.Headers.ETag, reinstated.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(client, path, reinstated.Headers.ETag)).StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(client, path, EntityTagHeaderValue.Any)).StatusCode);
    }

    [Fact]
    public async Task A_revalidation_reads_the_record_alone_an_unknown_or_malformed_number_is_the_lookup_s_problem_and_neither_writes_to_the_audit_log()
    {
        var world = await VerificationWebScenario.SeedAsync(Fixture);
        var client = Fixture.Client();
        var path = $"/api/v1/verifications/{world.Credential.Number.Value}";
        var audited = await Fixture.QueryAsync(db => db.AuditEntries.CountAsync());

        var (found, lookupCommands, _, lookupOpenings) = await Fixture.Factory.SqlCommands.CountWithOpeningsAsync(client, new HttpRequestMessage(HttpMethod.Get, path));
        var tag = found.Headers.ETag;
        using var revalidation = new HttpRequestMessage(HttpMethod.Get, path);
        revalidation.Headers.IfNoneMatch.Add(tag!);
        var (unchanged, revalidationCommands, sql) = await Fixture.Factory.SqlCommands.CountAsync(client, revalidation);
        var unknown = await GetAsync(client, "/api/v1/verifications/TN-CPRS-999999", EntityTagHeaderValue.Any);
        var malformed = await GetAsync(client, "/api/v1/verifications/not-a-number", tag);

        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        // The record, then its history, on one opening of the connection; a revalidation needs the record's statement alone.
        Assert.Equal(2, lookupCommands);
        Assert.Equal(1, lookupOpenings);
        Assert.True(revalidationCommands == 1, string.Join("\n", sql));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Null(unknown.Headers.ETag);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("TN-CPRS-000123", await malformed.Content.ReadAsStringAsync());
        Assert.Equal(audited, await Fixture.QueryAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task Private_answers_and_failures_say_no_store()
    {
        var world = await VerificationWebScenario.SeedAsync(Fixture);
        await Fixture.CreateUserAsync("holder@test.example", Roles.Applicant, personId: world.Holder.Id);
        var anonymous = Fixture.Client();
        var holder = await Fixture.ApiClientAsync("holder@test.example");

        var answers = new Dictionary<string, HttpResponseMessage>
        {
            ["token"] = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { email = "holder@test.example", password = WebFixture.Password }),
            ["my record"] = await holder.GetAsync("/api/v1/me/record"),
            ["my applications"] = await holder.GetAsync("/api/v1/applications"),
            ["bulk with a key"] = await world.KeyClient(Fixture).PostAsJsonAsync("/api/v1/verifications/bulk", new[] { world.Credential.Number.Value }),
            ["no token"] = await anonymous.GetAsync("/api/v1/applications"),
            ["unknown number"] = await anonymous.GetAsync("/api/v1/verifications/TN-CPRS-999999"),
            ["no such address"] = await anonymous.GetAsync("/api/v1/no-such-thing"),
        };

        Assert.All(answers, a => Assert.True(a.Value.Headers.CacheControl?.NoStore == true, $"{a.Key}: {(int)a.Value.StatusCode} Cache-Control: {a.Value.Headers.CacheControl}"));
        Assert.All(answers, a => Assert.Null(a.Value.Headers.ETag));
        Assert.Equal(HttpStatusCode.OK, answers["my record"].StatusCode);
    }
}
