using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Domain.Common;
using Registry.Domain.Fees;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.Fees;

/// <summary>A StateAdmin sets up a fund that pays people's fees: a scholarship (waivers draw on it) or a sponsor's vouchers.</summary>
public static class CreateFund
{
    [AllowedRoles(Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Command : ICommand<Guid>, IStateScoped
    {
        public string StateCode { get; init; } = "";
        public string? Name { get; init; }
        public string? Purpose { get; init; }

        /// <summary>The fiscal year's first month (1-12) and day (1-28): 7 and 1 for a year from 1 July to 30 June.</summary>
        public int FiscalYearStartMonth { get; init; } = 1;

        public int FiscalYearStartDay { get; init; } = 1;
        public IReadOnlyList<FeeKind> Covers { get; init; } = [];
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotEmpty().WithMessage("Give the fund a name.").MaximumLength(FeeFund.NameMaxLength);
            RuleFor(c => c.Purpose).MaximumLength(FeeFund.PurposeMaxLength);
            RuleFor(c => c.FiscalYearStartMonth).InclusiveBetween(1, 12).WithMessage("Choose the month the fiscal year starts.");
            RuleFor(c => c.FiscalYearStartDay).InclusiveBetween(1, 28).WithMessage("A fiscal year starts on a day between the 1st and the 28th.");
            RuleFor(c => c.Covers).NotEmpty().WithMessage("Choose the fees the fund pays for.");
            RuleForEach(c => c.Covers).IsInEnum();
        }
    }

    public sealed class Handler(IRegistryDbContext db) : IRequestHandler<Command, Guid>
    {
        public async Task<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var state = Domain.Jurisdictions.StateCode.Parse(command.StateCode);
            var fund = new FeeFund(state, command.Name!, command.Purpose, command.FiscalYearStartMonth, command.FiscalYearStartDay, command.Covers);
            if (await db.FeeFunds.AnyAsync(f => f.StateCode == state && f.Name == fund.Name, cancellationToken))
                throw new DomainRuleException($"The state already has a fund named {fund.Name}.");
            db.FeeFunds.Add(fund);
            return fund.Id;
        }
    }
}
