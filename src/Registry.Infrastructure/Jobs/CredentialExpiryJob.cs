using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Registry.Application.Common.Messages.Templates;
using Registry.Domain.Jurisdictions;
using Registry.Domain.Notifications;
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
            await db.Database.ExecuteSqlRawAsync(sql.LockStatement(JobId), ct);

            int expired = 0, lapsed = 0;
            foreach (var program in programs)
            {
                var parameters = new Dictionary<string, object?>
                {
                    ["program"] = program.Id, ["today"] = RegistryDay.Today(clock, program.TimeZone), ["now"] = sql.Timestamp(now),
                    ["programName"] = program.Name,
                };
                var expiresOn = $"c.{sql.Q("ExpiresOn")}";
                var expiring = new Change(sql, "Expired", ["Active", "Probation"], 1,
                    Where: $"AND {expiresOn} < @today",
                    Template: CredentialExpiredMessage.Template,
                    Facts: [("ExpiresOn", sql.DateText(expiresOn)),
                        ("RenewUntil", program.GracePeriodDays > 0 ? sql.DateText(sql.AddDays(expiresOn, program.GracePeriodDays)) : "NULL")],
                    Action: "ExpireCredentials");
                expired += await ApplyAsync(sql, expiring, parameters, ct);

                var lapsing = new Change(sql, "Lapsed", ["Expired"], program.GracePeriodDays + 1,
                    Where: $"""
                        AND {sql.AddDays($"c.{sql.Q("ExpiresOn")}", program.GracePeriodDays)} < @today
                        AND NOT EXISTS (
                            SELECT 1 FROM {sql.Q("Applications")} a
                            WHERE a.{sql.Q("CredentialId")} = c.{sql.Q("Id")} AND a.{sql.Q("Type")} = 'Renewal'
                              AND a.{sql.Q("Status")} IN ('Submitted', 'UnderReview', 'InfoRequested'))
                        """,
                    Template: CredentialLapsedMessage.Template,
                    Facts: [],
                    Action: "LapseCredentials");
                lapsed += await ApplyAsync(sql, lapsing, parameters, ct);
            }
            await db.Database.CurrentTransaction!.CommitAsync(ct);
            return (expired, lapsed);
        }, cancellationToken);

        logger.LogInformation("Credential expiry for {Today}: {Expired} expired, {Lapsed} lapsed.", today, expiredCount, lapsedCount);
        return new ExpiryRun(today, expiredCount, lapsedCount);
    }

    /// <summary>
    /// One status change for every matching credential of a program: lock the rows (a version bump, so a
    /// concurrent edit fails as a conflict), write the history, the holder's message and the audit entry, then
    /// move the status. Every statement selects the same rows: they are locked, and the status moves last.
    /// </summary>
    private async Task<int> ApplyAsync(SqlDialect s, Change change, Dictionary<string, object?> parameters, CancellationToken cancellationToken)
    {
        var locked = await s.ExecuteAsync(db, $"""
            UPDATE {s.Q("Credentials")} SET {s.Q("Version")} = {s.Q("Version")} + 1
            WHERE {s.Q("Id")} IN (SELECT c.{s.Q("Id")} FROM {s.Q("Credentials")} c {change.Matching})
            """, parameters, cancellationToken);
        if (locked == 0) return 0;

        string C(string column) => $"c.{s.Q(column)}";
        var lastChange = $"(SELECT MAX(h.{s.Q("EffectiveOn")}) FROM {s.Q("CredentialHistory")} h WHERE h.{s.Q("CredentialId")} = {C("Id")})";
        var effectiveOn = s.Later(s.AddDays(C("ExpiresOn"), change.EffectiveDaysAfterExpiry), lastChange);
        await s.ExecuteAsync(db, $"""
            INSERT INTO {s.Q("CredentialHistory")} ({s.Q("Id")}, {s.Q("CredentialId")}, {s.Q("Sequence")}, {s.Q("Kind")}, {s.Q("FromStatus")}, {s.Q("ToStatus")}, {s.Q("EffectiveOn")}, {s.Q("ExpiresOnAfter")}, {s.Q("RecordedAt")})
            SELECT {s.NewId}, {C("Id")},
                   (SELECT MAX(h.{s.Q("Sequence")}) FROM {s.Q("CredentialHistory")} h WHERE h.{s.Q("CredentialId")} = {C("Id")}) + 1,
                   '{change.ToStatus}', {C("Status")}, '{change.ToStatus}', {effectiveOn}, {C("ExpiresOn")}, @now
            FROM {s.Q("Credentials")} c {change.Matching}
            """, parameters, cancellationToken);

        string P(string column) => $"p.{s.Q(column)}";
        var payload = s.JsonText(s.JsonObject([("Name", $"COALESCE({P("PreferredName")}, {P("LegalFirstName")})"), ("Program", "@programName"),
            ("Number", C("Number")), .. change.Facts]));
        await s.ExecuteAsync(db, $"""
            INSERT INTO {s.Q("Notifications")} ({s.Q("Id")}, {s.Q("RecipientEmail")}, {s.Q("PersonId")}, {s.Q("Template")}, {s.Q("Language")}, {s.Q("Payload")}, {s.Q("DeduplicationKey")}, {s.Q("CreatedAt")}, {s.Q("NextAttemptAt")}, {s.Q("Attempts")}, {s.Q("Priority")})
            SELECT {s.NewId}, {P("Email")}, {P("Id")}, {SqlDialect.Text(change.Template)}, {SqlDialect.Text(Notification.DefaultLanguage)},
                   {payload},
                   {s.Concat($"'credential-{change.ToStatus.ToLowerInvariant()}:'", s.GuidText(C("Id")), "':'", s.DateText(C("ExpiresOn")))},
                   @now, @now, 0, {(int)NotificationPriority.Bulk}
            FROM {s.Q("Credentials")} c JOIN {s.Q("People")} p ON {P("Id")} = {C("HolderPersonId")} {change.Matching}
            """, parameters, cancellationToken);

        var before = s.Concat(SqlDialect.Text("{\"Status\":\""), C("Status"), SqlDialect.Text("\"}"));
        var after = SqlDialect.Text($"{{\"Status\":\"{change.ToStatus}\"}}");
        await s.ExecuteAsync(db, $"""
            INSERT INTO {s.Q("AuditLog")} ({s.Q("Id")}, {s.Q("At")}, {s.Q("ActorName")}, {s.Q("Action")}, {s.Q("EntityType")}, {s.Q("EntityId")}, {s.Q("Before")}, {s.Q("After")}, {s.Q("StateCode")})
            SELECT {s.NewId}, @now, 'Expiry job', '{change.Action}', 'Credential', {s.GuidText(C("Id"))},
                   {before}, {after}, {C("StateCode")}
            FROM {s.Q("Credentials")} c {change.Matching}
            """, parameters, cancellationToken);

        return await s.ExecuteAsync(db, $"""
            UPDATE {s.Q("Credentials")} SET {s.Q("Status")} = '{change.ToStatus}'
            WHERE {s.Q("Id")} IN (SELECT c.{s.Q("Id")} FROM {s.Q("Credentials")} c {change.Matching})
            """, parameters, cancellationToken);
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
