using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Registry.Application.Common.Messages.Templates;
using Registry.Domain.Jurisdictions;
using Registry.Domain.Notifications;
using Registry.Infrastructure.Persistence;
using Registry.Infrastructure.Persistence.Providers;

namespace Registry.Infrastructure.Jobs;

/// <summary>What one run of the reminder job did.</summary>
public sealed record ReminderRun(Guid RunId, DateOnly Today, int Reminders, int Messages);

/// <summary>
/// Reminds holders to renew, daily: at each of the program's reminder days before expiry and on the day of
/// expiry, until a renewal is submitted. A credential gets the reminder of the stage it has reached, once:
/// the <c>RenewalReminders</c> table holds one row per credential, cycle and stage (unique in the database),
/// and a run writes only rows no earlier or more urgent reminder of the same cycle covers. So a run repeated,
/// retried or late (down for three days) sends no reminder twice, and catches up with one reminder, not three.
/// Runs take a database lock, so two servers running it at once do it one after the other.
/// A holder with several credentials due gets one message listing them. Everything is set-based: the number
/// of statements depends on the number of programs, never on the number of credentials. Each program counts days
/// in its state's time zone (<see cref="RegistryDay"/>); the run's own date is the nationwide day.
/// </summary>
[AutomaticRetry(Attempts = 8, DelaysInSeconds = [5, 30, 120, 600, 1800, 3600, 7200, 14400])]
public sealed class RenewalReminderJob(RegistryDbContext db, TimeProvider clock, ILogger<RenewalReminderJob> logger)
{
    public const string JobId = "renewal-reminders";

    public async Task<ReminderRun> RunAsync(CancellationToken cancellationToken = default)
    {
        var sql = db.Dialect;
        var today = RegistryDay.TodayNationwide(clock);
        var now = clock.GetUtcNow();
        var runId = Guid.CreateVersion7();
        var programs = await db.Programs.AsNoTracking().OrderBy(p => p.StateCode).ThenBy(p => p.Code)
            .Join(db.Jurisdictions, p => p.StateCode, j => j.Code, (p, j) => new { p.Id, ReminderDays = p.Requirements.ReminderDays, j.TimeZone })
            .ToListAsync(cancellationToken);

        // Inside the execution strategy: a dropped connection reruns the whole run, which is idempotent.
        var (reminderCount, messageCount) = await db.InTransactionAsync(async ct =>
        {
            await sql.ExecuteAsync(db, sql.Lock(JobId), ct);

            var reminders = 0;
            foreach (var program in programs)
                reminders += await sql.ExecuteAsync(db, Reminders(sql, program.Id, program.ReminderDays, RegistryDay.Today(clock, program.TimeZone), runId, now), ct);
            var messages = reminders == 0 ? 0 : await sql.ExecuteAsync(db, Messages(sql, runId, now), ct);
            await sql.ExecuteAsync(db, Audit(sql, runId, now, today, reminders, messages), ct);
            await db.Database.CurrentTransaction!.CommitAsync(ct);
            return (reminders, messages);
        }, cancellationToken);

        logger.LogInformation("Renewal reminders for {Today}: {Reminders} reminders in {Messages} messages.", today, reminderCount, messageCount);
        return new ReminderRun(runId, today, reminderCount, messageCount);
    }

    /// <summary>
    /// One statement per program: each active credential expiring within the furthest reminder gets the stage it
    /// has reached (the smallest reminder day not yet before today), unless a reminder of that stage or a more
    /// urgent one was already written for this cycle, or a renewal for it has been submitted.
    /// </summary>
    internal static SqlStatement Reminders(SqlDialect s, Guid program, IEnumerable<int> reminderDays, DateOnly today, Guid run, DateTimeOffset now)
    {
        var stages = reminderDays.Where(d => d > 0).Distinct().OrderByDescending(d => d).Append(0).ToList();
        string C(string column) => $"c.{s.Q(column)}";
        var stage = "CASE " + string.Join(" ", stages.AsEnumerable().Reverse().Select(d => $"WHEN {C("ExpiresOn")} <= {s.AddDays("@today", d)} THEN {d}")) + " END";
        return new SqlStatement("Renewal reminders: reminders", $"""
            INSERT INTO {s.Q("RenewalReminders")} ({s.Q("Id")}, {s.Q("CredentialId")}, {s.Q("PersonId")}, {s.Q("CycleExpiresOn")}, {s.Q("DaysBefore")}, {s.Q("RunId")}, {s.Q("CreatedAt")})
            SELECT {s.NewId}, due.{s.Q("Id")}, due.{s.Q("HolderPersonId")}, due.{s.Q("ExpiresOn")}, due.{s.Q("Stage")}, @run, @now
            FROM (
                SELECT {C("Id")}, {C("HolderPersonId")}, {C("ExpiresOn")}, {stage} AS {s.Q("Stage")}
                FROM {s.Q("Credentials")} c
                WHERE {C("ProgramId")} = @program
                  AND {C("Status")} IN ('Active', 'Probation')
                  AND {C("ExpiresOn")} >= @today AND {C("ExpiresOn")} <= @furthest
                  AND NOT EXISTS (
                      SELECT 1 FROM {s.Q("Applications")} a
                      WHERE a.{s.Q("CredentialId")} = {C("Id")} AND a.{s.Q("Type")} = 'Renewal'
                        AND a.{s.Q("Status")} IN ('Submitted', 'UnderReview', 'InfoRequested'))
            ) due
            WHERE NOT EXISTS (
                SELECT 1 FROM {s.Q("RenewalReminders")} r
                WHERE r.{s.Q("CredentialId")} = due.{s.Q("Id")} AND r.{s.Q("CycleExpiresOn")} = due.{s.Q("ExpiresOn")}
                  AND r.{s.Q("DaysBefore")} <= due.{s.Q("Stage")})
            """, new Dictionary<string, object?>
        {
            ["program"] = program, ["today"] = today, ["furthest"] = today.AddDays(stages[0]), ["run"] = run, ["now"] = s.Timestamp(now),
        });
    }

