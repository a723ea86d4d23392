using MediatR;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Credentials;

namespace Registry.Application.Features.Verification;

/// <summary>
/// Anyone asks whether a credential's public record is still the one they hold: its current
/// <see cref="PublicCredential.EntityTag"/>, from the record's first statement alone. Null for a number that is
/// malformed or unknown, so the caller falls back to <see cref="VerifyCredential"/>, which words why.
/// </summary>
public static class RevalidateCredential
{
    [PublicRequest]
    public sealed record Query(string CredentialNumber) : IRequest<string?>;

    public sealed class Handler(IPublicRecordReader records, IDatabaseTransactions database) : IRequestHandler<Query, string?>
    {
        public async Task<string?> Handle(Query query, CancellationToken cancellationToken) =>
            CredentialNumber.TryParse(query.CredentialNumber, out var number)
                ? await PublicCredentials.EntityTagOfAsync(records, database, number!, cancellationToken)
                : null;
    }
}
