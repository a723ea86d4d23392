using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Employers;

namespace Registry.Application.Features.Employers;

/// <summary>The organisation's keys (names, prefixes, dates; never the keys themselves).</summary>
public static class ListApiKeys
{
    [AllowedRoles(Roles.Employer)]
    public sealed record Query : IRequest<IReadOnlyList<Row>>;

    public sealed record Row(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            var employerId = EmployerAccess.EmployerIdOf(user);
            var keys = await db.ApiKeys.AsNoTracking().Where(k => k.EmployerId == employerId).ToListAsync(cancellationToken);
            return keys.OrderBy(k => k.RevokedAt is not null).ThenByDescending(k => k.CreatedAt)
                .Select(k => new Row(k.Id, k.Name, EmployerApiKey.KeyStart + k.Prefix + "…", k.CreatedAt, k.RevokedAt)).ToList();
        }
    }
}