    /// <summary>One message per holder reminded in this run, listing each of their credentials due (soonest first).</summary>
    internal static SqlStatement Messages(SqlDialect s, Guid run, DateTimeOffset now)
    {
        string P(string column) => $"p.{s.Q(column)}";
        var due = s.JsonObject(("Program", $"g.{s.Q("Name")}"), ("Number", $"c.{s.Q("Number")}"),
            ("ExpiresOn", s.DateText($"r.{s.Q("CycleExpiresOn")}")), ("DaysBefore", $"r.{s.Q("DaysBefore")}"));
        var payload = s.JsonText(s.JsonObject(("Name", $"COALESCE({P("PreferredName")}, {P("LegalFirstName")})"),
            ("Credentials", s.JsonArrayAgg(due, $"r.{s.Q("CycleExpiresOn")}, c.{s.Q("Number")}"))));
        return new SqlStatement("Renewal reminders: messages", $"""
            INSERT INTO {s.Q("Notifications")} ({s.Q("Id")}, {s.Q("RecipientEmail")}, {s.Q("PersonId")}, {s.Q("Template")}, {s.Q("Language")}, {s.Q("Payload")}, {s.Q("DeduplicationKey")}, {s.Q("CreatedAt")}, {s.Q("NextAttemptAt")}, {s.Q("Attempts")}, {s.Q("Priority")})
            SELECT {s.NewId}, {P("Email")}, {P("Id")}, {SqlDialect.Text(RenewalReminderMessage.Template)}, {SqlDialect.Text(Notification.DefaultLanguage)},
                   {payload},
                   {s.Concat("'renewal-reminder:'", "@runText", "':'", s.GuidText(P("Id")))},
                   @now, @now, 0, {(int)NotificationPriority.Bulk}
            FROM {s.Q("RenewalReminders")} r
            JOIN {s.Q("Credentials")} c ON c.{s.Q("Id")} = r.{s.Q("CredentialId")}
            JOIN {s.Q("Programs")} g ON g.{s.Q("Id")} = c.{s.Q("ProgramId")}
            JOIN {s.Q("People")} p ON {P("Id")} = r.{s.Q("PersonId")}
            WHERE r.{s.Q("RunId")} = @run
            GROUP BY {P("Id")}, {P("Email")}, {P("PreferredName")}, {P("LegalFirstName")}
            """, new Dictionary<string, object?> { ["run"] = run, ["runText"] = run.ToString(), ["now"] = s.Timestamp(now) });
    }

    internal static SqlStatement Audit(SqlDialect s, Guid run, DateTimeOffset now, DateOnly today, int reminders, int messages) => new("Renewal reminders: audit", $"""
        INSERT INTO {s.Q("AuditLog")} ({s.Q("Id")}, {s.Q("At")}, {s.Q("ActorName")}, {s.Q("Action")}, {s.Q("EntityType")}, {s.Q("EntityId")}, {s.Q("After")})
        VALUES ({s.NewId}, @now, 'Reminder job', 'RemindRenewals', 'RenewalReminder', @runText, @after)
        """, new Dictionary<string, object?>
    {
        ["now"] = s.Timestamp(now), ["runText"] = run.ToString(),
        ["after"] = $$"""{"Today":"{{today:yyyy-MM-dd}}","Reminders":{{reminders}},"Messages":{{messages}}}""",
    });
}
