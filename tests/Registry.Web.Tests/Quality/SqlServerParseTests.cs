using System.Data;
using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Credentials;
using Registry.Domain.Jurisdictions;
using Registry.Infrastructure.Exports.Workforce;
using Registry.Infrastructure.Idempotency;
using Registry.Infrastructure.Jobs;
using Registry.Infrastructure.Mail;
using Registry.Infrastructure.Persistence;
using Registry.Infrastructure.Persistence.Providers;
using Registry.Testing;
using Xunit.Abstractions;

namespace Registry.Web.Tests.Quality;

/// <summary>
/// No SQL Server runs here, so Microsoft's own T-SQL parser reads what the registry would send one: every hand-written
/// statement (each <see cref="SqlStatement"/>, found by name in the source so none is forgotten), the bulk updates and
/// deletes EF Core writes, the outbox's batch query, and the idempotent migration script a deployment applies. The
/// statements go through the real gate (<see cref="SqlDialect.ExecuteAsync"/>) and EF Core's SQL Server provider on a
/// context that never connects: <see cref="Recorder"/> keeps each command's text and answers in the server's place.
/// With REGISTRY_TEST_SQLSERVER set, the same statements also run on a real server in the SQL Server test runs.
/// </summary>
public sealed partial class SqlServerParseTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Now = new TestClock().GetUtcNow();
    private static readonly DateOnly Today = new(2027, 6, 15);
    private static readonly StateCode[] States = [StateCode.Parse("TN"), StateCode.Parse("PA")];

    [Fact]
    public async Task Every_statement_the_registry_sends_SQL_Server_parses_as_T_SQL()
    {
        var statements = await RenderAsync();

        var errors = statements.SelectMany(s => Errors(s.Sql).Select(e => $"{s.Name}: {e}\n{s.Sql}")).ToList();
        foreach (var (name, text) in statements) output.WriteLine($"-- {name}\n{text}\n");
        output.WriteLine($"{statements.Count} statements parsed.");
        Assert.True(errors.Count == 0, "T-SQL parse errors:\n" + string.Join("\n\n", errors));
        Assert.True(statements.Count >= 30, $"Only {statements.Count} statements were rendered.");
    }

    [Fact]
    public async Task Every_hand_written_statement_in_the_source_is_rendered_here()
    {
        var rendered = (await RenderAsync()).Select(s => s.Name).ToHashSet();
        var declared = SourceFiles().SelectMany(f => StatementName().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).ToHashSet();
        var constructions = SourceFiles().Sum(f => StatementConstruction().Matches(File.ReadAllText(f)).Count);

        Assert.True(constructions == StatementNamesCount(), "Name each SqlStatement with a literal: new SqlStatement(\"Area: what\", …).");
        var missing = declared.Except(rendered).Order().ToList();
        Assert.True(missing.Count == 0, "Render these statements in SqlServerParseTests.RenderAsync: " + string.Join(", ", missing));
    }

    /// <summary>The bulk updates and deletes EF Core writes are rendered above, each by its call site; a new one must be added there.</summary>
    [Fact]
    public void Every_bulk_update_or_delete_in_the_source_is_rendered_here()
    {
        var sites = SourceFiles()
            .Select(f => (File: Path.GetFileName(f), Count: BulkOperation().Matches(File.ReadAllText(f)).Count))
            .Where(f => f.Count > 0)
            .ToDictionary(f => f.File, f => f.Count);
        Assert.Equal(new Dictionary<string, int> { ["CountyTextMatching.cs"] = 1, ["DatabaseDocumentStore.cs"] = 2, ["IdempotencyStore.cs"] = 3, ["OutboxDispatcher.cs"] = 1, ["RunRosterVerification.cs"] = 1 }, sites);
    }

    [Fact]
    public void The_idempotent_migration_script_parses_as_T_SQL()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [Credentials]", script);
        var errors = Errors(script);
        output.WriteLine($"The idempotent script: {script.Split('\n').Length} lines, {Batches(script)} batches.");
        Assert.True(errors.Count == 0, "T-SQL parse errors in the idempotent script:\n" + string.Join("\n", errors));
    }

    /// <summary>The parser is no rubber stamp: PostgreSQL's spelling of a statement fails it.</summary>
    [Fact]
    public void A_statement_in_another_dialect_fails_to_parse()
    {
        var postgres = RenewalReminderJob.Messages(SqlDialect.Postgres, Guid.NewGuid(), Now);
        Assert.NotEmpty(Errors(postgres.Text));
        Assert.Empty(Errors(RenewalReminderJob.Messages(SqlDialect.SqlServer, Guid.NewGuid(), Now).Text));
    }

    /// <summary>Every statement, rendered for SQL Server with representative arguments, as EF Core would send it.</summary>
    private static async Task<List<(string Name, string Sql)>> RenderAsync()
    {
        var recorder = new Recorder();
        await using var db = recorder.Context();
        var sql = SqlDialect.SqlServer;
        var program = Guid.NewGuid();

        List<SqlStatement> handWritten = [sql.Lock(CredentialExpiryJob.JobId)];
        foreach (var gracePeriodDays in new[] { 30, 0 })
        {
            var (expire, lapse) = CredentialExpiryJob.Changes(sql, program, "Certified Peer Specialist", gracePeriodDays, Today, Now);
            handWritten.AddRange([.. expire.All, .. lapse.All]);
        }
        var run = Guid.NewGuid();
        var ledger = WorkforceLedger.Scopes([Guid.NewGuid(), Guid.NewGuid()], [Guid.NewGuid()])[0];
        handWritten.AddRange([
            RenewalReminderJob.Reminders(sql, program, [90, 60, 30, 7], Today, run, Now),
            RenewalReminderJob.Reminders(sql, program, [], Today, run, Now),
            RenewalReminderJob.Messages(sql, run, Now),
            RenewalReminderJob.Audit(sql, run, Now, Today, reminders: 3, messages: 2),
            RetentionReminderJob.Messages(sql, program, Today, Now),
            RetentionReminderJob.Audit(sql, run, Now, Today, messages: 2),
            WorkforceSql.CredentialCounts(Today.AddMonths(-1), Today, States),
            RetentionSql.Counts(sql, Today, States),
            WorkforceSql.CredentialCountsFromHistories(Today.AddMonths(-1), Today, States),
            WorkforceLedger.Remove(sql, ledger.Credentials, ledger.Parameters),
            WorkforceLedger.Add(sql, ledger.Credentials, ledger.Parameters),
            WorkforceLedger.Rebuild(sql),
            WorkforceSql.OpenApplications(sql, Today, [.. States.Select(s => new StateTimeZone(s, "America/Chicago"))]),
            WorkforceSql.DecisionTimes(sql, Today.AddMonths(-1), Today, [new StateTimeZone(States[0], "America/Chicago"), new StateTimeZone(States[1], "America/New_York")]),
            WorkforceSql.StatusOnDates(States[0], [Today.AddDays(-2), Today.AddDays(-1), Today]),
            WorkforceDimensionsSql.EndorsementsInForce(Today, States),
            WorkforceDimensionsSql.EndorsementChanges(Today.AddMonths(-1), Today, States),
            WorkforceDimensionsSql.SurveyAnswersInForce(sql, Today, States),
            DirectPublicRecordReader.Record(sql, CredentialNumber.Create(States[0], "CPRS", 123)),
            DirectPublicRecordReader.History(sql, Guid.NewGuid()),
        ]);
        foreach (var statement in handWritten)
            if (statement.Text.TrimStart().StartsWith("WITH", StringComparison.Ordinal) || statement.Text.TrimStart().StartsWith("SELECT", StringComparison.Ordinal))
                await recorder.AsAsync(statement.Name, () => sql.QueryAsync<Row>(db, statement, CancellationToken.None));
            else
                await recorder.AsAsync(statement.Name, () => sql.ExecuteAsync(db, statement, CancellationToken.None));

        recorder.Add("Outbox: due messages", OutboxDispatcher.Due(db, Now, allowance: 30).ToQueryString());
        await recorder.AsAsync("Outbox: claim", () => OutboxDispatcher.ClaimAsync(db, Guid.NewGuid(), attemptsSeen: 2, CancellationToken.None));
        var idempotency = new IdempotencyStore(db, new TestClock());
        await recorder.AsAsync("Idempotency: claim", () => idempotency.ClaimAsync("api-key:1", "key-1", "hash", CancellationToken.None));
        await recorder.AsAsync("Idempotency: keep", () => idempotency.KeepAsync("api-key:1", "key-1", 201, "application/json", "/api/x", [1, 2, 3]));
        await recorder.AsAsync("Idempotency: release", () => idempotency.ReleaseAsync("api-key:1", "key-1"));
        // RunRosterVerification's retention delete, as written there.
        var now = Now;
        await recorder.AsAsync("Roster verification: retention", () => db.RosterVerifications.Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync());
        // CountyTextMatching's residence update, as written there.
        var (state, text, code) = ((Registry.Domain.Jurisdictions.StateCode?)Registry.Domain.Jurisdictions.StateCode.Parse("MO"), "St. Louis", Registry.Domain.Jurisdictions.CountyCode.Parse("29189"));
        await recorder.AsAsync("Counties: match residence text", () => db.Set<Registry.Domain.People.ResidenceChange>()
            .Where(r => r.StateCode == state && r.County == text && r.CountyCode == null)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.CountyCode, code)));
        // DatabaseDocumentStore's delete, as written there, on the shared-storage context.
        await using var shared = recorder.SharedStorage();
        var key = "2027/06/" + Guid.NewGuid();
        await recorder.AsAsync("Documents: delete chunks", () => shared.StoredDocumentChunks.Where(c => c.Key == key).ExecuteDeleteAsync());
        await recorder.AsAsync("Documents: delete document", () => shared.StoredDocuments.Where(d => d.Key == key).ExecuteDeleteAsync());
        return recorder.Statements;
    }

    private static int Batches(string script)
    {
        var parsed = (TSqlScript)new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(script), out _);
        return parsed.Batches.Count;
    }

    private static List<string> Errors(string sql)
    {
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        return errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}").ToList();
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(SolutionRoot(), "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "Migrations" + Path.DirectorySeparatorChar) && !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar));

    private static int StatementNamesCount() => SourceFiles().Sum(f => StatementName().Matches(File.ReadAllText(f)).Count);

    private static string SolutionRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Registry.sln"))) return folder.FullName;
        throw new InvalidOperationException($"No Registry.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"new SqlStatement\(\s*""([^""]+)""")]
    private static partial Regex StatementName();

    [GeneratedRegex(@"new SqlStatement\(")]
    private static partial Regex StatementConstruction();

    [GeneratedRegex(@"\.Execute(Update|Delete)(Async)?\(")]
    private static partial Regex BulkOperation();

    /// <summary>A row of any query: nothing is read, the recorder answers with no rows.</summary>
    private sealed class Row
    {
        public string? Value { get; init; }
    }

    /// <summary>
    /// Stands in for the server on a SQL Server context: the connection is never opened, and each command's text is
    /// kept under the name of the statement being rendered, answered with no rows (or none changed).
    /// </summary>
    private sealed class Recorder : DbCommandInterceptor, IDbConnectionInterceptor
    {
        private string _name = "";

        public List<(string Name, string Sql)> Statements { get; } = [];

        public SqlServerRegistryDbContext Context() => new(new DbContextOptionsBuilder<SqlServerRegistryDbContext>()
            .UseSqlServer("Server=sqlserver.invalid;Database=registry;TrustServerCertificate=true")
            .AddInterceptors(this).Options);

        public SharedStorageDbContext SharedStorage() => new(new DbContextOptionsBuilder<SharedStorageDbContext>()
            .UseSqlServer("Server=sqlserver.invalid;Database=registry;TrustServerCertificate=true")
            .AddInterceptors(this).Options);

        public void Add(string name, string sql) => Statements.Add((name, sql));

        /// <summary>Keeps what <paramref name="send"/> sends under <paramref name="name"/>.</summary>
        public async Task AsAsync(string name, Func<Task> send)
        {
            _name = name;
            var before = Statements.Count;
            await send();
            Assert.True(Statements.Count > before, $"{name} sent nothing.");
        }

        private void Keep(DbCommand command) => Statements.Add((_name, command.CommandText));

        public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(InterceptionResult.Suppress());

        public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) => InterceptionResult.Suppress();

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Keep(command);
            return ValueTask.FromResult(InterceptionResult<int>.SuppressWithResult(0));
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Keep(command);
            return ValueTask.FromResult(InterceptionResult<DbDataReader>.SuppressWithResult(new DataTable().CreateDataReader()));
        }
    }
}
