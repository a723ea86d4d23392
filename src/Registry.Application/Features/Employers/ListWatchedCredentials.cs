using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Credentials;

namespace Registry.Application.Features.Employers;

/// <summary>The organisation's watch-list, a page at a time, with each credential's public status now.</summary>
public static class ListWatchedCredentials
{
    public const int PageSize = 50;

    [AllowedRoles(Roles.Employer)]
    public sealed record Query(int Page = 1) : IRequest<Results>;

    public sealed record Row(Guid CredentialId, string CredentialNumber, string HolderName, string State, CredentialStatus Status, DateOnly ExpiresOn, DateTimeOffset AddedAt);

    public sealed record Results(IReadOnlyList<Row> Items, int Page, int TotalCount)
    {
        public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
    }

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user) : IRequestHandler<Query, Results>
    {
        public async Task<Results> Handle(Query query, CancellationToken cancellationToken)
        {
            var employerId = EmployerAccess.EmployerIdOf(user);
            var page = Math.Max(1, query.Page);
            var watched = db.WatchedCredentials.AsNoTracking().Where(w => w.EmployerId == employerId)
                .Join(db.Credentials, w => w.CredentialId, c => c.Id, (w, c) => new { w, c })
                .Join(db.People, x => x.c.HolderPersonId, p => p.Id, (x, p) => new
                    { x.c.Id, x.c.Number, p.LegalFirstName, p.LegalLastName, x.c.StateCode, x.c.Status, x.c.ExpiresOn, x.w.AddedAt });
            var total = await watched.CountAsync(cancellationToken);
            var rows = await watched.OrderBy(x => x.LegalLastName).ThenBy(x => x.LegalFirstName).ThenBy(x => x.Number)
                .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
            return new Results(rows.Select(r => new Row(r.Id, r.Number.Value, $"{r.LegalFirstName} {r.LegalLastName}", r.StateCode.Value, r.Status, r.ExpiresOn, r.AddedAt)).ToList(),
                page, total);
        }
    }
}
