using FluentValidation;
using Registry.Application.Common.Validation;
using MediatR;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Domain.Employers;

namespace Registry.Application.Features.Employers;

/// <summary>An approved employer's user makes a named API key; the key is returned this once and only its hash is kept.</summary>
public static class CreateApiKey
{
    [AllowedRoles(Roles.Employer)]
    public sealed record Command(string Name) : ICommand<Created>;

    public sealed record Created(Guid Id, string Name, string Key);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Name).NotEmpty().WithMessage("Give the key a name, e.g. the system that will use it.").MaximumLength(100).ReadableText();
    }

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<Command, Created>
    {
        public async Task<Created> Handle(Command command, CancellationToken cancellationToken)
        {
            var employer = await EmployerAccess.ApprovedEmployerAsync(db, user, cancellationToken);
            var apiKey = EmployerApiKey.Create(employer, command.Name, user.UserId, clock.GetUtcNow(), out var key);
            db.ApiKeys.Add(apiKey);
            return new Created(apiKey.Id, apiKey.Name, key);
        }
    }
}
