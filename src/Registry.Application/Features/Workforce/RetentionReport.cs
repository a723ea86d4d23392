using Registry.Application.Common.Interfaces;
using Registry.Domain.Workforce;

namespace Registry.Application.Features.Workforce;

/// <summary>
/// The retention part of the workforce report, on the period's last day: whether holders of credentials in force work in
/// peer roles (by state, endorsement and cohort, the year first certified) and, per cohort, how many credentials are no
/// longer in force.
/// </summary>
public sealed record RetentionReport(IReadOnlyList<RetentionReport.EmploymentLine> Employment, IReadOnlyList<RetentionReport.AttritionLine> Attrition)
{
    public static readonly RetentionReport Empty = new([], []);

    public const string AllCredentials = "All";

    /// <summary>Employment answers of one group: <see cref="By"/> is State, Endorsement or Cohort, <see cref="Group"/> the code or year.</summary>
    public sealed record EmploymentLine(string StateCode, string By, string Group, int PeerRole, int OtherRole, int NotWorking)
    {
        public int Answered => PeerRole + OtherRole + NotWorking;

        public decimal? PeerRoleShare => Answered == 0 ? null : Math.Round((decimal)PeerRole / Answered, 4);
    }

    public sealed record AttritionLine(string StateCode, int Cohort, int FirstCertified, int NoLongerInForce)
    {
        public decimal? NoLongerInForceShare => FirstCertified == 0 ? null : Math.Round((decimal)NoLongerInForce / FirstCertified, 4);
    }

    /// <summary>The report from the database's counts, ordered by state, then state / endorsement / cohort lines.</summary>
    public static RetentionReport From(IReadOnlyList<RetentionCountRow> rows)
    {
        int Sum(IEnumerable<RetentionCountRow> group, string what) => group.Where(r => r.What == what).Sum(r => r.Count);
        string[] parts = [RetentionCountRow.State, RetentionCountRow.Endorsement, RetentionCountRow.Cohort];
        var employment = rows.Where(r => parts.Contains(r.Part))
            .GroupBy(r => (State: r.StateCode.Value, r.Part, r.Key))
            .OrderBy(g => g.Key.State, StringComparer.Ordinal).ThenBy(g => Array.IndexOf(parts, g.Key.Part)).ThenBy(g => g.Key.Key, StringComparer.Ordinal)
            .Select(g => new EmploymentLine(g.Key.State, g.Key.Part, g.Key.Part == RetentionCountRow.State ? AllCredentials : g.Key.Key,
                Sum(g, nameof(EmploymentAnswer.PeerRole)), Sum(g, nameof(EmploymentAnswer.OtherRole)), Sum(g, nameof(EmploymentAnswer.NotWorking))))
            .ToList();
        var attrition = rows.Where(r => r.Part == RetentionCountRow.Attrition)
            .GroupBy(r => (State: r.StateCode.Value, Cohort: int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture)))
            .OrderBy(g => g.Key.State, StringComparer.Ordinal).ThenBy(g => g.Key.Cohort)
            .Select(g => new AttritionLine(g.Key.State, g.Key.Cohort, g.Sum(r => r.Count), Sum(g, RetentionCountRow.NotInForce)))
            .ToList();
        return new RetentionReport(employment, attrition);
    }
}
