using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Registry.Application.Common.Messages.Templates;
using Registry.Domain.Jurisdictions;
using Registry.Domain.Notifications;
using Registry.Infrastructure.Exports.Workforce;
using Registry.Infrastructure.Persistence;
using Registry.Infrastructure.Persistence.Providers;

namespace Registry.Infrastructure.Jobs;

/// <summary>What one run of the expiry job did.</summary>
public sealed record ExpiryRun(DateOnly Today, int Expired, int Lapsed);

/// <summary>
/// Daily: Active (or on probation) → Expired once the expiry date has passed; Expired → Lapsed once the
/// program's grace period has passed too, unless the holder submitted a renewal in time (it is being decided).
/// Each change is a history entry (effective the day after the expiry or the grace period, or on the last
/// change's date if that came later, as <see cref="Domain.Credentials.Credential.Expire"/> does), a message to
/// the holder and an audit entry. Set-based: a handful of statements per program, whatever the number of
/// credentials. A run repeated or retried finds nothing left to do; a late run catches up in one go. Each
/// program's "today" is its state's (<see cref="RegistryDay"/>): a credential expires at the end of its expiry
/// day in its state's time zone; the run's own date is the nationwide day.
/// </summary>
[AutomaticRetry(Attempts = 8, DelaysInSeconds = [5, 30, 120, 600, 1800, 3600, 7200, 14400])]
public sealed class CredentialExpiryJob(RegistryDbContext db, TimeProvider clock, ILogger<CredentialExpiryJob> logger)
{
    public const string JobId = "credential-expiry";

    public async Task<ExpiryRun> RunAsync(CancellationToken cancellationToken = default)
    {
        var sql = db.Dialect;
        var today = RegistryDay.TodayNationwide(clock);
        var now = clock.GetUtcNow();
        var programs = await db.Programs.AsNoTracking().OrderBy(p => p.StateCode).ThenBy(p => p.Code)
            .Join(db.Jurisdictions, p => p.StateCode, j => j.Code, (p, j) => new { p.Id, p.Name, GracePeriodDays = p.Requirements.GracePeriodDays, j.TimeZone })
            .ToListAsync(cancellationToken);

        // Inside the execution strategy: a dropped connection reruns the whole run, which is idempotent.
        var (expiredCount, lapsedCount) = await db.InTransactionAsync(async ct =>
        {
            await sql.ExecuteAsync(db, sql.Lock(JobId), ct);

            int expired = 0, lapsed = 0;
            foreach (var program in programs)
            {
                var changes = Changes(sql, program.Id, program.Name, program.GracePeriodDays, RegistryDay.Today(clock, program.TimeZone), now);
                expired += await ApplyAsync(sql, changes.Expire, ct);
                lapsed += await ApplyAsync(sql, changes.Lapse, ct);
            }
            await db.Database.CurrentTransaction!.CommitAsync(ct);
            return (expired, lapsed);
        }, cancellationToken);

        logger.LogInformation("Credential expiry for {Today}: {Expired} expired, {Lapsed} lapsed.", today, expiredCount, lapsedCount);
        return new ExpiryRun(today, expiredCount, lapsedCount);
    }

    /// <summary>Runs one change's statements, in order; returns how many credentials it moved.</summary>
    private async Task<int> ApplyAsync(SqlDialect sql, ChangeStatements change, CancellationToken cancellationToken)
    {
        if (await sql.ExecuteAsync(db, change.LockRows, cancellationToken) == 0) return 0;
        await sql.ExecuteAsync(db, change.LedgerOut, cancellationToken);
        await sql.ExecuteAsync(db, change.History, cancellationToken);
        await sql.ExecuteAsync(db, change.LedgerIn, cancellationToken);
        await sql.ExecuteAsync(db, change.Messages, cancellationToken);
        await sql.ExecuteAsync(db, change.Audit, cancellationToken);
        return await sql.ExecuteAsync(db, change.Move, cancellationToken);
    }

