using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;

namespace Registry.Application.Features.Verification;

/// <summary>Anyone finds credentials by the holder's last name (its beginning) within a state, a page at a time.</summary>
public static class SearchCredentials
{
    public const int PageSize = 20;
    public const int MaximumPage = 500;

    [PublicRequest]
    public sealed record Query(string? LastName, string? State, int Page = 1) : IRequest<Results>;

    public sealed record Results(IReadOnlyList<PublicCredential> Items, int Page, int PageSize, int TotalCount)
    {
        public int PageCount => (TotalCount + PageSize - 1) / PageSize;
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.LastName).NotEmpty().WithMessage("Enter the holder's last name, or its first letters.").MaximumLength(100);
            RuleFor(q => q.State).Must(s => Domain.Jurisdictions.StateCode.TryParse(s, out _)).WithMessage("Choose a state.");
            RuleFor(q => q.Page).InclusiveBetween(1, MaximumPage);
        }
    }

    public sealed class Handler(IRegistryDbContext db) : IRequestHandler<Query, Results>
    {
        public async Task<Results> Handle(Query query, CancellationToken cancellationToken)
        {
            var state = Domain.Jurisdictions.StateCode.Parse(query.State);
            var prefix = query.LastName!.Trim().ToLowerInvariant();
            var matches = db.Credentials.AsNoTracking()
                .Where(c => c.StateCode == state)
                .Join(db.People.Where(p => p.LegalLastName.ToLower().StartsWith(prefix)), c => c.HolderPersonId, p => p.Id, (c, p) => new { c, p });
            var total = await matches.CountAsync(cancellationToken);
            var page = matches
                .OrderBy(x => x.p.LegalLastName).ThenBy(x => x.p.LegalFirstName).ThenBy(x => x.c.Number)
                .Skip((query.Page - 1) * PageSize).Take(PageSize)
                .Select(x => x.c);
            var items = await PublicCredentials.LoadAsync(db, page, cancellationToken);
            return new Results(items, query.Page, PageSize, total);
        }
    }
}
