using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Employers;

namespace Registry.Application.Features.Employers;

/// <summary>The signed-in employer user's organisation, if the registry has approved it; null while it waits or after refusal.</summary>
public static class FindApprovedEmployer
{
    [AllowedRoles(Roles.Employer)]
    public sealed record Query : IRequest<Guid?>;

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user) : IRequestHandler<Query, Guid?>
    {
        public async Task<Guid?> Handle(Query query, CancellationToken cancellationToken) =>
            user.EmployerId is { } id && await db.Employers.AnyAsync(e => e.Id == id && e.Status == EmployerStatus.Approved, cancellationToken) ? id : null;
    }
}
