using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messages;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Domain.Common;
using Registry.Domain.Fees;

namespace Registry.Application.Features.Fees;

/// <summary>
/// Opens the payment provider's hosted checkout for what is still owed on a fee: the person who owes it, or the employer
/// it is invoiced to, pays on the provider's page. Staff do not pay for people. The payment is recorded only when the
/// provider's signed webhook says so (<see cref="ApplyPaymentEvent"/>), never from the person's return.
/// </summary>
public static class OpenCheckout
{
    [AllowedRoles(Roles.Applicant, Roles.Employer)]
    public sealed record Command(Guid FeeId) : ICommand<Opened>;

    /// <summary>The checkout's id (its return page is /Fees/Paid/{checkoutId}) and the provider's page to send the payer to.</summary>
    public sealed record Opened(Guid CheckoutId, string PaymentUrl);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.FeeId).NotEmpty();
    }

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, IPaymentProviders providers, MessageLinks links, TimeProvider clock)
        : IRequestHandler<Command, Opened>
    {
        public async Task<Opened> Handle(Command command, CancellationToken cancellationToken)
        {
            var fee = await db.Fees.SingleOrDefaultAsync(f => f.Id == command.FeeId, cancellationToken);
            // Someone else's fee is not found: even that it exists is private.
            if (fee is null || !MayPay(fee, user)) throw new NotFoundException("Fee", command.FeeId);
            var provider = providers.Configured
                ?? throw new DomainRuleException("Online payment is not offered here. Pay by cheque or money order, with a voucher, or ask for a hardship waiver.");
            if (fee.Status != FeeStatus.Owed)
                throw new DomainRuleException($"This fee is {fee.Status.ToString().ToLowerInvariant()}, so there is nothing to pay.");

            var checkoutId = Guid.CreateVersion7();
            var opened = await provider.CreateCheckoutAsync(new CheckoutRequest(checkoutId, fee.Id, fee.StateCode.Value, Money.ToCents(fee.Balance),
                $"Peer specialist certification fee ({fee.StateCode.Value})",
                user.IsInRole(Roles.Employer) ? Payer.Employer : Payer.Person, links.To($"/Fees/Paid/{checkoutId}"), links.To($"/Fees/Fee/{fee.Id}")), cancellationToken);
            db.PaymentCheckouts.Add(new PaymentCheckout(checkoutId, fee, provider.Name, opened.SessionId, opened.PaymentUrl,
                user.UserId ?? throw new UnauthenticatedException(), clock.GetUtcNow()));
            return new Opened(checkoutId, opened.PaymentUrl);
        }

        internal static bool MayPay(Fee fee, ICurrentUser user) =>
            (user.PersonId is { } person && user.IsInRole(Roles.Applicant) && fee.PersonId == person)
            || (user.EmployerId is { } employer && user.IsInRole(Roles.Employer) && fee.EmployerId == employer);
    }
}
