using FluentValidation;
using MediatR;
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

    public sealed class Handler(IPublicRecordReader records, IDatabaseTransactions database) : IRequestHandler<Query, PublicCredential>
    {
        public async Task<PublicCredential> Handle(Query query, CancellationToken cancellationToken)
        {
            CredentialNumber.TryParse(query.CredentialNumber, out var number);
            return await PublicCredentials.LoadOneAsync(records, database, number!, cancellationToken) ?? throw new NotFoundException("Credential", number!.Value);
        }
    }
}
