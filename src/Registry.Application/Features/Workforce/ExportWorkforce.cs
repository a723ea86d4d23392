using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Time;
using Registry.Application.Common.Security;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.Workforce;

/// <summary>
/// Workforce counts for a period and a set of states. A StateAdmin exports their own state only; a
/// SystemAdmin or NationalAnalyst any states (all of them when none is named).
/// </summary>
public static class ExportWorkforce
{
    public const int MaximumYears = 10;

    [AllowedRoles(Roles.StateAdmin, Roles.SystemAdmin, Roles.NationalAnalyst)]
    public sealed record Query : IRequest<WorkforceReport>, IAuditedRead
    {
        public DateOnly From { get; init; }
        public DateOnly To { get; init; }
        public List<string> States { get; init; } = [];

        string IAuditedRead.AuditedType => "Workforce";
        string? IAuditedRead.AuditedId => $"{(States.Count == 0 ? "all states" : string.Join(",", States))} {From:yyyy-MM-dd}..{To:yyyy-MM-dd}";
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(IRegistryCalendar calendar)
        {
            RuleFor(q => q.From).NotEmpty().WithMessage("Enter the first day of the period.");
            RuleFor(q => q.To).NotEmpty().WithMessage("Enter the last day of the period.")
                .GreaterThanOrEqualTo(q => q.From).WithMessage("The period ends before it starts.")
                .Must(to => to <= calendar.TodayNationwide()).WithMessage("The period cannot end after today.")
                .Must((q, to) => to <= q.From.AddYears(MaximumYears)).WithMessage($"A period is at most {MaximumYears} years.");
            RuleFor(q => q.States).Must(s => s.Count <= 60).WithMessage("Name at most 60 states.");
            RuleForEach(q => q.States).Must(s => StateCode.TryParse(s, out _)).WithMessage("'{PropertyValue}' is not a two-letter state code.");
        }
    }

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, WorkforceReports reports) : IRequestHandler<Query, WorkforceReport>
    {
        public async Task<WorkforceReport> Handle(Query query, CancellationToken cancellationToken)
        {
            var states = await StatesAsync(db, user, query.States, cancellationToken);
            return await reports.BuildAsync(query.From, query.To, states, cancellationToken);
        }
    }

    /// <summary>
    /// The states the sender asked for, checked: a StateAdmin gets their own (asking for another is forbidden);
    /// others get those named, or every state when none is.
    /// </summary>
    internal static async Task<IReadOnlyList<StateCode>> StatesAsync(IRegistryDbContext db, ICurrentUser user, IReadOnlyCollection<string> requested, CancellationToken cancellationToken)
    {
        var named = requested.Select(StateCode.Parse).Distinct().ToList();
        var mayReadAny = user.IsInRole(Roles.SystemAdmin) || user.IsInRole(Roles.NationalAnalyst);
        if (!mayReadAny)
        {
            var own = user.StateCode ?? throw new ForbiddenException("Your account is not linked to a state.");
            if (named.Any(s => s != own)) throw new ForbiddenException("You can export only your own state's counts.");
            named = [own];
        }

        var known = (await db.Jurisdictions.AsNoTracking().Select(j => j.Code).ToListAsync(cancellationToken)).Select(c => c.Value).ToList();
        if (named.Count == 0) return known.Order().Select(StateCode.Parse).ToList();
        var unknown = named.Where(s => !known.Contains(s.Value)).ToList();
        if (unknown.Count > 0)
            throw new ValidationException([new ValidationFailure(nameof(Query.States), $"The registry has no state {string.Join(", ", unknown)}.")]);
        return named.OrderBy(s => s.Value).ToList();
    }
}
