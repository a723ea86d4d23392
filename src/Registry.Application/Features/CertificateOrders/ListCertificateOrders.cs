using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Credentials;
using Registry.Domain.People;

namespace Registry.Application.Features.CertificateOrders;

/// <summary>
/// A state's printed-certificate orders in one status (by default those to post), oldest first, with the address each
/// goes to: for the state's staff, and recorded in the audit log as a read of private data (the addresses).
/// </summary>
public static class ListCertificateOrders
{
    public const int Limit = 500;

    [AllowedRoles(Roles.Reviewer, Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Query(string StateCode, CertificateOrderStatus Status = CertificateOrderStatus.ToPost) : IRequest<IReadOnlyList<Row>>, IStateScoped, IAuditedRead
    {
        public string AuditedType => nameof(PrintedCertificateOrder);
        public string? AuditedId => StateCode;
    }

    public sealed record Row(Guid Id, string HolderName, string CredentialNumber, string Program, DateTimeOffset OrderedAt, CertificateOrderStatus Status,
        PostalAddress PostTo, Guid? FeeId, DateTimeOffset? PostedAt);

    public sealed class Handler(IRegistryDbContext db) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            var state = Domain.Jurisdictions.StateCode.Parse(query.StateCode);
            var rows = await (from o in db.PrintedCertificateOrders.AsNoTracking()
                              where o.StateCode == state && o.Status == query.Status
                              join c in db.Credentials on o.CredentialId equals c.Id
                              join p in db.People on o.PersonId equals p.Id
                              join g in db.Programs on c.ProgramId equals g.Id
                              orderby o.OrderedAt, o.Id
                              select new { o.Id, p.LegalFirstName, p.LegalLastName, c.Number, g.Name, o.OrderedAt, o.Status, o.PostTo, o.FeeId, o.PostedAt })
                .Take(Limit).ToListAsync(cancellationToken);
            return rows.Select(r => new Row(r.Id, $"{r.LegalFirstName} {r.LegalLastName}", r.Number.Value, r.Name, r.OrderedAt, r.Status, r.PostTo, r.FeeId, r.PostedAt)).ToList();
        }
    }
}
