using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Employers;

namespace Registry.Application.Features.Employers;

/// <summary>Who a presented API key belongs to: a live key of an approved employer, or nobody.</summary>
public static class IdentifyApiKey
{
    [PublicRequest]
    public sealed record Query(string Key) : IRequest<Caller?>;

    public sealed record Caller(Guid KeyId, string KeyName, Guid EmployerId, string EmployerName);

    public sealed class Handler(IRegistryDbContext db) : IRequestHandler<Query, Caller?>
    {
        public async Task<Caller?> Handle(Query query, CancellationToken cancellationToken)
        {
            if (!query.Key.StartsWith(EmployerApiKey.KeyStart, StringComparison.Ordinal) || query.Key.Length > 200) return null;
            var hash = EmployerApiKey.HashOf(query.Key);
            return await db.ApiKeys.AsNoTracking()
                .Where(k => k.KeyHash == hash && k.RevokedAt == null)
                .Join(db.Employers.Where(e => e.Status == EmployerStatus.Approved), k => k.EmployerId, e => e.Id, (k, e) => new Caller(k.Id, k.Name, e.Id, e.Name))
                .SingleOrDefaultAsync(cancellationToken);
        }
    }
}
