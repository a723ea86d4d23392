using Registry.Domain.Common;
using Registry.Domain.Jurisdictions;

namespace Registry.Domain.Workforce;

/// <summary>
/// One state's workforce counts for one calendar month, kept as taken on the first of the next month, with
/// the workbook made then. Unique per month and state, so a job that runs twice (or on two servers) keeps one.
/// </summary>
public sealed class WorkforceSnapshot
{
    private WorkforceSnapshot() { }

    public WorkforceSnapshot(StateCode state, DateOnly month, int activeAtMonthEnd, string countsJson, byte[] workbook, DateTimeOffset takenAt)
    {
        if (month.Day != 1) throw new DomainRuleException("A snapshot covers a calendar month, named by its first day.");
        Id = Guid.CreateVersion7();
        StateCode = state;
        Month = month;
        ActiveAtMonthEnd = activeAtMonthEnd;
        CountsJson = countsJson;
        Workbook = workbook;
        TakenAt = takenAt;
    }

    public Guid Id { get; private set; }
    public StateCode StateCode { get; private set; }

    /// <summary>The first day of the month counted.</summary>
    public DateOnly Month { get; private set; }

    public int ActiveAtMonthEnd { get; private set; }

    /// <summary>The summary rows (state × program counts) as JSON, so the numbers stay readable without opening the workbook.</summary>
    public string CountsJson { get; private set; } = "";

    public byte[] Workbook { get; private set; } = [];
    public DateTimeOffset TakenAt { get; private set; }
}
