using Registry.Application.Common.Interfaces;

namespace Registry.Application.Features.Workforce;

/// <summary>The workforce counts for a period and a set of states, as the workbook, the page and the snapshots show them.</summary>
public sealed record WorkforceReport(DateOnly From, DateOnly To, DateTimeOffset GeneratedAt, IReadOnlyList<WorkforceReport.StateSection> States)
{
    public const string NoAddress = "No address on record";
    public const string OutsideTheState = "Lives outside the state";
    public const string CountyNotMatched = "County not matched";

    /// <summary>The county lines that are no county, listed after the counties.</summary>
    public static readonly IReadOnlySet<string> NotACounty = new HashSet<string>(StringComparer.Ordinal) { NoAddress, OutsideTheState, CountyNotMatched };

    public IEnumerable<ProgramLine> ProgramLines => States.SelectMany(s => s.Programs);

    public WorkforceCounts Totals => WorkforceCounts.Sum(ProgramLines.Select(p => p.Counts));

    /// <summary>Endorsements and the voluntary answers, for the Endorsements and Workforce answers sheets.</summary>
    public WorkforceDimensions Dimensions { get; init; } = WorkforceDimensions.None;

    /// <summary>Peer-role employment and attrition on the period's last day (the Retention sheet).</summary>
    public RetentionReport Retention { get; init; } = RetentionReport.Empty;

    public sealed record StateSection(string StateCode, string StateName, IReadOnlyList<ProgramLine> Programs, IReadOnlyList<CountyLine> Counties,
        IReadOnlyList<OpenApplicationRow> OpenApplications, DecisionTimeRow? DecisionTimes, DateOnly? ImportedOn = null)
    {
        public WorkforceCounts Totals => WorkforceCounts.Sum(Programs.Select(p => p.Counts));

        /// <summary>The state's time zone (IANA id): its application figures count days from midnight to midnight there.</summary>
        public required string TimeZone { get; init; }

        /// <summary>Says where the figures come from when the period begins before the state's first register import.</summary>
        public string? ImportedHistoryNote => ImportedOn is { } day ? ImportedHistory.Note(StateName, day) : null;
    }

    public sealed record ProgramLine(string StateCode, string ProgramCode, string ProgramName, WorkforceCounts Counts);

    public sealed record CountyLine(string County, WorkforceCounts Counts);
}
