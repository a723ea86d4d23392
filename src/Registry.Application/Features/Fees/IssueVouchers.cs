using System.Text;
using FluentValidation;
using MediatR;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Application.Common.Time;
using Registry.Domain.Common;
using Registry.Domain.Fees;

namespace Registry.Application.Features.Fees;

/// <summary>
/// A StateAdmin issues a batch of single-use voucher codes on a fund, usable until an expiry date. The codes are in this
/// answer and nowhere else: the registry keeps only their hashes and last characters.
/// </summary>
public static class IssueVouchers
{
    public const int MaximumBatch = 500;

    [AllowedRoles(Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Command : ICommand<Batch>, IStateScoped
    {
        public string StateCode { get; init; } = "";
        public Guid FundId { get; init; }
        public int Count { get; init; }

        /// <summary>The last day (in the state's calendar) the codes can be used.</summary>
        public DateOnly ExpiresOn { get; init; }
    }

    /// <summary>The batch's codes, shown once; <see cref="Csv"/> is the same codes as a file to hand to the fund's sponsor.</summary>
    public sealed record Batch(Guid BatchId, Guid FundId, string FundName, DateOnly ExpiresOn, IReadOnlyList<string> Codes)
    {
        public string Csv => new StringBuilder("Code,Fund,Expires on\r\n")
            .AppendJoin("", Codes.Select(c => $"{c},\"{FundName.Replace("\"", "\"\"")}\",{ExpiresOn:yyyy-MM-dd}\r\n")).ToString();
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Count).InclusiveBetween(1, MaximumBatch).WithMessage($"Issue between 1 and {MaximumBatch} vouchers at a time.");
            RuleFor(c => c.ExpiresOn).NotEmpty().WithMessage("Give the last day the vouchers can be used.");
        }
    }

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock, IRegistryCalendar calendar) : IRequestHandler<Command, Batch>
    {
        public async Task<Batch> Handle(Command command, CancellationToken cancellationToken)
        {
            var state = Domain.Jurisdictions.StateCode.Parse(command.StateCode);
            var fund = await FeeHelp.FundForAsync(db, command.FundId, state, cancellationToken);
            var today = await calendar.TodayAsync(state, cancellationToken);
            if (command.ExpiresOn < today) throw new DomainRuleException("The vouchers' last day cannot be in the past.");
            var batchId = Guid.CreateVersion7();
            var now = clock.GetUtcNow();
            var codes = new HashSet<string>();
            while (codes.Count < command.Count) codes.Add(VoucherCodes.New());
            foreach (var code in codes)
            {
                var characters = VoucherCodes.Normalise(code)!;
                db.Vouchers.Add(new Voucher(fund.Id, state, batchId, VoucherCodes.Hash(characters), VoucherCodes.LastOf(characters), command.ExpiresOn, user.UserId!.Value, now));
            }
            return new Batch(batchId, fund.Id, fund.Name, command.ExpiresOn, codes.ToList());
        }
    }
}
