using Registry.Domain.Jurisdictions;

namespace Registry.Application.Common.Interfaces;

/// <summary>
/// The retention aggregates, computed by the database from the credential histories, endorsements and workforce answers
/// dated on or before the day asked about, so a past period gives the same counts whenever it is exported.
/// </summary>
public interface IRetentionCounts
{
    /// <summary>
    /// Per state, on <paramref name="to"/>: the employment answers of credentials in force (by state, by endorsement in
    /// force, by cohort) and the credentials of each cohort in force or not.
    /// </summary>
    Task<IReadOnlyList<RetentionCountRow>> RetentionCountsAsync(DateOnly to, IReadOnlyCollection<StateCode> states, CancellationToken cancellationToken);
}

/// <summary>
/// One count: <see cref="Part"/> is <see cref="State"/>, <see cref="Endorsement"/> or <see cref="Cohort"/> (employment
/// answers; <see cref="What"/> is the answer) or <see cref="Attrition"/> (<see cref="What"/> is <see cref="InForce"/> or
/// <see cref="NotInForce"/>); <see cref="Key"/> is the endorsement code or the cohort's year, empty for the state.
/// </summary>
public sealed record RetentionCountRow(StateCode StateCode, string Part, string Key, string What, int Count)
{
    public const string State = "State", Endorsement = "Endorsement", Cohort = "Cohort", Attrition = "Attrition";
    public const string InForce = "InForce", NotInForce = "NotInForce";
}
