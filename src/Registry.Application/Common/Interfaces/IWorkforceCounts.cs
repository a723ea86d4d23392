using Registry.Domain.Applications;
using Registry.Domain.Credentials;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Common.Interfaces;

/// <summary>
/// Workforce aggregates computed by the database from the append-only histories (credential, application and
/// residence), so the answer for a past date never changes. Nothing here loads credentials into memory:
/// each method returns grouped counts.
/// </summary>
public interface IWorkforceCounts
{
    /// <summary>
    /// Per state, program and the holder's residence: credentials by status on <paramref name="to"/> (residence on
    /// <paramref name="to"/>), and issues, renewals, expiries, lapses and revocations in [from, to] (each with the
    /// residence on its own day). Read from a ledger kept with the histories, so the time does not grow with credentials.
    /// </summary>
    Task<IReadOnlyList<CredentialCountRow>> CredentialCountsAsync(DateOnly from, DateOnly to, IReadOnlyCollection<StateCode> states, CancellationToken cancellationToken);

    /// <summary>
    /// Applications open at the end of <paramref name="asOf"/> (submitted, under review, information requested), by state,
    /// type and status; the day ends at midnight in each state's own time zone.
    /// </summary>
    Task<IReadOnlyList<OpenApplicationRow>> OpenApplicationsAsync(DateOnly asOf, IReadOnlyCollection<StateTimeZone> states, CancellationToken cancellationToken);

    /// <summary>
    /// Per state: decisions (approval or denial) made in [from, to], days running midnight to midnight in the state's time
    /// zone, with the median and 90th-percentile days from first submission.
    /// </summary>
    Task<IReadOnlyList<DecisionTimeRow>> DecisionTimesAsync(DateOnly from, DateOnly to, IReadOnlyCollection<StateTimeZone> states, CancellationToken cancellationToken);

    /// <summary>Credentials by status on each of <paramref name="dates"/> in one state (for the dashboard's charts).</summary>
    Task<IReadOnlyList<StatusOnDateRow>> StatusOnDatesAsync(StateCode state, IReadOnlyList<DateOnly> dates, CancellationToken cancellationToken);
}

/// <summary>
/// Counts for one state, program and residence. <see cref="ResidenceState"/> and <see cref="County"/> are the
/// holder's on the period's last day for status columns and on each change's day for period columns (null when no
/// address was on record).
/// </summary>
public sealed record CredentialCountRow(StateCode State, Guid ProgramId, StateCode? ResidenceState, string? County, WorkforceCounts Counts);

/// <summary>A state and its time zone (an IANA id, <see cref="Jurisdiction.TimeZone"/>), in which its days begin and end.</summary>
public sealed record StateTimeZone(StateCode State, string TimeZone);

public sealed record OpenApplicationRow(StateCode State, ApplicationType Type, ApplicationStatus Status, int Count);

/// <summary>Nearest-rank percentiles in whole days (UTC calendar dates); null when no decision was made.</summary>
public sealed record DecisionTimeRow(StateCode State, int Decisions, int? MedianDays, int? Percentile90Days);

public sealed record StatusOnDateRow(DateOnly Date, CredentialStatus Status, int Count);

/// <summary>
/// One row of the workforce export. Status columns are the status at the period's end: <see cref="Active"/>
/// includes credentials on probation (active with restrictions), also counted alone in <see cref="OnProbation"/>;
/// <see cref="Retired"/> is the registry's Relinquished. Period columns count the changes (events) in the period: a
/// credential that expired twice in one period counts twice.
/// </summary>
public sealed record WorkforceCounts(
    int Active, int OnProbation, int Suspended, int Expired, int Lapsed, int Revoked, int Retired,
    int Issued, int Renewed, int ExpiredInPeriod, int LapsedInPeriod, int RevokedInPeriod)
{
    public static readonly WorkforceCounts None = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public int Total => Active + Suspended + Expired + Lapsed + Revoked + Retired;

    public WorkforceCounts Plus(WorkforceCounts other) => new(
        Active + other.Active, OnProbation + other.OnProbation, Suspended + other.Suspended, Expired + other.Expired, Lapsed + other.Lapsed,
        Revoked + other.Revoked, Retired + other.Retired, Issued + other.Issued, Renewed + other.Renewed,
        ExpiredInPeriod + other.ExpiredInPeriod, LapsedInPeriod + other.LapsedInPeriod, RevokedInPeriod + other.RevokedInPeriod);

    public static WorkforceCounts Sum(IEnumerable<WorkforceCounts> counts) => counts.Aggregate(None, (total, next) => total.Plus(next));
}
