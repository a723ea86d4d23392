using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Application.Common.Time;
using Registry.Domain.Fees;

namespace Registry.Application.Features.Fees;

/// <summary>A state's funds, each with every fiscal year's budget, what was drawn and what is left, newest year first.</summary>
public static class ListFunds
{
    [AllowedRoles(Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Query(string StateCode) : IRequest<IReadOnlyList<Fund>>, IStateScoped;

    /// <summary>One fund; <see cref="Current"/> is the fiscal year the state's today falls in, when it has a budget.</summary>
    public sealed record Fund(Guid Id, string Name, string? Purpose, int FiscalYearStartMonth, int FiscalYearStartDay, IReadOnlyList<FeeKind> Covers,
        DateOnly CurrentFiscalYearStartsOn, Year? Current, IReadOnlyList<Year> Years);

    public sealed record Year(DateOnly StartsOn, DateOnly EndsOn, decimal Budget, decimal Drawn, decimal Left);

    public sealed class Handler(IRegistryDbContext db, IRegistryCalendar calendar) : IRequestHandler<Query, IReadOnlyList<Fund>>
    {
        public async Task<IReadOnlyList<Fund>> Handle(Query query, CancellationToken cancellationToken)
        {
            var state = Domain.Jurisdictions.StateCode.Parse(query.StateCode);
            var today = await calendar.TodayAsync(state, cancellationToken);
            var funds = await db.FeeFunds.AsNoTracking().Where(f => f.StateCode == state).OrderBy(f => f.Name).ToListAsync(cancellationToken);
            return funds.Select(f =>
            {
                var years = f.Years.OrderByDescending(y => y.StartsOn)
                    .Select(y => new Year(y.StartsOn, y.StartsOn.AddYears(1).AddDays(-1), y.Budget, y.Drawn, y.Left)).ToList();
                var current = f.FiscalYearOf(today);
                return new Fund(f.Id, f.Name, f.Purpose, f.FiscalYearStartMonth, f.FiscalYearStartDay, f.Covers, current,
                    years.SingleOrDefault(y => y.StartsOn == current), years);
            }).ToList();
        }
    }
}
