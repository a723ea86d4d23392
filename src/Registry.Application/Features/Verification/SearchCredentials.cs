using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Paging;
using Registry.Application.Common.Security;

namespace Registry.Application.Features.Verification;

/// <summary>Anyone finds credentials by the holder's last name (its beginning) within a state, a page at a time, by name.</summary>
public static class SearchCredentials
{
    [PublicRequest]
    public sealed record Query(string? LastName, string? State) : IRequest<CursorPage<PublicCredential>>
    {
        public string? Cursor { get; init; }
        public int Limit { get; init; } = Common.Paging.Cursor.DefaultLimit;
    }

    /// <summary>Where a page ended: the holder's names and the credential's id (one person may hold several).</summary>
    public sealed record Key(string LastName, string FirstName, Guid Id);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.LastName).NotEmpty().WithMessage("Enter the holder's last name, or its first letters.").MaximumLength(100);
            RuleFor(q => q.State).Must(s => Domain.Jurisdictions.StateCode.TryParse(s, out _)).WithMessage("Choose a state.");
            RuleFor(q => q.Limit).WithinPageLimit().OverridePropertyName("limit");
        }
    }

    public sealed class Handler(IRegistryDbContext db) : IRequestHandler<Query, CursorPage<PublicCredential>>
    {
        public async Task<CursorPage<PublicCredential>> Handle(Query query, CancellationToken cancellationToken)
        {
            var after = Cursor.Decode<Key>(query.Cursor);
            var state = Domain.Jurisdictions.StateCode.Parse(query.State);
            var prefix = query.LastName!.Trim().ToLowerInvariant();
            var matches = db.Credentials.AsNoTracking()
                .Where(c => c.StateCode == state)
                .Join(db.People.Where(p => p.LegalLastName.ToLower().StartsWith(prefix)), c => c.HolderPersonId, p => p.Id,
                    (c, p) => new { c.Id, c.Number, p.LegalLastName, p.LegalFirstName });
            if (after is not null)
                matches = matches.Where(x => string.Compare(x.LegalLastName, after.LastName) > 0
                    || (x.LegalLastName == after.LastName && (string.Compare(x.LegalFirstName, after.FirstName) > 0
                        || (x.LegalFirstName == after.FirstName && x.Id.CompareTo(after.Id) > 0))));
            var keys = await matches
                .OrderBy(x => x.LegalLastName).ThenBy(x => x.LegalFirstName).ThenBy(x => x.Id)
                .Take(query.Limit + 1)
                .ToListAsync(cancellationToken);

            // The public view of the page's credentials, put back in the page's order.
            var shown = keys.Take(query.Limit).Select(k => k.Id).ToList();
            var loaded = (await PublicCredentials.LoadAsync(db, db.Credentials.Where(c => shown.Contains(c.Id)), cancellationToken))
                .ToDictionary(c => c.CredentialNumber);
            return Cursor.Page(keys, query.Limit, k => new Key(k.LegalLastName, k.LegalFirstName, k.Id), k => loaded[k.Number.Value]);
        }
    }
}
