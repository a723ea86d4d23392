using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Behaviours;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Application.Common.Validation;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.Jurisdictions;

/// <summary>A SystemAdmin brings a state (or DC, or a territory) into the registry, with its board's contact details.</summary>
public static class AddJurisdiction
{
    [AllowedRoles(Roles.SystemAdmin)]
    public sealed record Command : ICommand<string>
    {
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
        public string TimeZone { get; init; } = "";
        public BoardContactInput Contact { get; init; } = new();
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IRegistryDbContext db)
        {
            RuleFor(c => c.Code).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the state's two-letter code, such as TX.")
                .Must(code => UnitedStates.Codes.Contains(code.Trim().ToUpperInvariant())).WithMessage("Enter the two-letter code of a U.S. state, DC or a territory, such as TX.")
                .MustAsync(async (code, ct) => !await db.Jurisdictions.AnyAsync(j => j.Code == StateCode.Parse(code), ct))
                .WithMessage(c => $"{c.Code.Trim().ToUpperInvariant()} is already in the registry.");
            RuleFor(c => c.Name).NotEmpty().WithMessage("Enter the state's name.").MaximumLength(100).ReadableText();
            RuleFor(c => c.TimeZone).Must(UnitedStates.IsTimeZone).WithMessage("Choose the time zone the state's board works in.");
            RuleFor(c => c.Contact).NotNull().SetValidator(new BoardContactInput.Validator());
        }
    }

    public sealed class Handler(IRegistryDbContext db, RequestScope scope) : MediatR.IRequestHandler<Command, string>
    {
        public Task<string> Handle(Command command, CancellationToken cancellationToken)
        {
            var jurisdiction = new Jurisdiction(StateCode.Parse(command.Code), command.Name, command.TimeZone);
            jurisdiction.ChangeContact(command.Contact.ToContact());
            db.Jurisdictions.Add(jurisdiction);
            scope.StateCode = jurisdiction.Code;
            return Task.FromResult(jurisdiction.Code.Value);
        }
    }
}
