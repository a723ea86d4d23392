using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Behaviours;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Domain.Claims;
using Registry.Domain.Common;

namespace Registry.Application.Features.Claims;

/// <summary>
/// Staff make a one-time code for a holder without an account (typically one without an e-mail), to give them by phone
/// or letter. The code is answered once and kept only as a hash; it replaces any earlier code for the same person.
/// </summary>
public static class CreateClaimCode
{
    [AllowedRoles(Roles.Reviewer, Roles.StateAdmin)]
    public sealed record Command(Guid CredentialId) : ICommand<Issued>, ICredentialScoped;

    public sealed record Issued(string Code, DateTimeOffset ExpiresAt);

    public sealed class Handler(IRegistryDbContext db, IIdentityService identity, ICurrentUser user, TimeProvider clock, RequestScope scope)
        : IRequestHandler<Command, Issued>
    {
        public async Task<Issued> Handle(Command command, CancellationToken cancellationToken)
        {
            var credential = await db.Credentials.AsNoTracking().Where(c => c.Id == command.CredentialId)
                .Select(c => new { c.Id, c.HolderPersonId, c.StateCode }).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Credential", command.CredentialId);
            scope.StateCode = credential.StateCode;
            if (await UnclaimedRecords.HasAccountAsync(identity, credential.HolderPersonId, cancellationToken))
                throw new DomainRuleException("The holder already has an account: they sign in, or reset their password if they have forgotten it.");

            var now = clock.GetUtcNow();
            var earlier = await db.RecordClaims.Where(c => c.PersonId == credential.HolderPersonId && c.Kind == ClaimKind.Code && c.UsedAt == null && c.ReplacedAt == null)
                .ToListAsync(cancellationToken);
            foreach (var code in earlier) code.Replace(now);
            var claim = RecordClaim.IssueCode(credential.HolderPersonId, credential.Id, credential.StateCode, user.UserId!.Value, now, out var secret);
            db.RecordClaims.Add(claim);
            return new Issued(secret, claim.ExpiresAt);
        }
    }
}
