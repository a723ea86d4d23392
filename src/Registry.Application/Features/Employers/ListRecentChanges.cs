using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Credentials;

namespace Registry.Application.Features.Employers;

/// <summary>What changed on the organisation's watched credentials, newest first: the same changes its e-mails told of.</summary>
public static class ListRecentChanges
{
    public const int PageSize = 50;

    [AllowedRoles(Roles.Employer)]
    public sealed record Query(int Page = 1) : IRequest<Results>;

    public sealed record Row(string CredentialNumber, string HolderName, CredentialEventKind Change, CredentialStatus Status, DateOnly EffectiveOn, DateTimeOffset NotifiedAt);

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
            var alerts = db.WatchAlerts.AsNoTracking().Where(a => a.EmployerId == employerId);
            var total = await alerts.CountAsync(cancellationToken);
            var rows = await alerts.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.EffectiveOn)
                .Skip((page - 1) * PageSize).Take(PageSize)
                .Join(db.Credentials, a => a.CredentialId, c => c.Id, (a, c) => new { a, c.Number, c.HolderPersonId })
                .Join(db.People, x => x.HolderPersonId, p => p.Id, (x, p) => new { x.a.Kind, x.a.Status, x.a.EffectiveOn, x.a.CreatedAt, x.Number, p.LegalFirstName, p.LegalLastName })
                .ToListAsync(cancellationToken);
            return new Results(rows.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.EffectiveOn)
                    .Select(r => new Row(r.Number.Value, $"{r.LegalFirstName} {r.LegalLastName}", r.Kind, r.Status, r.EffectiveOn, r.CreatedAt)).ToList(),
                page, total);
        }
    }
}
