using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Domain.Common;
using Registry.Domain.Credentials;
using Registry.Domain.Fees;

namespace Registry.Application.Features.CertificateOrders;

/// <summary>
/// A holder orders a printed certificate by post, to the mailing address on their profile (kept with the order). When
/// the program charges a replacement-certificate fee, the fee is owed now and the order waits for it
/// (<see cref="PostWhenFeeSettled"/>); otherwise it goes straight to the board's list to post. One open order per credential.
/// </summary>
public static class OrderPrintedCertificate
{
    [AllowedRoles(Roles.Applicant)]
    public sealed record Command(string CredentialNumber) : ICommand<Ordered>;

    /// <summary>The order, and the fee it waits for (null when the program charges nothing for it).</summary>
    public sealed record Ordered(Guid OrderId, CertificateOrderStatus Status, Guid? FeeId, decimal? Amount);

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<Command, Ordered>
    {
        public async Task<Ordered> Handle(Command command, CancellationToken cancellationToken)
        {
            var credential = (Domain.Credentials.CredentialNumber.TryParse(command.CredentialNumber, out var number)
                    ? await db.Credentials.AsNoTracking().SingleOrDefaultAsync(c => c.Number == number && c.HolderPersonId == user.PersonId, cancellationToken)
                    : null)
                ?? throw new NotFoundException("Credential", command.CredentialNumber);
            if (await db.PrintedCertificateOrders.AnyAsync(o => o.CredentialId == credential.Id
                    && (o.Status == CertificateOrderStatus.AwaitingFee || o.Status == CertificateOrderStatus.ToPost), cancellationToken))
                throw new DomainRuleException("A printed certificate for this credential is already ordered; the board posts it once, and tells you.");
            var address = await db.People.AsNoTracking().Where(p => p.Id == credential.HolderPersonId).Select(p => p.MailingAddress).SingleAsync(cancellationToken)
                ?? throw new DomainRuleException("Add your mailing address to your profile first: the certificate is posted there.");
            var program = await db.Programs.AsNoTracking().SingleAsync(p => p.Id == credential.ProgramId, cancellationToken);
            var quote = program.Requirements.QuoteFee(FeeKind.ReplacementCertificate, holdsPeerCredential: false, militaryOrVeteran: false);

            var at = clock.GetUtcNow();
            var order = new PrintedCertificateOrder(credential, address, feeOwed: !quote.IsFree, at);
            db.PrintedCertificateOrders.Add(order);
            if (quote.IsFree) return new Ordered(order.Id, order.Status, null, null);
            var fee = Fee.Owe(program.StateCode, program.Id, credential.HolderPersonId, quote, program.RequirementsVersion, at, credentialId: credential.Id);
            db.Fees.Add(fee);
            order.ChargedBy(fee.Id);
            return new Ordered(order.Id, order.Status, fee.Id, fee.Amount);
        }
    }
}
