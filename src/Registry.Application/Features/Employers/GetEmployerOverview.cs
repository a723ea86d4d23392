using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Employers;

namespace Registry.Application.Features.Employers;

/// <summary>The signed-in employer user's organisation and what it has set up.</summary>
public static class GetEmployerOverview
{
    [AllowedRoles(Roles.Employer)]
    public sealed record Query : IRequest<Model>;

    public sealed record Model(Guid Id, string Name, string ContactEmail, string State, EmployerStatus Status, int LiveKeys, int Watched, int Changes);

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user) : IRequestHandler<Query, Model>
    {
        public async Task<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            var id = EmployerAccess.EmployerIdOf(user);
            var employer = await db.Employers.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw new NotFoundException("Employer", id);
            var keys = await db.ApiKeys.CountAsync(k => k.EmployerId == id && k.RevokedAt == null, cancellationToken);
            var watched = await db.WatchedCredentials.CountAsync(w => w.EmployerId == id, cancellationToken);
            var changes = await db.WatchAlerts.CountAsync(a => a.EmployerId == id, cancellationToken);
            return new Model(employer.Id, employer.Name, employer.ContactEmail, employer.StateCode.Value, employer.Status, keys, watched, changes);
        }
    }
}
