using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Registry.Bench.Generation;
using Registry.Testing;

namespace Registry.Web.Tests.Quality;

/// <summary>
/// Query discipline: the main pages and API reads send the same number of SQL commands whether the
/// registry holds a few rows or many (no N+1), counted per request by <see cref="SqlCommandCounter"/>.
/// The data comes from the bench generator at two scales.
/// </summary>
public sealed class QueryCountTests(WebFixture fixture) : WebTest(fixture)
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    /// <summary>Loose enough for any honest page, far below what one query per row would need at the larger scale.</summary>
    private const int Ceiling = 35;

    [Fact]
    public async Task Main_pages_and_API_reads_send_as_many_commands_for_many_rows_as_for_few()
    {
        var few = await CountAllAsync(new Scale(Credentials: 15, States: 1, Seed: 7, Today));
        await Fixture.Factory.Database.ResetAsync();
        var many = await CountAllAsync(new Scale(Credentials: 300, States: 2, Seed: 7, Today));

        Assert.Equal(few.Keys.Order(), many.Keys.Order());
        var differing = few.Where(f => f.Value.Commands != many[f.Key].Commands)
            .Select(f => $"{f.Key}: {f.Value.Commands} commands with few rows, {many[f.Key].Commands} with many:\n  {string.Join("\n  ", many[f.Key].Sql)}");
        Assert.True(!differing.Any(), string.Join("\n", differing));
        Assert.All(many, m => Assert.True(m.Value.Commands <= Ceiling, $"{m.Key}: {m.Value.Commands} commands"));
    }

    private async Task<Dictionary<string, (int Commands, IReadOnlyList<string> Sql)>> CountAllAsync(Scale scale)
    {
        var connection = Fixture.Factory.Database.ConnectionString;
        await new DataGenerator(scale, connection).GenerateAsync();
        var state = UsStates.ByPopulation[0].Code;
        var programId = await ScalarAsync<Guid>(connection, $"""SELECT "Id" FROM "Programs" WHERE "StateCode" = '{state}' ORDER BY "Code" DESC LIMIT 1""");
        // The records with the most rows of their kind, so an N+1 would show.
        var application = await ScalarAsync<Guid>(connection, $"""
            SELECT a."Id" FROM "Applications" a JOIN "Programs" p ON p."Id" = a."ProgramId"
            WHERE p."StateCode" = '{state}' AND a."Status" = 'UnderReview'
            ORDER BY (SELECT count(*) FROM "TrainingRecords" t WHERE t."ApplicationId" = a."Id") DESC, a."Id" LIMIT 1
            """);
        var credential = await ScalarAsync<Guid>(connection, $"""
            SELECT c."Id" FROM "Credentials" c WHERE c."StateCode" = '{state}'
            ORDER BY (SELECT count(*) FROM "CredentialHistory" e WHERE e."CredentialId" = c."Id") DESC, c."Id" LIMIT 1
            """);
        var holder = await ScalarAsync<string>(connection, """
            SELECT u."Email" FROM "AspNetUsers" u JOIN "Credentials" c ON c."HolderPersonId" = u."PersonId" ORDER BY u."Id" LIMIT 1
            """);
        var (applicant, applicantsApplication) = (await ScalarAsync<string>(connection, """
            SELECT u."Email" FROM "AspNetUsers" u JOIN "Applications" a ON a."PersonId" = u."PersonId"
            WHERE a."Status" IN ('Submitted', 'UnderReview', 'InfoRequested') ORDER BY u."Id" LIMIT 1
            """), Guid.Empty);
        applicantsApplication = await ScalarAsync<Guid>(connection, $"""
            SELECT a."Id" FROM "Applications" a JOIN "AspNetUsers" u ON u."PersonId" = a."PersonId" WHERE u."Email" = '{applicant}'
            """);
        var reviewerEmail = $"reviewer.{state.ToLowerInvariant()}@registry.example";
        var adminEmail = $"admin.{state.ToLowerInvariant()}@registry.example";

        var anonymous = Fixture.Client();
        var reviewerApi = await ApiClientAsync(reviewerEmail);
        var adminApi = await ApiClientAsync(adminEmail);
        var holderApi = await ApiClientAsync(holder);
        var applicantApi = await ApiClientAsync(applicant);
        var reviewerPages = await PagesClientAsync(reviewerEmail);
        var adminPages = await PagesClientAsync(adminEmail);
        var holderPages = await PagesClientAsync(holder);
        var applicantPages = await PagesClientAsync(applicant);

        (string Name, HttpClient Client, string Url)[] reads =
        [
            ("API jurisdictions", anonymous, "/api/v1/jurisdictions"),
            ("API review queue", reviewerApi, $"/api/v1/review/{state}/queue"),
            ("API review queue summary", reviewerApi, $"/api/v1/review/{state}/queue/summary"),
            ("API discipline cases", reviewerApi, $"/api/v1/review/{state}/cases"),
            ("API credential search", reviewerApi, $"/api/v1/credentials?state={state}&search=a"),
            ("API audit actions", adminApi, $"/api/v1/audit/{state}/actions"),
            ("API application for review", reviewerApi, $"/api/v1/review/applications/{application}"),
            ("API credential record", reviewerApi, $"/api/v1/credentials/{credential}"),
            ("API exam attempts", reviewerApi, $"/api/v1/exams/{programId}/attempts"),
            ("API audit log", adminApi, $"/api/v1/audit/{state}"),
            ("API program requirements", adminApi, $"/api/v1/programs/{programId}/requirements"),
            ("API my record", holderApi, "/api/v1/me/record"),
            ("API my applications", applicantApi, "/api/v1/applications"),
            ("API my application", applicantApi, $"/api/v1/applications/{applicantsApplication}"),
            ("API application overview", applicantApi, $"/api/v1/applications/{applicantsApplication}/overview"),
            ("API application records", applicantApi, $"/api/v1/applications/{applicantsApplication}/records"),
            ("Page review queue", reviewerPages, "/Staff"),
            ("Page application review", reviewerPages, $"/Staff/Applications/{application}"),
            ("Page credential search", reviewerPages, "/Staff/Credentials?Search=a"),
            ("Page credential", reviewerPages, $"/Staff/Credentials/{credential}"),
            ("Page exam results", reviewerPages, $"/Staff/Exams?ProgramId={programId}"),
            ("Page audit log", adminPages, "/Staff/Audit"),
            ("Page programs", adminPages, "/Staff/Programs"),
            ("Page team", adminPages, "/Staff/Team"),
            ("Page my applications", applicantPages, "/Applications"),
            ("Page my credentials", holderPages, "/Credentials"),
            ("Page my record (JSON)", holderPages, "/MyRecord?handler=Json"),
        ];
        var counts = new Dictionary<string, (int, IReadOnlyList<string>)>();
        foreach (var (name, client, url) in reads)
        {
            var (response, commands, sql) = await Fixture.Factory.SqlCommands.CountGetAsync(client, url);
            Assert.True(response.IsSuccessStatusCode, $"{name} ({url}) answered {(int)response.StatusCode}");
            Assert.True(commands > 0 || name == "API jurisdictions", $"{name}: no commands were counted; is the counter wired?");
            counts[name] = (commands, sql);
        }
        return counts;
    }

    private async Task<HttpClient> ApiClientAsync(string email)
    {
        var client = Fixture.Client();
        var response = await Fixture.Client().PostAsJsonAsync("/api/v1/auth/token", new { email, password = DataGenerator.Password });
        Assert.True(response.IsSuccessStatusCode, $"{email}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<HttpClient> PagesClientAsync(string email)
    {
        var client = Fixture.Client();
        var signedIn = await WebFixture.SignInThroughFormAsync(client, email, DataGenerator.Password);
        Assert.True(signedIn.StatusCode == System.Net.HttpStatusCode.Redirect, $"{email} could not sign in: {(int)signedIn.StatusCode}");
        return client;
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync() is T value ? value : throw new InvalidOperationException($"Nothing found: {sql}");
    }
}
