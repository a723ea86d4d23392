using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Registry.Testing;

namespace Registry.Web.Tests.Imports;

/// <summary>The register import through /api/v1/register-imports on the real host, checked and imported by the real job server.</summary>
public sealed class RegisterImportApiTests(WebFixture fixture) : WebTest(fixture)
{
    private const string Header = "Program,Credential number,Legal first name,Legal last name,Email,Status,Issued on,Expires on\n";

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file, string fileName)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return client.PostAsync("/api/v1/register-imports", new MultipartFormDataContent { { content, "file", fileName } });
    }

    private static async Task<JsonElement> JsonAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> WaitWhileAsync(HttpClient client, Uri location, string status)
    {
        var waiting = Stopwatch.StartNew();
        while (true)
        {
            var found = await JsonAsync(client, location.OriginalString);
            if (found.GetProperty("status").GetString() != status) return found;
            Assert.True(waiting.Elapsed < TimeSpan.FromSeconds(100), $"The register import is still {status}.");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task A_dry_run_reports_problems_first_and_a_clean_file_is_imported_once()
    {
        var state = TestData.State("RI", "Rhode Island", "RPRS");
        await Fixture.InsertAsync(state);
        await Fixture.CreateUserAsync("admin@ri.example", "StateAdmin", "RI");
        var client = await Fixture.ApiClientAsync("admin@ri.example");
        var good = "RPRS,21,Ana,Islander,ana.ri@example.org,Active,2024-03-01,2028-02-28\nRPRS,22,Bo,Islander,bo.ri@example.org,Active,2024-03-01,2028-02-28\n";

        var upload = await UploadAsync(client, Encoding.UTF8.GetBytes(Header + good + "RPRS,23,Cy,Islander,cy.ri@example.org,Retired,2024-03-01,2028-02-28\n"), "rhode-island.csv");

        Assert.True(upload.StatusCode == HttpStatusCode.Accepted, $"{(int)upload.StatusCode} {await upload.Content.ReadAsStringAsync()}");
        var accepted = await upload.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"/api/v1/register-imports/{accepted.GetProperty("id").GetGuid()}", upload.Headers.Location?.OriginalString);
        var checkedRun = await WaitWhileAsync(client, upload.Headers.Location!, "Checking");
        Assert.Equal(("Checked", 3, 1, false), (checkedRun.GetProperty("status").GetString(), checkedRun.GetProperty("rows").GetInt32(),
            checkedRun.GetProperty("problems").GetInt32(), checkedRun.GetProperty("canBeImported").GetBoolean()));

        // Problems first, a page at a time.
        var lines = checkedRun.GetProperty("linesUrl").GetString()!;
        var first = await JsonAsync(client, lines + "?limit=2");
        Assert.Equal([(4, "Problem"), (2, "NewPerson")], first.GetProperty("items").EnumerateArray().Select(l => (l.GetProperty("row").GetInt32(), l.GetProperty("outcome").GetString()!)));
        Assert.Contains("'Retired' is not a status the registry has", first.GetProperty("items")[0].GetProperty("message").GetString());
        var second = await JsonAsync(client, lines + "?limit=2&cursor=" + Uri.EscapeDataString(first.GetProperty("next").GetString()!));
        Assert.Equal([3], second.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("row").GetInt32()));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(lines + "?cursor=altered")).StatusCode);

        var report = await client.GetAsync(checkedRun.GetProperty("reportUrl").GetString());
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Equal("text/csv", report.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("Row,Outcome,Message\r\n4,Problem,", await report.Content.ReadAsStringAsync());

        // A dry run with problems may not be imported.
        var refused = await client.PostAsync(upload.Headers.Location + "/import", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);

        var clean = await UploadAsync(client, Encoding.UTF8.GetBytes(Header + good), "rhode-island-corrected.csv");
        Assert.Equal(HttpStatusCode.Accepted, clean.StatusCode);
        Assert.True((await WaitWhileAsync(client, clean.Headers.Location!, "Checking")).GetProperty("canBeImported").GetBoolean());
        var import = await client.PostAsync(clean.Headers.Location + "/import", null);
        Assert.True(import.StatusCode == HttpStatusCode.Accepted, $"{(int)import.StatusCode} {await import.Content.ReadAsStringAsync()}");
        Assert.Equal(clean.Headers.Location, import.Headers.Location);
        var imported = await WaitWhileAsync(client, import.Headers.Location!, "Importing");
        Assert.Equal(("Imported", 2), (imported.GetProperty("status").GetString(), imported.GetProperty("newCredentials").GetInt32()));
        Assert.Equal(2, await Fixture.QueryAsync(db => db.Credentials.CountAsync(c => c.StateCode == state.Code)));

        // Imported once: asking again is refused.
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync(clean.Headers.Location + "/import", null)).StatusCode);
    }

    [Fact]
    public async Task Another_states_administrator_finds_nothing_and_other_roles_are_refused()
    {
        var state = TestData.State("DE", "Delaware", "DPRS");
        await Fixture.InsertAsync(state);
        await Fixture.CreateUserAsync("admin@de.example", "StateAdmin", "DE");
        var client = await Fixture.ApiClientAsync("admin@de.example");
        var upload = await UploadAsync(client, Encoding.UTF8.GetBytes(Header + "DPRS,31,Di,Delawarean,di.de@example.org,Active,2024-03-01,2028-02-28\n"), "delaware.csv");
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        var location = upload.Headers.Location!.OriginalString;
        await WaitWhileAsync(client, upload.Headers.Location!, "Checking");

        await Fixture.CreateUserAsync("admin@md.example", "StateAdmin", "MD");
        var other = await Fixture.ApiClientAsync("admin@md.example");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(location)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(location + "/lines")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(location + "/report")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync(location + "/import", null)).StatusCode);

        await Fixture.CreateUserAsync("reviewer@de.example", "Reviewer", "DE");
        var reviewer = await Fixture.ApiClientAsync("reviewer@de.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync(location)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(reviewer, Encoding.UTF8.GetBytes(Header), "delaware.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PostAsync(location + "/import", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Fixture.Client().GetAsync(location)).StatusCode);
        Assert.False(await Fixture.QueryAsync(db => db.Credentials.AnyAsync(c => c.StateCode == state.Code)));
    }

    [Theory]
    [InlineData("many-cells", "more than 2,000,000 cells")]
    [InlineData("line-feeds", "more than 200,000 rows")]
    [InlineData("columns", "Legal first name")]
    public async Task A_bomb_a_file_past_the_limits_or_without_the_columns_is_400_naming_the_problem_and_nothing_is_kept(string kind, string expected)
    {
        await Fixture.CreateUserAsync($"admin-api-{kind}@ct.example", "StateAdmin", "CT");
        var client = await Fixture.ApiClientAsync($"admin-api-{kind}@ct.example");
        var before = await Fixture.QueryAsync(db => db.RegisterImports.CountAsync());
        var file = kind == "columns"
            ? Encoding.UTF8.GetBytes("Program,Credential number,Status\nCPRS,1,Active\n")
            : BoundedImportTests.Bomb(kind, Header.TrimEnd('\n'));

        var refused = await UploadAsync(client, file, kind == "columns" ? "register.csv" : "register.xlsx");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, await refused.Content.ReadAsStringAsync());
        Assert.Equal(before, await Fixture.QueryAsync(db => db.RegisterImports.CountAsync()));
    }
}
