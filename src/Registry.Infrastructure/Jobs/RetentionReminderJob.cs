using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Registry.Application.Common.Messages.Templates;
using Registry.Domain.Jurisdictions;
using Registry.Domain.Notifications;
using Registry.Infrastructure.Persistence;
using Registry.Infrastructure.Persistence.Providers;

namespace Registry.Infrastructure.Jobs;

/// <summary>What one run of the retention reminder job did.</summary>
public sealed record RetentionReminderRun(Guid RunId, DateOnly Today, int Messages);

/// <summary>
/// Invites holders, once a year, to answer the yearly retention questions (/Account/WorkPulse), daily: each credential
/// in force (active or on probation) whose holder has given no workforce answers for its program in the last 12 months
/// (the yearly questions, or the minimum data set with an application or renewal) and who was not sent this invitation
/// for it in the last 12 months gets one message through the outbox. The message is the record: its deduplication key
/// is <c>retention-questions:{credential}:{day sent}</c>, unique in the database, so the year's invitations of a
/// credential are one range of that index, and a run repeated on a day sends nothing twice. Runs take a database lock.
/// One statement per program (no credential is loaded into memory), so the number of statements never depends on the
/// number of credentials.
/// </summary>
[AutomaticRetry(Attempts = 8, DelaysInSeconds = [5, 30, 120, 600, 1800, 3600, 7200, 14400])]
public sealed class RetentionReminderJob(RegistryDbContext db, TimeProvider clock, ILogger<RetentionReminderJob> logger)
{
    public const string JobId = "retention-reminders";

    public async Task<RetentionReminderRun> RunAsync(CancellationToken cancellationToken = default)
    {
        var sql = db.Dialect;
        var today = RegistryDay.TodayNationwide(clock);
        var now = clock.GetUtcNow();
        var runId = Guid.CreateVersion7();
        var programs = await db.Programs.AsNoTracking().OrderBy(p => p.StateCode).ThenBy(p => p.Code).Select(p => p.Id).ToListAsync(cancellationToken);

        // Inside the execution strategy: a dropped connection reruns the whole run, which is idempotent.
        var messageCount = await db.InTransactionAsync(async ct =>
        {
            await sql.ExecuteAsync(db, sql.Lock(JobId), ct);
            var messages = 0;
            foreach (var program in programs)
                messages += await sql.ExecuteAsync(db, Messages(sql, program, today, now), ct);
            await sql.ExecuteAsync(db, Audit(sql, runId, now, today, messages), ct);
            await db.Database.CurrentTransaction!.CommitAsync(ct);
            return messages;
        }, cancellationToken);

        logger.LogInformation("Retention reminders for {Today}: {Messages} messages.", today, messageCount);
        return new RetentionReminderRun(runId, today, messageCount);
    }

    /// <summary>The deduplication key's text before the day: <c>retention-questions:{credential}:</c>.</summary>
    private static string KeyPrefix(SqlDialect s, string credentialId) => s.Concat($"'{RetentionQuestionsMessage.Template}:'", s.GuidText(credentialId), "':'");

    /// <summary>One statement per program: a message for each credential in force that is due its yearly invitation.</summary>
    internal static SqlStatement Messages(SqlDialect s, Guid program, DateOnly today, DateTimeOffset now)
    {
        string C(string column) => $"c.{s.Q(column)}";
        string P(string column) => $"p.{s.Q(column)}";
        var payload = s.JsonText(s.JsonObject(("Name", $"COALESCE({P("PreferredName")}, {P("LegalFirstName")})"),
            ("Program", $"g.{s.Q("Name")}"), ("Number", C("Number")), ("CredentialId", s.GuidText(C("Id")))));
        var prefix = KeyPrefix(s, C("Id"));
        return new SqlStatement("Retention reminders: messages", $"""
            INSERT INTO {s.Q("Notifications")} ({s.Q("Id")}, {s.Q("RecipientEmail")}, {s.Q("PersonId")}, {s.Q("Template")}, {s.Q("Language")}, {s.Q("Payload")}, {s.Q("DeduplicationKey")}, {s.Q("CreatedAt")}, {s.Q("NextAttemptAt")}, {s.Q("Attempts")}, {s.Q("Priority")})
            SELECT {s.NewId}, {P("Email")}, {P("Id")}, {SqlDialect.Text(RetentionQuestionsMessage.Template)}, {SqlDialect.Text(Notification.DefaultLanguage)},
                   {payload}, {s.Concat(prefix, "@todayText")}, @now, @now, 0, {(int)NotificationPriority.Bulk}
            FROM {s.Q("Credentials")} c
            JOIN {s.Q("Programs")} g ON g.{s.Q("Id")} = {C("ProgramId")}
            JOIN {s.Q("People")} p ON {P("Id")} = {C("HolderPersonId")}
            WHERE {C("ProgramId")} = @program
              AND {C("Status")} IN ('Active', 'Probation')
              AND NOT EXISTS (
                  SELECT 1 FROM {s.Q("WorkforceSurveyResponses")} r
                  WHERE r.{s.Q("PersonId")} = {C("HolderPersonId")} AND r.{s.Q("ProgramId")} = {C("ProgramId")}
                    AND r.{s.Q("AnsweredOn")} > @yearAgo)
              AND NOT EXISTS (
                  SELECT 1 FROM {s.Q("Notifications")} n
                  WHERE n.{s.Q("DeduplicationKey")} > {s.Concat(prefix, "@yearAgoText")}
                    AND n.{s.Q("DeduplicationKey")} <= {s.Concat(prefix, "@todayText")})
            """, new Dictionary<string, object?>
        {
            ["program"] = program, ["yearAgo"] = today.AddYears(-1), ["yearAgoText"] = $"{today.AddYears(-1):yyyy-MM-dd}",
            ["todayText"] = $"{today:yyyy-MM-dd}", ["now"] = s.Timestamp(now),
        });
    }

    internal static SqlStatement Audit(SqlDialect s, Guid run, DateTimeOffset now, DateOnly today, int messages) => new("Retention reminders: audit", $"""
        INSERT INTO {s.Q("AuditLog")} ({s.Q("Id")}, {s.Q("At")}, {s.Q("ActorName")}, {s.Q("Action")}, {s.Q("EntityType")}, {s.Q("EntityId")}, {s.Q("After")})
        VALUES ({s.NewId}, @now, 'Reminder job', 'RemindRetentionQuestions', 'RetentionReminder', @runText, @after)
        """, new Dictionary<string, object?>
    {
        ["now"] = s.Timestamp(now), ["runText"] = run.ToString(),
        ["after"] = $$"""{"Today":"{{today:yyyy-MM-dd}}","Messages":{{messages}}}""",
    });
}
