using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Registry.Application.Common.Behaviours;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Application.Common.Time;
using Registry.Domain.Common;
using Registry.Domain.Fees;

namespace Registry.Application.Features.Fees;

/// <summary>
/// Staff record a cheque or money order the board received towards a fee: the whole balance settles it (and sends a
/// waiting application to review), less leaves the rest owed, more is refused. Reviewers open the post with the
/// applications it brings, so they record payments as StateAdmins do (like paper renewals).
/// </summary>
public static class RecordOfflinePayment
{
    [AllowedRoles(Roles.Reviewer, Roles.StateAdmin)]
    public sealed record Command : ICommand<Recorded>
    {
        public Guid FeeId { get; init; }
        [JsonRequired] public PaymentMethod Method { get; init; }
        public Payer Payer { get; init; } = Payer.Person;
        public decimal Amount { get; init; }

        /// <summary>The cheque or money order number.</summary>
        public string Reference { get; init; } = "";

        /// <summary>The day the board received it, in the state's calendar; not in the future.</summary>
        [JsonRequired] public DateOnly ReceivedOn { get; init; }
    }

    public sealed record Recorded(Guid PaymentId, string ReceiptNumber, decimal Balance, FeeStatus Status);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Method).Must(m => m is PaymentMethod.Cheque or PaymentMethod.MoneyOrder)
                .WithMessage("Staff record a cheque or a money order; card payments come from the payment provider and vouchers from their codes.");
            RuleFor(c => c.Payer).Must(p => p is Payer.Person or Payer.Employer).WithMessage("Say whether the person or their employer paid.");
            RuleFor(c => c.Amount).MoneyAmount("The amount");
            RuleFor(c => c.Reference).NotEmpty().WithMessage("Enter the cheque or money order number.").MaximumLength(Fee.ReferenceMaxLength);
            RuleFor(c => c.ReceivedOn).NotEqual(default(DateOnly)).WithMessage("Enter the day the payment was received.");
        }
    }

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, RequestScope scope, TimeProvider clock, IRegistryCalendar calendar)
        : IRequestHandler<Command, Recorded>
    {
        public async Task<Recorded> Handle(Command command, CancellationToken cancellationToken)
        {
            var fee = await FeeOffice.LoadForStaffAsync(db, user, scope, command.FeeId, cancellationToken);
            var today = await calendar.TodayAsync(fee.StateCode, cancellationToken);
            if (command.ReceivedOn > today)
                throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure(nameof(Command.ReceivedOn),
                    $"The day received cannot be after today ({today:d MMMM yyyy} in {fee.StateCode.Value}).")]);
            if (command.Payer == Payer.Employer && fee.EmployerId is null)
                throw new DomainRuleException("This fee is not invoiced to an employer: record the payment as the person's.");
            var payment = fee.RecordPayment(command.Amount, command.Method, command.Payer, command.Reference, command.ReceivedOn, clock.GetUtcNow(), user.UserId);
            return new Recorded(payment.Id, FeeOffice.ReceiptNumber(fee.StateCode, payment.ReceivedOn, payment.Id), fee.Balance, fee.Status);
        }
    }
}
