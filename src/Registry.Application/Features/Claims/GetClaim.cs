using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Claims;

namespace Registry.Application.Features.Claims;

/// <summary>
/// What an invitation link is for, shown on the claim page: the holder's public name, credential number and program
/// (what the public register shows anyway), and whether the state asks for the date of birth. Null for a link that no longer works.
/// </summary>
public static class GetClaim
{
    [PublicRequest]
    public sealed record Query(string Token) : IRequest<Model?>;

    public sealed record Model(string Name, string Number, string Program, string State, bool AsksDateOfBirth);

    public sealed class Handler(IRegistryDbContext db, TimeProvider clock) : IRequestHandler<Query, Model?>
    {
        public async Task<Model?> Handle(Query query, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(query.Token)) return null;
            var hash = RecordClaim.HashOf(ClaimKind.Invitation, query.Token);
            var claim = await db.RecordClaims.AsNoTracking().SingleOrDefaultAsync(c => c.Kind == ClaimKind.Invitation && c.TokenHash == hash, cancellationToken);
            if (claim is null || !claim.IsUsable(clock.GetUtcNow())) return null;
            return await (
                from credential in db.Credentials
                where credential.Id == claim.CredentialId
                join person in db.People on credential.HolderPersonId equals person.Id
                join program in db.Programs on credential.ProgramId equals program.Id
                join state in db.Jurisdictions on credential.StateCode equals state.Code
                select new Model(person.LegalFirstName + " " + person.LegalLastName, credential.Number.Value, program.Name, state.Name, state.ClaimRequiresDateOfBirth))
                .SingleAsync(cancellationToken);
        }
    }
}