    /// <summary>A program's two changes: Active (or on probation) → Expired, then Expired → Lapsed.</summary>
    internal static (ChangeStatements Expire, ChangeStatements Lapse) Changes(SqlDialect sql, Guid program, string programName, int gracePeriodDays,
        DateOnly today, DateTimeOffset now)
    {
        var parameters = new Dictionary<string, object?>
        {
            ["program"] = program, ["today"] = today, ["now"] = sql.Timestamp(now), ["programName"] = programName,
        };
        var expiresOn = $"c.{sql.Q("ExpiresOn")}";
        var expiring = new Change(sql, "Expired", ["Active", "Probation"], 1,
            Where: $"AND {expiresOn} < @today",
            Template: CredentialExpiredMessage.Template,
            Facts: [("ExpiresOn", sql.DateText(expiresOn)),
                ("RenewUntil", gracePeriodDays > 0 ? sql.DateText(sql.AddDays(expiresOn, gracePeriodDays)) : "NULL")],
            Action: "ExpireCredentials");
        var lapsing = new Change(sql, "Lapsed", ["Expired"], gracePeriodDays + 1,
            Where: $"""
                AND {sql.AddDays(expiresOn, gracePeriodDays)} < @today
                AND NOT EXISTS (
                    SELECT 1 FROM {sql.Q("Applications")} a
                    WHERE a.{sql.Q("CredentialId")} = c.{sql.Q("Id")} AND a.{sql.Q("Type")} = 'Renewal'
                      AND a.{sql.Q("Status")} IN ('Submitted', 'UnderReview', 'InfoRequested'))
                """,
            Template: CredentialLapsedMessage.Template,
            Facts: [],
            Action: "LapseCredentials");
        return (Statements(sql, expiring, parameters), Statements(sql, lapsing, parameters));
    }

