using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using Registry.Application.Common.Security;
using Registry.Domain.Applications;
using Registry.Testing;

namespace Registry.Web.Tests.Quality;

/// <summary>
/// Faults a state system must survive, on PostgreSQL: the database dropping every connection while
/// requests are in flight, and a vendor import failing near its end. Nothing is ever half-written.
/// Connections are dropped with pg_terminate_backend on a database of the test's own (cut connections can
/// leave job-storage locks behind that would hold up other hosts); the shared server never stops.
/// </summary>
[Collection(nameof(MachineWideTests))]
public sealed class FaultTests : IAsyncLifetime
{
    private const int Applicants = 24;

    private WebFixture Fixture { get; set; } = null!;

    public async Task InitializeAsync()
    {
        var database = await TestDatabase.FreshPostgresAsync("faults");
        Fixture = new WebFixture(new RegistryFactory(database, settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false", ["RateLimiting:SignIn:PermitLimit"] = "100000" }));
        await Fixture.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Fixture.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
    }

    [Fact]
    public async Task Requests_in_flight_when_the_database_drops_its_connections_succeed_or_fail_cleanly_and_leave_nothing_half_written()
    {
        var state = TestData.State("TN", "Tennessee", "CPRS", TestData.NoRequirements());
        await Fixture.InsertAsync(state);
        var programId = state.Programs[0].Id;
        var applicants = new List<HttpClient>();
        for (var i = 0; i < Applicants; i++)
        {
            var person = TestData.Person();
            await Fixture.InsertAsync(person);
            await Fixture.CreateUserAsync($"applicant{i}@test.example", Roles.Applicant, personId: person.Id);
            applicants.Add(await Fixture.ApiClientAsync($"applicant{i}@test.example"));
        }

        // Each applicant starts and submits an application while, alongside, every connection to the database is cut, three times.
        var cuts = Task.Run(async () =>
        {
            for (var i = 0; i < 3; i++)
            {
                await Task.Delay(40 + 60 * i);
                await TerminateConnectionsAsync();
            }
        });
        var outcomes = await Task.WhenAll(applicants.Select(async client =>
        {
            var started = await client.PostAsJsonAsync("/api/v1/applications", new { programId });
            await AssertCleanAsync(started);
            if (!started.IsSuccessStatusCode) return (Started: false, Submitted: false);
            var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applicationId").GetGuid();
            Fixture.Factory.Clock.Advance(TimeSpan.FromSeconds(1)); // so the submission's history entry comes after the draft's
            var submitted = await client.PostAsync($"/api/v1/applications/{id}/submit", null);
            await AssertCleanAsync(submitted);
            return (Started: true, Submitted: submitted.IsSuccessStatusCode);
        }));
        await cuts;

        // Every application is whole: its status is its history's last entry, and each change was audited.
        // Read on a connection of its own: an idle pooled one may be one the cuts killed.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Fixture.Factory.Database.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        Assert.Equal(0L, await ScalarAsync(connection, """
            SELECT count(*) FROM "Applications" a
            WHERE a."Status" <> (SELECT h."To" FROM "ApplicationHistory" h WHERE h."ApplicationId" = a."Id" ORDER BY h."At" DESC LIMIT 1)
               OR (a."Status" = 'Draft') <> ((SELECT count(*) FROM "ApplicationHistory" h WHERE h."ApplicationId" = a."Id") = 1)
               OR NOT EXISTS (SELECT FROM "AuditLog" l WHERE l."EntityType" = 'CertificationApplication' AND l."EntityId" = a."Id"::text)
            """));
        Assert.Equal(outcomes.Count(o => o.Started), await ScalarAsync(connection, """SELECT count(*) FROM "Applications" """));

        // The host recovered without a restart: everyone can finish what failed.
        foreach (var client in applicants)
        {
            var mine = await client.GetFromJsonAsync<JsonElement>("/api/v1/applications");
            var id = mine.GetArrayLength() > 0
                ? mine[0].GetProperty("id").GetGuid()
                : (await (await client.PostAsJsonAsync("/api/v1/applications", new { programId })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applicationId").GetGuid();
            var status = mine.GetArrayLength() > 0 ? mine[0].GetProperty("status").GetString() : "Draft";
            if (status == "Draft") Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/applications/{id}/submit", null)).StatusCode);
        }
        Assert.Equal((long)Applicants, await ScalarAsync(connection, """SELECT count(*) FROM "Applications" WHERE "Status" = 'Submitted'"""));
    }

    [Fact]
    public async Task A_vendor_import_that_fails_on_row_9000_of_10000_writes_nothing_and_the_next_import_works()
    {
        var state = TestData.State("TN", "Tennessee", "CPRS", TestData.Requirements());
        await Fixture.InsertAsync(state);
        var programId = state.Programs[0].Id;
        await Fixture.CreateUserAsync("reviewer@tn.example", Roles.Reviewer, state: "TN");
        var reviewer = await Fixture.ApiClientAsync("reviewer@tn.example");
        await using var connection = new NpgsqlConnection(Fixture.Factory.Database.ConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, $"""
            INSERT INTO "People" ("Id", "LegalFirstName", "LegalLastName", "Email", "ResidenceChangeCount")
            SELECT gen_random_uuid(), 'Candidate', 'Number ' || n, 'candidate' || n || '@example.org', 0 FROM generate_series(1, 10000) n;
            INSERT INTO "Applications" ("Id", "PersonId", "ProgramId", "Type", "Status", "CreatedAt", "SubmittedAt", "RequirementsVersion", "Version", "SelectedForCeAudit")
            SELECT gen_random_uuid(), p."Id", '{programId}', 'Initial', 'UnderReview', now(), now(), 1, 0, false FROM "People" p;
            """);
        var takenOn = TestClock.StartDay.AddDays(-10);
        string File(Func<int, int> score) => "Email,Exam date,Score\n" + string.Concat(Enumerable.Range(1, 10000).Select(n => $"candidate{n}@example.org,{takenOn:yyyy-MM-dd},{score(n)}\n"));
        var auditBefore = await ScalarAsync(connection, """SELECT count(*) FROM "AuditLog" """);

        // A bad row 9,000: refused before anything is written, with the row named.
        var refused = await ImportAsync(reviewer, programId, File(n => n == 9000 ? 5000 : 80));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("9001", await refused.Content.ReadAsStringAsync()); // the header is row 1
        Assert.Equal(0L, await ScalarAsync(connection, """SELECT count(*) FROM "ExamAttempts" """));

        // The database itself refusing row 9,000 in the middle of the write: the whole import rolls back.
        await ExecuteAsync(connection, """
            CREATE FUNCTION refuse_candidate_9000() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF EXISTS (SELECT FROM "People" p WHERE p."Id" = NEW."PersonId" AND p."Email" = 'candidate9000@example.org') THEN
                RAISE EXCEPTION 'injected fault on row 9000';
              END IF;
              RETURN NEW;
            END $$;
            CREATE TRIGGER refuse_candidate_9000 BEFORE INSERT ON "ExamAttempts" FOR EACH ROW EXECUTE FUNCTION refuse_candidate_9000();
            """);
        try
        {
            var failed = await ImportAsync(reviewer, programId, File(_ => 80));
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
            Assert.Equal("application/problem+json", failed.Content.Headers.ContentType?.MediaType);
            Assert.Equal(0L, await ScalarAsync(connection, """SELECT count(*) FROM "ExamAttempts" """));
            Assert.Equal(auditBefore, await ScalarAsync(connection, """SELECT count(*) FROM "AuditLog" """));
        }
        finally
        {
            await ExecuteAsync(connection, """DROP TRIGGER refuse_candidate_9000 ON "ExamAttempts"; DROP FUNCTION refuse_candidate_9000();""");
        }

        var imported = await ImportAsync(reviewer, programId, File(_ => 80));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(10000L, await ScalarAsync(connection, """SELECT count(*) FROM "ExamAttempts" """));
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, Guid programId, string csv)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return await client.PostAsync($"/api/v1/exams/{programId}/imports", new MultipartFormDataContent { { file, "file", "results.csv" } });
    }

    /// <summary>A success, or a failure told as problem details; never a hang or an HTML error page.</summary>
    private static async Task AssertCleanAsync(HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode) return;
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((int)response.StatusCode is >= 500 or 409, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private async Task TerminateConnectionsAsync()
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Fixture.Factory.Database.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND usename = current_user");
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
