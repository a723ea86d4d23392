using FluentValidation;
using Registry.Application.Common.Validation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Behaviours;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Domain.Employers;

namespace Registry.Application.Features.Employers;

/// <summary>An organisation registers to verify credentials; it waits for its state's administrators to approve it.</summary>
public static class RegisterEmployer
{
    [PublicRequest]
    public sealed record Command : ICommand<Guid>
    {
        public string Name { get; init; } = "";
        public string ContactEmail { get; init; } = "";
        public string StateCode { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IRegistryDbContext db)
        {
            RuleFor(c => c.Name).NotEmpty().WithMessage("Enter your organisation's name.").MaximumLength(200).ReadableText();
            RuleFor(c => c.ContactEmail).NotEmpty().WithMessage("Enter a contact e-mail address.").EmailAddress().WithMessage("Enter a valid e-mail address.").MaximumLength(256);
            RuleFor(c => c.StateCode).MustAsync(async (code, ct) => Domain.Jurisdictions.StateCode.TryParse(code, out var state) && await db.Jurisdictions.AnyAsync(j => j.Code == state, ct))
                .WithMessage("Choose the state your organisation works in.");
        }
    }

    public sealed class Handler(IRegistryDbContext db, TimeProvider clock, RequestScope scope) : IRequestHandler<Command, Guid>
    {
        public Task<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var state = Domain.Jurisdictions.StateCode.Parse(command.StateCode);
            var employer = new Employer(command.Name, command.ContactEmail, state, clock.GetUtcNow());
            db.Employers.Add(employer);
            scope.StateCode = state;
            return Task.FromResult(employer.Id);
        }
    }
}
