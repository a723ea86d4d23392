using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Credentials;

namespace Registry.Application.Features.Discipline;

/// <summary>Staff find a credential of their state by number or by the holder's last name.</summary>
public static class FindCredentials
{
    [AllowedRoles(Roles.Reviewer, Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Query(string StateCode, string? Search) : IRequest<IReadOnlyList<Row>>, IStateScoped;

    public sealed record Row(Guid Id, string Number, string HolderName, CredentialStatus Status, DateOnly ExpiresOn);

    public sealed class Handler(IRegistryDbContext db) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            var state = Domain.Jurisdictions.StateCode.Parse(query.StateCode);
            var search = query.Search?.Trim() ?? "";
            var credentials = db.Credentials.AsNoTracking().Where(c => c.StateCode == state)
                .Join(db.People, c => c.HolderPersonId, p => p.Id, (c, p) => new { c.Id, c.Number, p.LegalFirstName, p.LegalLastName, c.Status, c.ExpiresOn });
            if (CredentialNumber.TryParse(search, out var number))
                credentials = credentials.Where(c => c.Number == number);
            else if (search.Length > 0)
                credentials = credentials.Where(c => c.LegalLastName.StartsWith(search));
            var rows = await credentials.OrderBy(c => c.LegalLastName).ThenBy(c => c.LegalFirstName).Take(100).ToListAsync(cancellationToken);
            return rows.Select(c => new Row(c.Id, c.Number.Value, $"{c.LegalFirstName} {c.LegalLastName}", c.Status, c.ExpiresOn)).ToList();
        }
    }
}
