using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Credentials;
using Registry.Domain.Fees;

namespace Registry.Application.Features.CertificateOrders;

/// <summary>
/// What a holder can order and has ordered: each active credential with the fee its program charges for a printed
/// certificate (none when free) and its open order if any; and their orders, newest first.
/// </summary>
public static class ListMyCertificateOrders
{
    [AllowedRoles(Roles.Applicant)]
    public sealed record Query : IRequest<Model>;

    public sealed record Model(IReadOnlyList<Option> Credentials, IReadOnlyList<Row> Orders, bool HasMailingAddress);

    /// <param name="Fee">What the program charges for a printed certificate; null when it charges nothing.</param>
    public sealed record Option(string CredentialNumber, string Program, decimal? Fee, Guid? OpenOrderId);

    public sealed record Row(Guid Id, string CredentialNumber, DateTimeOffset OrderedAt, CertificateOrderStatus Status, Guid? FeeId, DateTimeOffset? PostedAt);

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user) : IRequestHandler<Query, Model>
    {
        public async Task<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            var orders = (await (from o in db.PrintedCertificateOrders.AsNoTracking()
                                 where o.PersonId == user.PersonId
                                 join c in db.Credentials on o.CredentialId equals c.Id
                                 orderby o.OrderedAt descending
                                 select new { o.Id, c.Number, o.OrderedAt, o.Status, o.FeeId, o.PostedAt })
                    .Take(100).ToListAsync(cancellationToken))
                .Select(r => new Row(r.Id, r.Number.Value, r.OrderedAt, r.Status, r.FeeId, r.PostedAt)).ToList();
            var active = await (from c in db.Credentials.AsNoTracking()
                                where c.HolderPersonId == user.PersonId && c.Status == CredentialStatus.Active
                                join g in db.Programs on c.ProgramId equals g.Id
                                orderby c.IssuedOn
                                select new { c.Number, Program = g.Name, g.Requirements }).ToListAsync(cancellationToken);
            var options = active.Select(c =>
            {
                var quote = c.Requirements.QuoteFee(FeeKind.ReplacementCertificate, holdsPeerCredential: false, militaryOrVeteran: false);
                var open = orders.FirstOrDefault(o => o.CredentialNumber == c.Number.Value && o.Status is CertificateOrderStatus.AwaitingFee or CertificateOrderStatus.ToPost);
                return new Option(c.Number.Value, c.Program, quote.IsFree ? null : quote.Amount, open?.Id);
            }).ToList();
            var hasAddress = await db.People.AnyAsync(p => p.Id == user.PersonId && p.MailingAddress != null, cancellationToken);
            return new Model(options, orders, hasAddress);
        }
    }
}
