using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Applications;
using Registry.Domain.Auditing;
using Registry.Domain.Credentials;
using Registry.Domain.Documents;
using Registry.Domain.Jurisdictions;
using Registry.Infrastructure.Exports.StateData;
using Registry.Infrastructure.Persistence;
using Registry.Testing;

namespace Registry.Web.Tests.Exports;

/// <summary>A state's data leaves whole: the zip read back, the job stopped midway and resumed, who may ask and download, and expiry.</summary>
public sealed class StateExportTests(WebFixture fixture) : WebTest(fixture)
{
    private static readonly byte[] Evidence = Encoding.UTF8.GetBytes("%PDF-1.4 the certificate's own bytes");

    [Fact]
    public async Task The_zip_holds_every_file_with_the_databases_rows_the_evidence_bytes_and_nothing_of_another_state()
    {
        var world = await SeedAsync();
        var admin = await Fixture.ApiClientAsync("admin.tn@test.example");

        var asked = await admin.PostAsync("/api/v1/exports/states/TN", null);
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        var id = (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/exports/state-exports/{id}", asked.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.GetAsync($"/api/v1/exports/state-exports/{id}/file")).StatusCode);

        await RunJobAsync(id);

        var status = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/exports/state-exports/{id}");
        Assert.Equal("ready", status.GetProperty("status").GetString());
        Assert.Equal(StateDataTables.Files.Count, status.GetProperty("filesWritten").GetInt32());
        var download = await admin.GetAsync(status.GetProperty("downloadUrl").GetString());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/zip", download.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await download.Content.ReadAsByteArrayAsync()));

        var names = zip.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Superset(StateDataTables.Files.Select(f => f.FileName).Append("README.md").Append("manifest.json").ToHashSet(), names);
        var readme = Read(zip, "README.md");
        var model = await Fixture.QueryAsync(db => Task.FromResult(db.Model));
        foreach (var table in StateDataTables.Files)
        {
            var columns = table.Columns(model);
            Assert.Contains($"### {table.FileName}", readme);
            Assert.All(columns, c => Assert.Contains($"| {c.Name} | {c.Type} |", readme));
            var lines = CsvLines(Read(zip, table.FileName));
            Assert.Equal(columns.Select(c => c.Name), lines[0]);
            if (table.FileName == "audit-log.csv") continue; // the job's own progress is audited while it writes
            var inDatabase = await Fixture.QueryAsync(db => table.CountAsync(db, StateCode.Parse("TN"), CancellationToken.None));
            Assert.True(inDatabase == lines.Count - 1, $"{table.FileName}: {lines.Count - 1} rows written, {inDatabase} in the database");
        }
        Assert.Equal(2, CsvLines(Read(zip, "people.csv")).Count - 1);
        Assert.NotEmpty(CsvLines(Read(zip, "audit-log.csv")).Skip(1));
        Assert.All(CsvLines(Read(zip, "audit-log.csv")).Skip(1), row => Assert.Equal("TN", row[Array.IndexOf(CsvLines(Read(zip, "audit-log.csv"))[0], "StateCode")]));

        // Private details are in (it is the state's own data), secrets are not, and formula-like text is written as text.
        var people = Read(zip, "people.csv");
        Assert.Contains("1980-04-02", people);
        Assert.Contains("'=Sly", people);
        var accounts = CsvLines(Read(zip, "accounts.csv"));
        Assert.DoesNotContain("PasswordHash", accounts[0]);
        Assert.DoesNotContain("SecurityStamp", accounts[0]);
        Assert.Contains(accounts, row => row.Contains("admin.tn@test.example"));
        Assert.DoesNotContain(accounts, row => row.Contains("admin.pa@test.example"));

        var evidence = zip.GetEntry(StateExportReadme.EvidencePath(world.DocumentId, "certificate.pdf"))!;
        using (var bytes = new MemoryStream())
        {
            await using (var stream = evidence.Open()) await stream.CopyToAsync(bytes);
            Assert.Equal(Evidence, bytes.ToArray());
        }
        foreach (var entry in zip.Entries.Where(e => !e.FullName.StartsWith("evidence/", StringComparison.Ordinal)))
        {
            var text = Read(zip, entry.FullName);
            Assert.DoesNotContain("Penn", text);
            Assert.DoesNotContain(world.OtherCredential.ToString(), text);
        }
        var manifest = JsonDocument.Parse(Read(zip, "manifest.json")).RootElement;
        Assert.Equal("TN", manifest.GetProperty("state").GetString());
        Assert.Equal(1, manifest.GetProperty("evidence").GetProperty("files").GetInt32());

        // Asking and downloading are in the audit log, with who and which state.
        var audit = await Fixture.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == "StateExport" && a.EntityId == id.ToString()).ToListAsync());
        Assert.Contains(audit, a => a.Action == "RequestStateExport" && a.Kind == AuditKind.Change && a.StateCode == "TN" && a.ActorUserId == world.AdminId);
        Assert.Contains(audit, a => a.Action == "DownloadStateExport" && a.Kind == AuditKind.Access && a.StateCode == "TN" && a.ActorUserId == world.AdminId);
    }

    [Fact]
    public async Task A_job_stopped_midway_resumes_with_the_parts_it_finished()
    {
        await SeedAsync();
        var id = await AskAsync();

        using var stop = new CancellationTokenSource();
        var firstRun = new List<string>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RunJobAsync(id, part =>
        {
            firstRun.Add(part);
            if (firstRun.Count == 3) stop.Cancel();
        }, stop.Token));

        var stopped = await Fixture.QueryAsync(db => db.StateExports.SingleAsync(e => e.Id == id));
        Assert.Equal(StateExportStatus.Running, stopped.Status);
        Assert.Equal(firstRun, stopped.FinishedPartRows.Keys);
        Assert.Equal(3, stopped.FilesWritten);

        var secondRun = new List<string>();
        await RunJobAsync(id, secondRun.Add);

        Assert.Empty(secondRun.Intersect(firstRun));
        Assert.Equal(StateDataTables.Files.Select(f => f.FileName), firstRun.Concat(secondRun));
        var done = await Fixture.QueryAsync(db => db.StateExports.SingleAsync(e => e.Id == id));
        Assert.Equal((StateExportStatus.Ready, 2), (done.Status, done.Attempts));
        var admin = await Fixture.ApiClientAsync("admin.tn@test.example");
        using var zip = new ZipArchive(await admin.GetStreamAsync($"/api/v1/exports/state-exports/{id}/file"));
        Assert.All(StateDataTables.Files, f => Assert.NotNull(zip.GetEntry(f.FileName)));
        Assert.Equal(2, CsvLines(Read(zip, "people.csv")).Count - 1);
    }

    [Fact]
    public async Task Only_the_states_admin_or_a_system_admin_may_ask_and_download()
    {
        await SeedAsync();
        await Fixture.CreateUserAsync("reviewer.tn@test.example", Roles.Reviewer, "TN");
        await Fixture.CreateUserAsync("system@test.example", Roles.SystemAdmin);
        var id = await AskAsync();
        await RunJobAsync(id);

        var otherAdmin = await Fixture.ApiClientAsync("admin.pa@test.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await otherAdmin.PostAsync("/api/v1/exports/states/TN", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherAdmin.GetAsync("/api/v1/exports/states/TN")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.GetAsync($"/api/v1/exports/state-exports/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.GetAsync($"/api/v1/exports/state-exports/{id}/file")).StatusCode);
        var reviewer = await Fixture.ApiClientAsync("reviewer.tn@test.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PostAsync("/api/v1/exports/states/TN", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync($"/api/v1/exports/state-exports/{id}/file")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Fixture.Client().GetAsync($"/api/v1/exports/state-exports/{id}/file")).StatusCode);
        var system = await Fixture.ApiClientAsync("system@test.example");
        Assert.Equal(HttpStatusCode.OK, (await system.GetAsync($"/api/v1/exports/state-exports/{id}/file")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await system.PostAsync("/api/v1/exports/states/ZZ", null)).StatusCode);
        Assert.Equal(1, await Fixture.QueryAsync(db => db.StateExports.CountAsync()));
    }

    [Fact]
    public async Task The_page_asks_for_an_export_and_links_the_ready_file()
    {
        await SeedAsync();
        var client = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(client, "admin.tn@test.example");
        var page = await client.GetStringAsync("/Staff/StateData");
        Assert.Contains("No exports yet", page);

        var asked = await client.PostAsync("/Staff/StateData", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebFixture.AntiforgeryToken(page), ["State"] = "PA",
        }));
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var export = await Fixture.QueryAsync(db => db.StateExports.SingleAsync());
        Assert.Equal("TN", export.StateCode.Value); // a StateAdmin's own state, whatever the form said
        Assert.Contains("Waiting to start", await client.GetStringAsync(asked.Headers.Location!.OriginalString));

        await RunJobAsync(export.Id);
        var ready = await client.GetStringAsync("/Staff/StateData");
        Assert.Contains($"/Staff/StateData?id={export.Id}&amp;handler=Download", ready);
        var file = await client.GetAsync($"/Staff/StateData?id={export.Id}&handler=Download");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/zip", file.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Exports_past_their_time_are_removed_with_their_files()
    {
        await SeedAsync();
        var id = await AskAsync();
        await RunJobAsync(id);
        var key = StateExportJob.KeyOf(id, StateExportJob.ZipName);

        Fixture.Factory.Clock.Advance(TimeSpan.FromDays(6));
        Assert.Equal(0, await RunAsync(job => job.RemoveExpiredAsync(CancellationToken.None)));
        Fixture.Factory.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, await RunAsync(job => job.RemoveExpiredAsync(CancellationToken.None)));

        Assert.False(await Fixture.QueryAsync(db => db.StateExports.AnyAsync()));
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        await Assert.ThrowsAnyAsync<IOException>(() => scope.ServiceProvider.GetRequiredService<IDocumentStore>().OpenReadAsync(key));
    }

    [Fact]
    public async Task Every_entity_set_of_the_model_is_exported_or_named_as_not_the_states_and_no_secret_column_leaves()
    {
        var model = await Fixture.QueryAsync(db => Task.FromResult(db.Model));
        var entitySets = model.GetEntityTypes().Where(t => !t.IsOwned()).Select(t => t.ClrType).ToHashSet();
        var exported = StateDataTables.Files.Select(f => f.EntityType).ToList();

        Assert.Equal(exported.Count, exported.Distinct().Count());
        Assert.Empty(exported.Intersect(StateDataTables.NotTheStates.Keys));
        Assert.Empty(entitySets.Except(exported).Except(StateDataTables.NotTheStates.Keys).Select(t => t.Name));
        Assert.All(StateDataTables.Withheld.Keys, w => Assert.NotNull(model.FindEntityType(w.Entity)!.FindProperty(w.Column)));
        Assert.All(StateDataTables.Files.SelectMany(f => f.Columns(model)),
            c => Assert.DoesNotMatch("(?i)password|hash|stamp|token|secret", c.Name));
    }

    private sealed record World(Guid AdminId, Guid DocumentId, Guid OtherCredential);

    private async Task<World> SeedAsync()
    {
        var tn = TestData.State("TN", "Tennessee", "CPRS", TestData.NoRequirements());
        var pa = TestData.State("PA", "Pennsylvania", "CPS", TestData.NoRequirements());
        var holder = TestData.Person("Robin", "Alvarez");
        holder.UpdateContact("+1 615 555 0100", new DateOnly(1980, 4, 2), null);
        var applicant = TestData.Person("=Sly", "Applicant");
        var elsewhere = TestData.Person("Pat", "Penn");
        var credential = Credential.Issue(tn.Programs[0], holder.Id, TestClock.StartDay.AddMonths(-2), Guid.NewGuid(), Now);
        var other = Credential.Issue(pa.Programs[0], elsewhere.Id, TestClock.StartDay, Guid.NewGuid(), Now);
        var application = CertificationApplication.Start(applicant.Id, tn.Programs[0].Id, ApplicationType.Initial, Guid.NewGuid(), Now);
        var key = $"state-export-tests/{Guid.NewGuid():N}";
        await using (var scope = Fixture.Factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IDocumentStore>().SaveAsync(key, new MemoryStream(Evidence));
        var document = new EvidenceDocument(holder.Id, "certificate.pdf", EvidenceFileType.Pdf, Evidence.Length, "test", key, Now);
        await Fixture.InsertAsync(tn, pa, holder, applicant, elsewhere, credential, other, application, document);
        var admin = await Fixture.CreateUserAsync("admin.tn@test.example", Roles.StateAdmin, "TN");
        await Fixture.CreateUserAsync("admin.pa@test.example", Roles.StateAdmin, "PA");
        return new World(admin.Id, document.Id, other.Id);
    }

    private async Task<Guid> AskAsync()
    {
        var admin = await Fixture.ApiClientAsync("admin.tn@test.example");
        var asked = await admin.PostAsync("/api/v1/exports/states/TN", null);
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        return (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private Task RunJobAsync(Guid id, Action<string>? partWritten = null, CancellationToken cancellationToken = default) =>
        RunAsync(async job =>
        {
            if (partWritten is not null) job.PartWritten += partWritten;
            await job.RunAsync(id, cancellationToken);
            return 0;
        });

    private async Task<T> RunAsync<T>(Func<StateExportJob, Task<T>> run)
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        return await run(scope.ServiceProvider.GetRequiredService<StateExportJob>());
    }

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The CSV's rows as cells (RFC 4180: quoted cells may hold commas, quotes and line breaks).</summary>
    private static List<string[]> CsvLines(string csv)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add([.. row]);
                row.Clear();
                i++;
            }
            else cell.Append(c);
        }
        return rows;
    }
}
