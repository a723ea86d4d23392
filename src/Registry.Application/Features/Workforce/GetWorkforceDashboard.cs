using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Time;
using Registry.Application.Common.Security;
using Registry.Domain.Credentials;

namespace Registry.Application.Features.Workforce;

/// <summary>
/// One state's active peer specialists at the end of each of the last 24 months, today's status mix, its specialty
/// endorsements in force today, and what its active peer specialists answered to the voluntary workforce questions — only
/// as counts, a count under 11 hidden (and as many others as keep it from being worked out), since staff see the answers
/// only in aggregate.
/// </summary>
public static class GetWorkforceDashboard
{
    public const int Months = 24;

    [AllowedRoles(Roles.StateAdmin, Roles.SystemAdmin, Roles.NationalAnalyst)]
    public sealed record Query(string StateCode) : IRequest<Model>, IStateScoped;

    public sealed record Model(string StateCode, string StateName, DateOnly Today, IReadOnlyList<MonthPoint> ActiveByMonth, IReadOnlyList<StatusShare> StatusMix,
        string? ImportedHistoryNote = null)
    {
        public IReadOnlyList<EndorsementCount> Endorsements { get; init; } = [];
        public IReadOnlyList<SurveyDistribution.PublishedAnswers> Answers { get; init; } = [];
    }

    /// <summary>Active (including probation) on the month's last day; the current month counts up to today.</summary>
    public sealed record MonthPoint(DateOnly Month, DateOnly CountedOn, int Active);

    public sealed record StatusShare(string Status, int Count);

    public sealed record EndorsementCount(string Program, string Code, string Name, int InForce);

    public sealed class Handler(IRegistryDbContext db, IWorkforceCounts counts, IWorkforceDimensions dimensions, IRegistryCalendar calendar) : IRequestHandler<Query, Model>
    {
        public async Task<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            var state = Domain.Jurisdictions.StateCode.Parse(query.StateCode);
            var name = await db.Jurisdictions.AsNoTracking().Where(j => j.Code == state).Select(j => j.Name).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("State", query.StateCode);
            var today = await calendar.TodayAsync(state, cancellationToken);
            var thisMonth = new DateOnly(today.Year, today.Month, 1);
            var months = Enumerable.Range(0, Months).Select(i => thisMonth.AddMonths(i - Months + 1)).ToList();
            var dates = months.Select(m => m == thisMonth ? today : m.AddMonths(1).AddDays(-1)).ToList();

            var rows = await counts.StatusOnDatesAsync(state, dates, cancellationToken);
            var active = months.Select((m, i) => new MonthPoint(m, dates[i],
                rows.Where(r => r.Date == dates[i] && r.Status is CredentialStatus.Active or CredentialStatus.Probation).Sum(r => r.Count))).ToList();
            var mix = Order.Select(s => new StatusShare(Label(s), rows.Where(r => r.Date == today && r.Status == s).Sum(r => r.Count))).ToList();
            var importedOn = ImportedHistory.Before(await ImportedHistory.FirstImportDaysAsync(db, cancellationToken), state.Value, months[0]);
            var inForce = active[^1].Active;
            return new Model(state.Value, name, today, active, mix, importedOn is { } day ? ImportedHistory.Note(name, day) : null)
            {
                Endorsements = await EndorsementsAsync(state, today, cancellationToken),
                Answers = SurveyDistribution.Published(await dimensions.SurveyAnswersInForceAsync(today, [state], cancellationToken), inForce),
            };
        }

        private async Task<IReadOnlyList<EndorsementCount>> EndorsementsAsync(Domain.Jurisdictions.StateCode state, DateOnly today, CancellationToken cancellationToken)
        {
            var programs = await db.Programs.AsNoTracking().Where(p => p.StateCode == state).OrderBy(p => p.Code).ToListAsync(cancellationToken);
            var inForce = await dimensions.EndorsementsInForceAsync(today, [state], cancellationToken);
            return [.. programs.SelectMany(p => p.Requirements.Endorsements.Select(e =>
                new EndorsementCount(p.Code, e.Code, e.Name, inForce.Where(r => r.ProgramId == p.Id && r.Code == e.Code).Sum(r => r.Count))))];
        }

        private static readonly CredentialStatus[] Order =
            [CredentialStatus.Active, CredentialStatus.Probation, CredentialStatus.Suspended, CredentialStatus.Expired, CredentialStatus.Lapsed, CredentialStatus.Revoked, CredentialStatus.Relinquished];

        private static string Label(CredentialStatus status) => status switch
        {
            CredentialStatus.Probation => "On probation",
            CredentialStatus.Expired => "Expired (in grace)",
            CredentialStatus.Relinquished => "Retired (relinquished)",
            _ => status.ToString(),
        };
    }
}
