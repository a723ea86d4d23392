using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Employers;

namespace Registry.Application.Features.Employers;

/// <summary>Where a submitted roster stands. Only its organisation sees it (another's id is not found), until it expires.</summary>
public static class GetRosterVerification
{
    [AllowedRoles(Roles.Employer)]
    public sealed record Query(Guid Id) : IRequest<Model>;

    public sealed record Model(Guid Id, RosterVerificationStatus Status, string FileName, int? Rows, int? Matched, string? Problem,
        DateTimeOffset SubmittedAt, DateTimeOffset? CompletedAt, DateTimeOffset ExpiresAt);

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<Query, Model>
    {
        public async Task<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            var employerId = EmployerAccess.EmployerIdOf(user);
            var now = clock.GetUtcNow();
            return await db.RosterVerifications.AsNoTracking()
                    .Where(r => r.Id == query.Id && r.EmployerId == employerId && r.ExpiresAt > now)
                    .Select(r => new Model(r.Id, r.Status, r.FileName, r.Rows, r.Matched, r.Problem, r.SubmittedAt, r.CompletedAt, r.ExpiresAt))
                    .SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Roster verification", query.Id);
        }
    }
}
