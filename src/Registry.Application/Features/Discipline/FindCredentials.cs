using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Paging;
using Registry.Application.Common.Security;
using Registry.Domain.Credentials;

namespace Registry.Application.Features.Discipline;

/// <summary>Staff find a credential of their state by number or by the holder's last name, a page at a time, by name.</summary>
public static class FindCredentials
{
    [AllowedRoles(Roles.Reviewer, Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Query(string StateCode, string? Search) : IRequest<CursorPage<Row>>, IStateScoped
    {
        public string? Cursor { get; init; }
        public int Limit { get; init; } = Common.Paging.Cursor.DefaultLimit;
    }

    public sealed record Row(Guid Id, string CredentialNumber, string HolderName, CredentialStatus Status, DateOnly ExpiresOn);

    /// <summary>Where a page ended: the holder's names and the credential's id (one person may hold several).</summary>
    public sealed record Key(string LastName, string FirstName, Guid Id);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Search).MaximumLength(100);
            RuleFor(q => q.Limit).WithinPageLimit().OverridePropertyName("limit");
        }
    }

    public sealed class Handler(IRegistryDbContext db) : IRequestHandler<Query, CursorPage<Row>>
    {
        public async Task<CursorPage<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            var after = Cursor.Decode<Key>(query.Cursor);
            var state = Domain.Jurisdictions.StateCode.Parse(query.StateCode);
            var search = query.Search?.Trim() ?? "";
            var credentials = db.Credentials.AsNoTracking().Where(c => c.StateCode == state)
                .Join(db.People, c => c.HolderPersonId, p => p.Id, (c, p) => new { c.Id, c.Number, p.LegalFirstName, p.LegalLastName, c.Status, c.ExpiresOn });
            if (CredentialNumber.TryParse(search, out var number))
                credentials = credentials.Where(c => c.Number == number);
            else if (search.Length > 0)
                credentials = credentials.Where(c => c.LegalLastName.StartsWith(search));
            if (after is not null)
                credentials = credentials.Where(c => string.Compare(c.LegalLastName, after.LastName) > 0
                    || (c.LegalLastName == after.LastName && (string.Compare(c.LegalFirstName, after.FirstName) > 0
                        || (c.LegalFirstName == after.FirstName && c.Id.CompareTo(after.Id) > 0))));
            var rows = await credentials
                .OrderBy(c => c.LegalLastName).ThenBy(c => c.LegalFirstName).ThenBy(c => c.Id)
                .Take(query.Limit + 1)
                .ToListAsync(cancellationToken);
            return Cursor.Page(rows, query.Limit, c => new Key(c.LegalLastName, c.LegalFirstName, c.Id),
                c => new Row(c.Id, c.Number.Value, $"{c.LegalFirstName} {c.LegalLastName}", c.Status, c.ExpiresOn));
        }
    }
}
