using System.Text.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Features.OpenData;
using Registry.Application.Features.Workforce;
using Registry.Domain.Jurisdictions;
using Registry.Domain.Workforce;
using Registry.Infrastructure.Persistence;

namespace Registry.Infrastructure.Exports.Workforce;

/// <summary>
/// On the first of each month, keeps every state's counts for the month before, with the workbook made then, and
/// publishes the month's open data. Idempotent: a state whose snapshot exists, or a month whose open data exists, is
/// skipped, and the unique keys turn a second server's simultaneous insert into a conflict that is skipped too.
/// </summary>
public sealed class WorkforceSnapshotJob(RegistryDbContext db, WorkforceReports reports, IWorkforceWorkbook workbook, OpenDataReleases openData,
    IAuditContext audit, TimeProvider clock, ILogger<WorkforceSnapshotJob> logger)
{
    public const string JobId = "workforce-snapshot";

    /// <summary>Snapshots the month before the current one (once it is over in every state); returns how many states were snapshotted now.</summary>
    public Task<int> TakePreviousMonthAsync(CancellationToken cancellationToken = default)
    {
        var today = RegistryDay.TodayNationwide(clock);
        return TakeAsync(new DateOnly(today.Year, today.Month, 1).AddMonths(-1), cancellationToken);
    }

    /// <summary>Snapshots each state's month not yet kept, then publishes the month's open data; returns how many states were snapshotted now.</summary>
    public async Task<int> TakeAsync(DateOnly month, CancellationToken cancellationToken = default)
    {
        audit.Action = "TakeWorkforceSnapshot";
        var states = (await db.Jurisdictions.AsNoTracking().Select(j => j.Code).ToListAsync(cancellationToken)).OrderBy(c => c.Value).ToList();
        var taken = await db.WorkforceSnapshots.AsNoTracking().Where(s => s.Month == month).Select(s => s.StateCode).ToListAsync(cancellationToken);

        var created = 0;
        foreach (var state in states.Except(taken))
        {
            var report = await reports.BuildAsync(month, month.AddMonths(1).AddDays(-1), [state], cancellationToken);
            using var file = new MemoryStream();
            workbook.Write(report, file);
            var counts = JsonSerializer.Serialize(report.States.SelectMany(s => s.Programs));
            db.WorkforceSnapshots.Add(new WorkforceSnapshot(state, month, report.Totals.Active, counts, file.ToArray(), clock.GetUtcNow()));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                created++;
            }
            catch (ConflictException)
            {
                logger.LogInformation("The {Month:yyyy-MM} snapshot of {State} was taken by another run.", month, state);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
        await PublishOpenDataAsync(month, cancellationToken);
        return created;
    }

    /// <summary>Publishes the month's open data unless it was published before; returns whether it was published now.</summary>
    public async Task<bool> PublishOpenDataAsync(DateOnly month, CancellationToken cancellationToken = default)
    {
        if (await db.OpenDataReleases.AnyAsync(r => r.Month == month, cancellationToken)) return false;
        db.OpenDataReleases.Add(await openData.BuildAsync(month, cancellationToken));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (ConflictException)
        {
            logger.LogInformation("The {Month:yyyy-MM} open data was published by another run.", month);
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}

/// <summary>
/// Schedules <see cref="WorkforceSnapshotJob"/> as the recurring job "workforce-snapshot": 12:00 UTC on the first of each
/// month, when the month has ended in every U.S. time zone and the day's expiry run (10:05 UTC) has written its last changes.
/// </summary>
public sealed class WorkforceSnapshotSchedule(IRecurringJobManager recurringJobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<WorkforceSnapshotJob>(WorkforceSnapshotJob.JobId, job => job.TakePreviousMonthAsync(CancellationToken.None), "0 12 1 * *");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
