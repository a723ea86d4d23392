using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.Workforce;

/// <summary>
/// The workforce report's dimensions beyond status and place, for a period: each program's specialty endorsements
/// (in force on the last day, granted and withdrawn in the period) and each state's answers to the voluntary workforce
/// questions on the last day, small counts hidden as on the dashboard.
/// </summary>
public sealed record WorkforceDimensions(IReadOnlyList<WorkforceDimensions.EndorsementLine> Endorsements, IReadOnlyList<WorkforceDimensions.StateAnswers> Answers)
{
    public static readonly WorkforceDimensions None = new([], []);

    public sealed record EndorsementLine(string StateCode, string ProgramCode, string Code, string Name, int InForce, int Granted, int Withdrawn);

    public sealed record StateAnswers(string StateCode, IReadOnlyList<SurveyDistribution.PublishedAnswers> Questions);

    /// <param name="activeByState">Each state's credentials in force on <paramref name="to"/> (the report's Active figure).</param>
    public static async Task<WorkforceDimensions> BuildAsync(IRegistryDbContext db, IWorkforceDimensions dimensions, DateOnly from, DateOnly to,
        IReadOnlyCollection<StateCode> states, IReadOnlyDictionary<string, int> activeByState, CancellationToken cancellationToken)
    {
        var codes = states.Select(s => s.Value).ToList();
        var programs = (await db.Programs.AsNoTracking().ToListAsync(cancellationToken)).Where(p => codes.Contains(p.StateCode.Value))
            .OrderBy(p => p.StateCode.Value, StringComparer.Ordinal).ThenBy(p => p.Code, StringComparer.Ordinal).ToList();
        var inForce = await dimensions.EndorsementsInForceAsync(to, states, cancellationToken);
        var changes = await dimensions.EndorsementChangesAsync(from, to, states, cancellationToken);
        var endorsements = programs.SelectMany(p => p.Requirements.Endorsements.Select(e => new EndorsementLine(p.StateCode.Value, p.Code, e.Code, e.Name,
            inForce.Where(r => r.ProgramId == p.Id && r.Code == e.Code).Sum(r => r.Count),
            changes.Where(r => r.ProgramId == p.Id && r.Code == e.Code).Sum(r => r.Granted),
            changes.Where(r => r.ProgramId == p.Id && r.Code == e.Code).Sum(r => r.Withdrawn)))).ToList();

        var answers = await dimensions.SurveyAnswersInForceAsync(to, states, cancellationToken);
        var byState = codes.Order(StringComparer.Ordinal).Select(state => new StateAnswers(state,
            SurveyDistribution.Published([.. answers.Where(a => a.State.Value == state)], activeByState.GetValueOrDefault(state)))).ToList();
        return new WorkforceDimensions(endorsements, byState);
    }
}
