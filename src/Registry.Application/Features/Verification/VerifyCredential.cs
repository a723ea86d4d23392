using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Credentials;

namespace Registry.Application.Features.Verification;

/// <summary>Anyone looks up one credential by its number.</summary>
public static class VerifyCredential
{
    [PublicRequest]
    public sealed record Query(string CredentialNumber) : IRequest<PublicCredential>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.CredentialNumber)
            .Must(n => Domain.Credentials.CredentialNumber.TryParse(n, out _))
            .WithMessage("Enter a credential number such as TN-CPRS-000123.");
    }

    public sealed class Handler(IRegistryDbContext db) : IRequestHandler<Query, PublicCredential>
    {
        public async Task<PublicCredential> Handle(Query query, CancellationToken cancellationToken)
        {
            CredentialNumber.TryParse(query.CredentialNumber, out var number);
            var found = await PublicCredentials.LoadAsync(db, db.Credentials.Where(c => c.Number == number), cancellationToken);
            return found.SingleOrDefault() ?? throw new NotFoundException("Credential", number!.Value);
        }
    }
}

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

/// <summary>An employer's system verifies up to 1,000 credential numbers at once; each gets one answer, found or not.</summary>
public static class VerifyCredentials
{
    public const int MaximumNumbers = 1_000;

    [AllowedRoles(Roles.Employer)]
    public sealed record Query(IReadOnlyList<string?> CredentialNumbers) : IRequest<IReadOnlyList<Result>>;

    /// <summary>Credential is null when not found; Reason then says why.</summary>
    public sealed record Result(string? CredentialNumber, bool Found, PublicCredential? Credential, string? Reason);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.CredentialNumbers)
            .NotNull().WithMessage("Send a JSON array of credential numbers.")
            .Must(n => n is null || n.Count is > 0 and <= MaximumNumbers).WithMessage($"Send from 1 to {MaximumNumbers:N0} credential numbers.");
    }

    public sealed class Handler(IRegistryDbContext db) : IRequestHandler<Query, IReadOnlyList<Result>>
    {
        public async Task<IReadOnlyList<Result>> Handle(Query query, CancellationToken cancellationToken)
        {
            var parsed = query.CredentialNumbers.Select(n => CredentialNumber.TryParse(n, out var number) ? number : null).ToList();
            var found = await FindAsync(db, parsed.OfType<CredentialNumber>().Distinct().ToList(), cancellationToken);
            return query.CredentialNumbers.Select((text, i) => parsed[i] is not { } number
                    ? new Result(text, false, null, $"'{text}' is not a credential number (e.g. TN-CPRS-000123).")
                    : found.TryGetValue(number.Value, out var credential)
                        ? new Result(number.Value, true, credential, null)
                        : new Result(number.Value, false, null, "No credential has this number."))
                .ToList();
        }
    }

    /// <summary>The public view of each number that exists, by number; chunked so any count stays within parameter limits.</summary>
    public static async Task<Dictionary<string, PublicCredential>> FindAsync(IRegistryDbContext db, IReadOnlyList<CredentialNumber> numbers, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, PublicCredential>();
        foreach (var chunk in numbers.Chunk(PublicCredentials.QueryChunk))
            foreach (var credential in await PublicCredentials.LoadAsync(db, db.Credentials.Where(c => chunk.Contains(c.Number)), cancellationToken))
                result[credential.CredentialNumber] = credential;
        return result;
    }
}
