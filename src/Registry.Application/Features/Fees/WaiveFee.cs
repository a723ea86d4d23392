using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messages;
using Registry.Application.Common.Messages.Templates;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Application.Common.Time;
using Registry.Domain.Fees;

namespace Registry.Application.Features.Fees;

/// <summary>
/// A StateAdmin waives what is still owed on a fee, from a fund (which must pay this kind of fee and have the balance
/// left in the fiscal year of the state's today) or from none, with a reason. Two waivers drawing on one fund at once
/// cannot overdraw it: the fund's version makes the second save a conflict, refused with nothing written. The person is
/// told, with the reason, as a granted hardship request tells them.
/// </summary>
public static class WaiveFee
{
    [AllowedRoles(Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Command : ICommand<Outcome>
    {
        public Guid FeeId { get; init; }
        public Guid? FundId { get; init; }
        public string? Reason { get; init; }
    }

    public sealed record Outcome(Guid FeeId, decimal Waived, Guid? FundId, FeeStatus Status);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Reason).NotEmpty().WithMessage("Give the reason for the waiver.").MaximumLength(Fee.ReasonMaxLength);
    }

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock, IRegistryCalendar calendar) : IRequestHandler<Command, Outcome>
    {
        public async Task<Outcome> Handle(Command command, CancellationToken cancellationToken)
        {
            var fee = await FeeHelp.StaffFeeAsync(db, user, command.FeeId, cancellationToken);
            var now = clock.GetUtcNow();
            var waived = await WaiveAsync(db, calendar, fee, command.FundId, command.Reason!, user.UserId!.Value, now, cancellationToken);
            await TellAsync(db, fee, waived, HardshipStatus.Granted, fee.WaiverReason!, now, $"fee-waived:{fee.Id}", cancellationToken);
            return new Outcome(fee.Id, waived, command.FundId, fee.Status);
        }
    }

    /// <summary>Draws the balance from the fund, when one is named, and waives the fee: both in the caller's unit of work.</summary>
    internal static async Task<decimal> WaiveAsync(IRegistryDbContext db, IRegistryCalendar calendar, Fee fee, Guid? fundId, string reason, Guid byUserId,
        DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (fundId is { } id && fee.Status == FeeStatus.Owed)
        {
            var fund = await FeeHelp.FundForAsync(db, id, fee.StateCode, cancellationToken);
            fund.Draw(fee.Balance, fee.Kind, await calendar.TodayAsync(fee.StateCode, cancellationToken));
        }
        return fee.Waive(fundId, reason, byUserId, at);
    }

    /// <summary>Tells the person the board's decision on waiving their fee (<paramref name="amount"/> is what was, or would have been, waived), in the caller's unit of work.</summary>
    internal static async Task TellAsync(IRegistryDbContext db, Fee fee, decimal amount, HardshipStatus decision, string reason, DateTimeOffset at, string deduplicationKey,
        CancellationToken cancellationToken)
    {
        var person = await db.People.Where(p => p.Id == fee.PersonId).Select(p => new { p.Email, Name = p.PreferredName ?? p.LegalFirstName }).SingleAsync(cancellationToken);
        if (person.Email is null) return;
        var program = await db.Programs.Where(p => p.Id == fee.ProgramId).Select(p => p.Name).SingleAsync(cancellationToken);
        db.Notifications.Add(Outbox.Message(person.Email, new HardshipDecisionMessage(person.Name, program, fee.Id, Money.Format(amount), decision, reason),
            at, fee.PersonId, deduplicationKey: deduplicationKey));
    }
}