    /// <summary>
    /// One status change for every matching credential of a program: lock the rows (a version bump, so a
    /// concurrent edit fails as a conflict), write the history, the holder's message and the audit entry, then
    /// move the status. Every statement selects the same rows: they are locked, and the status moves last. The
    /// workforce ledger takes the credentials out before the history row and puts them back after it.
    /// </summary>
    private static ChangeStatements Statements(SqlDialect s, Change change, IReadOnlyDictionary<string, object?> parameters)
    {
        var lockRows = new SqlStatement("Credential expiry: lock rows", $"""
            UPDATE {s.Q("Credentials")} SET {s.Q("Version")} = {s.Q("Version")} + 1
            WHERE {s.Q("Id")} IN (SELECT c.{s.Q("Id")} FROM {s.Q("Credentials")} c {change.Matching})
            """, parameters);

        string C(string column) => $"c.{s.Q(column)}";
        var lastChange = $"(SELECT MAX(h.{s.Q("EffectiveOn")}) FROM {s.Q("CredentialHistory")} h WHERE h.{s.Q("CredentialId")} = {C("Id")})";
        var effectiveOn = s.Later(s.AddDays(C("ExpiresOn"), change.EffectiveDaysAfterExpiry), lastChange);
        var history = new SqlStatement("Credential expiry: history", $"""
            INSERT INTO {s.Q("CredentialHistory")} ({s.Q("Id")}, {s.Q("CredentialId")}, {s.Q("Sequence")}, {s.Q("Kind")}, {s.Q("FromStatus")}, {s.Q("ToStatus")}, {s.Q("EffectiveOn")}, {s.Q("ExpiresOnAfter")}, {s.Q("RecordedAt")})
            SELECT {s.NewId}, {C("Id")},
                   (SELECT MAX(h.{s.Q("Sequence")}) FROM {s.Q("CredentialHistory")} h WHERE h.{s.Q("CredentialId")} = {C("Id")}) + 1,
                   '{change.ToStatus}', {C("Status")}, '{change.ToStatus}', {effectiveOn}, {C("ExpiresOn")}, @now
            FROM {s.Q("Credentials")} c {change.Matching}
            """, parameters);

        var matched = $"c.{s.Q("Id")} IN (SELECT c.{s.Q("Id")} FROM {s.Q("Credentials")} c {change.Matching})";
        var ledgerOut = WorkforceLedger.Remove(s, matched, parameters);
        var ledgerIn = WorkforceLedger.Add(s, matched, parameters);

        string P(string column) => $"p.{s.Q(column)}";
        var payload = s.JsonText(s.JsonObject([("Name", $"COALESCE({P("PreferredName")}, {P("LegalFirstName")})"), ("Program", "@programName"),
            ("Number", C("Number")), .. change.Facts]));
        var messages = new SqlStatement("Credential expiry: messages", $"""
            INSERT INTO {s.Q("Notifications")} ({s.Q("Id")}, {s.Q("RecipientEmail")}, {s.Q("PersonId")}, {s.Q("Template")}, {s.Q("Language")}, {s.Q("Payload")}, {s.Q("DeduplicationKey")}, {s.Q("CreatedAt")}, {s.Q("NextAttemptAt")}, {s.Q("Attempts")}, {s.Q("Priority")})
            SELECT {s.NewId}, {P("Email")}, {P("Id")}, {SqlDialect.Text(change.Template)}, {SqlDialect.Text(Notification.DefaultLanguage)},
                   {payload},
                   {s.Concat($"'credential-{change.ToStatus.ToLowerInvariant()}:'", s.GuidText(C("Id")), "':'", s.DateText(C("ExpiresOn")))},
                   @now, @now, 0, {(int)NotificationPriority.Bulk}
            FROM {s.Q("Credentials")} c JOIN {s.Q("People")} p ON {P("Id")} = {C("HolderPersonId")} {change.Matching}
            """, parameters);

        var before = s.Concat(SqlDialect.Text("{\"Status\":\""), C("Status"), SqlDialect.Text("\"}"));
        var after = SqlDialect.Text($"{{\"Status\":\"{change.ToStatus}\"}}");
        var audit = new SqlStatement("Credential expiry: audit", $"""
            INSERT INTO {s.Q("AuditLog")} ({s.Q("Id")}, {s.Q("At")}, {s.Q("ActorName")}, {s.Q("Action")}, {s.Q("EntityType")}, {s.Q("EntityId")}, {s.Q("Before")}, {s.Q("After")}, {s.Q("StateCode")})
            SELECT {s.NewId}, @now, 'Expiry job', '{change.Action}', 'Credential', {s.GuidText(C("Id"))},
                   {before}, {after}, {C("StateCode")}
            FROM {s.Q("Credentials")} c {change.Matching}
            """, parameters);

        var move = new SqlStatement("Credential expiry: move status", $"""
            UPDATE {s.Q("Credentials")} SET {s.Q("Status")} = '{change.ToStatus}'
            WHERE {s.Q("Id")} IN (SELECT c.{s.Q("Id")} FROM {s.Q("Credentials")} c {change.Matching})
            """, parameters);
        return new ChangeStatements(lockRows, ledgerOut, history, ledgerIn, messages, audit, move);
    }

    /// <summary>The statements of one change, in the order they run.</summary>
    internal sealed record ChangeStatements(SqlStatement LockRows, SqlStatement LedgerOut, SqlStatement History, SqlStatement LedgerIn,
        SqlStatement Messages, SqlStatement Audit, SqlStatement Move)
    {
        public IEnumerable<SqlStatement> All => [LockRows, LedgerOut, History, LedgerIn, Messages, Audit, Move];
    }

    /// <summary>
    /// A status change the job makes: which credentials of the program (<c>c</c>) it applies to, and the message's
    /// template with the facts it needs beyond the holder's name, the program and the number.
    /// </summary>
    private sealed record Change(SqlDialect Sql, string ToStatus, string[] FromStatuses, int EffectiveDaysAfterExpiry, string Where, string Template,
        (string Name, string Value)[] Facts, string Action)
    {
        public string Matching =>
            $"WHERE c.{Sql.Q("ProgramId")} = @program AND c.{Sql.Q("Status")} IN ({string.Join(", ", FromStatuses.Select(SqlDialect.Text))}) {Where}";
    }
}
