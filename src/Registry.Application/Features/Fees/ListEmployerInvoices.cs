using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Application.Features.Employers;
using Registry.Domain.Fees;

namespace Registry.Application.Features.Fees;

/// <summary>
/// The fees people asked the sender's organisation to pay, owed ones first: who, for which program and kind, the amount,
/// what is still owed and the status. Nothing private (no statement, no contact details).
/// </summary>
public static class ListEmployerInvoices
{
    [AllowedRoles(Roles.Employer)]
    public sealed record Query : IRequest<IReadOnlyList<Invoice>>;

    public sealed record Invoice(Guid FeeId, string PersonName, string Program, string StateCode, FeeKind Kind, decimal Amount, decimal Balance, FeeStatus Status, DateTimeOffset OwedAt);

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user) : IRequestHandler<Query, IReadOnlyList<Invoice>>
    {
        public async Task<IReadOnlyList<Invoice>> Handle(Query query, CancellationToken cancellationToken)
        {
            var employerId = EmployerAccess.EmployerIdOf(user);
            var rows = await (from f in db.Fees.AsNoTracking()
                              where f.EmployerId == employerId
                              join p in db.People on f.PersonId equals p.Id
                              join g in db.Programs on f.ProgramId equals g.Id
                              orderby f.OwedAt descending, f.Id
                              select new { f.Id, p.LegalFirstName, p.LegalLastName, Program = g.Name, f.StateCode, f.Kind, f.Amount, f.PaidAmount, f.Status, f.OwedAt })
                .Take(1000).ToListAsync(cancellationToken);
            return rows.Select(r => new Invoice(r.Id, $"{r.LegalFirstName} {r.LegalLastName}", r.Program, r.StateCode.ToString(), r.Kind, r.Amount,
                    r.Status == FeeStatus.Owed ? r.Amount - r.PaidAmount : 0m, r.Status, r.OwedAt))
                .OrderBy(i => i.Status == FeeStatus.Owed ? 0 : 1).ToList();
        }
    }
}
