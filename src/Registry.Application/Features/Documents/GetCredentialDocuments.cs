using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messages;
using Registry.Application.Common.Security;
using Registry.Application.Features.Jurisdictions;
using Registry.Domain.Credentials;

namespace Registry.Application.Features.Documents;

/// <summary>
/// What a credential's certificate and wallet card show, for its holder or staff of its state; only for an active
/// credential (any other is refused with a conflict: a certificate would say more than is true). Only what the public
/// record shows is here, never anything private; each download is recorded in the access log.
/// </summary>
public static class GetCredentialDocuments
{
    [AllowedRoles(Roles.Applicant, Roles.Reviewer, Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Query(Guid CredentialId) : IRequest<Model>, ICredentialScoped, IAuditedRead
    {
        string IAuditedRead.AuditedType => "CredentialDocument";
        string? IAuditedRead.AuditedId => CredentialId.ToString();
    }

    /// <param name="Endorsements">Endorsements printed under the program; none exist yet, and an empty list prints nothing.</param>
    /// <param name="Edition">The <see cref="CredentialEdition"/> of exactly these fields.</param>
    public sealed record Model(Guid CredentialId, string HolderName, string Number, string ProgramName, string StateName, DateOnly IssuedOn, DateOnly ExpiresOn,
        IReadOnlyList<string> Endorsements, BoardContactDetails Board, string Edition);

    public sealed class Handler(IRegistryDbContext db) : IRequestHandler<Query, Model>
    {
        public async Task<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            var found = await db.Credentials.AsNoTracking().Where(c => c.Id == query.CredentialId)
                .Join(db.People, c => c.HolderPersonId, p => p.Id, (c, p) => new { c, p.LegalFirstName, p.LegalLastName })
                .Join(db.Programs, x => x.c.ProgramId, p => p.Id, (x, p) => new { x.c, x.LegalFirstName, x.LegalLastName, ProgramName = p.Name })
                .Join(db.Jurisdictions, x => x.c.StateCode, j => j.Code, (x, j) => new
                {
                    x.c.Number, x.c.Status, x.c.StateCode, x.c.IssuedOn, x.c.ExpiresOn, x.LegalFirstName, x.LegalLastName, x.ProgramName, StateName = j.Name,
                })
                .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Credential", query.CredentialId);
            if (found.Status != CredentialStatus.Active)
                throw new ConflictException($"Credential {found.Number.Value} is not active, so it has no certificate or wallet card. " +
                    "Its public record shows its status today.");

            var board = await BoardContacts.OfStateAsync(db, found.StateCode, cancellationToken) ?? throw new NotFoundException("State", found.StateCode.Value);
            // The name as the public record shows it, so the live record and the printed copy say the same.
            var holder = $"{found.LegalFirstName} {found.LegalLastName}";
            IReadOnlyList<string> endorsements = [];
            return new Model(query.CredentialId, holder, found.Number.Value, found.ProgramName, found.StateName, found.IssuedOn, found.ExpiresOn, endorsements, board,
                CredentialEdition.Of(holder, found.Number.Value, found.ProgramName, found.StateName, found.IssuedOn, found.ExpiresOn, endorsements));
        }
    }
}
