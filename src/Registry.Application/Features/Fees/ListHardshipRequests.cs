using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Fees;

namespace Registry.Application.Features.Fees;

/// <summary>
/// A state's hardship waiver requests waiting for a decision, oldest first, with each person's statement: for the
/// state's StateAdmins only, and recorded in the audit log as a read of private data. A request whose fee was paid,
/// waived or cancelled meanwhile waits for nothing any more, so it is left out.
/// </summary>
public static class ListHardshipRequests
{
    [AllowedRoles(Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Query(string StateCode) : IRequest<IReadOnlyList<Row>>, IStateScoped, IAuditedRead
    {
        public string AuditedType => nameof(HardshipRequest);
        public string? AuditedId => StateCode;
    }

    public sealed record Row(Guid Id, Guid FeeId, string PersonName, string Program, FeeKind Kind, decimal Amount, decimal Balance, string Statement, DateTimeOffset RequestedAt);

    public sealed class Handler(IRegistryDbContext db) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            var state = Domain.Jurisdictions.StateCode.Parse(query.StateCode);
            return await (from h in db.HardshipRequests.AsNoTracking()
                          where h.StateCode == state && h.Status == HardshipStatus.Pending
                          join f in db.Fees on h.FeeId equals f.Id
                          where f.Status == FeeStatus.Owed
                          join p in db.People on h.PersonId equals p.Id
                          join g in db.Programs on f.ProgramId equals g.Id
                          orderby h.RequestedAt, h.Id
                          select new Row(h.Id, f.Id, p.LegalFirstName + " " + p.LegalLastName, g.Name, f.Kind, f.Amount, f.Amount - f.PaidAmount, h.Statement, h.RequestedAt))
                .Take(500).ToListAsync(cancellationToken);
        }
    }
}
