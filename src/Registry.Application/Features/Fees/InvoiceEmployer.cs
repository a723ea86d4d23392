using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Domain.Common;
using Registry.Domain.Employers;

namespace Registry.Application.Features.Fees;

/// <summary>
/// The person who owes a fee asks an approved employer of the fee's state to pay it: the employer's users then see it
/// among their invoices and can pay it online. The person may still pay it themselves.
/// </summary>
public static class InvoiceEmployer
{
    [AllowedRoles(Roles.Applicant)]
    public sealed record Command : ICommand<Guid>
    {
        public Guid FeeId { get; init; }
        public Guid EmployerId { get; init; }
    }

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user) : IRequestHandler<Command, Guid>
    {
        public async Task<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var fee = await FeeHelp.PayersFeeAsync(db, user, command.FeeId, invoicedEmployer: false, cancellationToken);
            var approved = await db.Employers.AnyAsync(e => e.Id == command.EmployerId && e.StateCode == fee.StateCode && e.Status == EmployerStatus.Approved, cancellationToken);
            if (!approved) throw new DomainRuleException("Choose one of the approved employers of the state the fee is owed to.");
            fee.InvoiceTo(command.EmployerId);
            return fee.Id;
        }
    }
}
