using FluentValidation;
using MediatR;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Application.Common.Time;
using Registry.Domain.Fees;

namespace Registry.Application.Features.Fees;

/// <summary>A StateAdmin sets a fund's budget for one fiscal year; never below what that year has already drawn.</summary>
public static class SetFundBudget
{
    [AllowedRoles(Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Command : ICommand<ListFunds.Year>, IStateScoped
    {
        public string StateCode { get; init; } = "";
        public Guid FundId { get; init; }

        /// <summary>Any day of the fiscal year; the state's today when not given.</summary>
        public DateOnly? InFiscalYearOf { get; init; }

        public decimal Budget { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Budget)
            .GreaterThanOrEqualTo(0).WithMessage("A budget cannot be negative.")
            .LessThanOrEqualTo(Money.Largest).WithMessage($"A budget is at most {Money.Format(Money.Largest)}.")
            .Must(FeeHelp.IsDollarsAndCents).WithMessage($"A budget {FeeHelp.DollarsAndCents}");
    }

    public sealed class Handler(IRegistryDbContext db, IRegistryCalendar calendar) : IRequestHandler<Command, ListFunds.Year>
    {
        public async Task<ListFunds.Year> Handle(Command command, CancellationToken cancellationToken)
        {
            var state = Domain.Jurisdictions.StateCode.Parse(command.StateCode);
            var fund = await FeeHelp.FundForAsync(db, command.FundId, state, cancellationToken);
            var day = command.InFiscalYearOf ?? await calendar.TodayAsync(state, cancellationToken);
            var year = fund.SetBudget(day, command.Budget);
            return new ListFunds.Year(year.StartsOn, year.StartsOn.AddYears(1).AddDays(-1), year.Budget, year.Drawn, year.Left);
        }
    }
}
