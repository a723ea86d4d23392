using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Jurisdictions;
using Registry.Domain.People;

namespace Registry.Application.Features.Workforce;

/// <summary>
/// Every credential of a state with its public fields (the holder's NPI among them, and the codes of the endorsements it carries, not withdrawn) and the holder's contact details, for the state's staff.
/// The rows stream from the database (no tracking, <see cref="IStreamedReads"/>: enumerated inside its read), so a
/// roster of any size is never held in memory.
/// </summary>
public static class ExportRoster
{
    [AllowedRoles(Roles.Reviewer, Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Query(string StateCode) : IRequest<IAsyncEnumerable<Row>>, IStateScoped, IAuditedRead
    {
        string IAuditedRead.AuditedType => "Roster";
        string? IAuditedRead.AuditedId => StateCode.ToUpperInvariant();
    }

    public sealed record Row(string Number, string Program, string Status, DateOnly IssuedOn, DateOnly ExpiresOn,
        string LegalFirstName, string LegalLastName, string? PreferredName, string? Email, string? Phone, string? Npi, string? NpiTaxonomy,
        IReadOnlyList<string> Endorsements);

    public static readonly IReadOnlyList<string> Headers =
        ["Credential number", "Program", "Status", "Issued", "Expires", "Legal first name", "Legal last name", "Preferred name", "E-mail", "Phone", "NPI", "NPI taxonomy", "Endorsements"];

    public sealed class Handler(IRegistryDbContext db, IStreamedReads reads) : IRequestHandler<Query, IAsyncEnumerable<Row>>
    {
        public Task<IAsyncEnumerable<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            var state = Domain.Jurisdictions.StateCode.Parse(query.StateCode);
            var rows = db.Credentials.AsNoTracking()
                .Where(c => c.StateCode == state)
                .Join(db.People, c => c.HolderPersonId, p => p.Id, (c, p) => new { c, p })
                .Join(db.Programs, x => x.c.ProgramId, g => g.Id, (x, g) => new { x.c, x.p, ProgramCode = g.Code })
                .OrderBy(x => x.c.Number)
                .Select(x => new Row(x.c.Number.Value, x.ProgramCode, x.c.Status.ToString(), x.c.IssuedOn, x.c.ExpiresOn,
                    x.p.LegalFirstName, x.p.LegalLastName, x.p.PreferredName, x.p.Email, x.p.Phone,
                    x.p.Npi, x.p.Npi != null && x.p.NpiHasPeerSpecialistTaxonomy ? Npi.PeerSpecialistTaxonomy : null,
                    x.c.Endorsements.Where(e => e.WithdrawnOn == null).OrderBy(e => e.Code).Select(e => e.Code).ToList()));
            return Task.FromResult(reads.Rows(rows));
        }
    }
}
