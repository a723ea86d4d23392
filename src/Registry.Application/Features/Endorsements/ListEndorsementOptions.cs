using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Applications;
using Registry.Domain.Credentials;

namespace Registry.Application.Features.Endorsements;

/// <summary>
/// For each of the signed-in holder's credentials in force: the program's endorsements the credential does not carry,
/// each with what it asks and the holder's open application for it, if any.
/// </summary>
public static class ListEndorsementOptions
{
    [AllowedRoles(Roles.Applicant)]
    public sealed record Query : IRequest<IReadOnlyList<Option>>;

    public sealed record Option(Guid CredentialId, string Code, string Name, string Description, Guid? OpenApplicationId);

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user) : IRequestHandler<Query, IReadOnlyList<Option>>
    {
        public async Task<IReadOnlyList<Option>> Handle(Query query, CancellationToken cancellationToken)
        {
            var personId = user.PersonId;
            var credentials = await db.Credentials.AsNoTracking().Include(c => c.Endorsements)
                .Where(c => c.HolderPersonId == personId && (c.Status == CredentialStatus.Active || c.Status == CredentialStatus.Probation))
                .ToListAsync(cancellationToken);
            var programIds = credentials.Select(c => c.ProgramId).Distinct().ToList();
            var programs = await db.Programs.AsNoTracking().Where(p => programIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
            var open = ApplicationStatusRules.OpenStatuses;
            var applications = await db.Applications.AsNoTracking()
                .Where(a => a.PersonId == personId && a.Type == ApplicationType.Endorsement && open.Contains(a.Status))
                .Select(a => new { a.Id, a.CredentialId, a.EndorsementCode })
                .ToListAsync(cancellationToken);
            return credentials
                .SelectMany(c => programs[c.ProgramId].Requirements.Endorsements.Where(e => !c.HasEndorsement(e.Code))
                    .Select(e => new Option(c.Id, e.Code, e.Name, e.Description,
                        applications.FirstOrDefault(a => a.CredentialId == c.Id && a.EndorsementCode == e.Code)?.Id)))
                .ToList();
        }
    }
}
