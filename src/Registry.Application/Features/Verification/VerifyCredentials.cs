using FluentValidation;
using MediatR;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Credentials;

namespace Registry.Application.Features.Verification;

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
