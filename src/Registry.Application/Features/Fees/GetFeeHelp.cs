using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Employers;
using Registry.Domain.Fees;

namespace Registry.Application.Features.Fees;

/// <summary>
/// A fee as the pages that help pay it show it: what it is for, what is still owed, whether a waiver request is waiting,
/// the employer it is invoiced to, and the approved employers of its state the person could ask.
/// </summary>
public static class GetFeeHelp
{
    [AllowedRoles(Roles.Applicant, Roles.Employer)]
    public sealed record Query(Guid FeeId) : IRequest<Model>;

    public sealed record Model(Guid FeeId, string Program, string StateCode, FeeKind Kind, decimal Amount, decimal Balance, FeeStatus Status,
        HardshipStatus? Hardship, string? InvoicedTo, IReadOnlyList<EmployerChoice> Employers);

    public sealed record EmployerChoice(Guid Id, string Name);

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user) : IRequestHandler<Query, Model>
    {
        public async Task<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            var fee = await FeeHelp.PayersFeeAsync(db, user, query.FeeId, invoicedEmployer: true, cancellationToken);
            var program = await db.Programs.AsNoTracking().Where(p => p.Id == fee.ProgramId).Select(p => p.Name).SingleAsync(cancellationToken);
            var hardship = await db.HardshipRequests.AsNoTracking().Where(h => h.FeeId == fee.Id).OrderByDescending(h => h.RequestedAt)
                .Select(h => (HardshipStatus?)h.Status).FirstOrDefaultAsync(cancellationToken);
            var employers = await db.Employers.AsNoTracking().Where(e => e.StateCode == fee.StateCode && e.Status == EmployerStatus.Approved)
                .OrderBy(e => e.Name).Select(e => new EmployerChoice(e.Id, e.Name)).Take(500).ToListAsync(cancellationToken);
            var invoicedTo = fee.EmployerId is { } id ? employers.FirstOrDefault(e => e.Id == id)?.Name
                ?? await db.Employers.Where(e => e.Id == id).Select(e => e.Name).SingleAsync(cancellationToken) : null;
            return new Model(fee.Id, program, fee.StateCode.ToString(), fee.Kind, fee.Amount, fee.Balance, fee.Status, hardship, invoicedTo,
                user.IsInRole(Roles.Applicant) && user.PersonId == fee.PersonId ? employers : []);
        }
    }
}
