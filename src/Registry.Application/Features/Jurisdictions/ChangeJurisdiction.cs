using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Application.Common.Validation;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.Jurisdictions;

/// <summary>A SystemAdmin renames a state, moves its time zone (only while it has no credentials) and changes its board's contact.</summary>
public static class ChangeJurisdiction
{
    [AllowedRoles(Roles.SystemAdmin)]
    public sealed record Command : ICommand<Unit>, IStateScoped
    {
        public string StateCode { get; init; } = "";
        public string Name { get; init; } = "";
        public string TimeZone { get; init; } = "";
        public BoardContactInput Contact { get; init; } = new();
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotEmpty().WithMessage("Enter the state's name.").MaximumLength(100).ReadableText();
            RuleFor(c => c.TimeZone).Must(UnitedStates.IsTimeZone).WithMessage("Choose the time zone the state's board works in.");
            RuleFor(c => c.Contact).NotNull().SetValidator(new BoardContactInput.Validator());
        }
    }

    public sealed class Handler(IRegistryDbContext db) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var code = Domain.Jurisdictions.StateCode.Parse(command.StateCode);
            var jurisdiction = await db.Jurisdictions.SingleOrDefaultAsync(j => j.Code == code, cancellationToken)
                ?? throw new NotFoundException("State", command.StateCode);
            var hasCredentials = await db.Credentials.AnyAsync(c => db.Programs.Any(p => p.Id == c.ProgramId && p.StateCode == code), cancellationToken);
            jurisdiction.Rename(command.Name);
            if (RegistryDay.Zone(command.TimeZone.Trim()).Id != jurisdiction.TimeZone && hasCredentials)
                throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(Command.TimeZone),
                    $"{jurisdiction.Name} already has credentials, whose dates are days in its time zone; it can no longer change.")]);
            jurisdiction.ChangeTimeZone(command.TimeZone, hasCredentials);
            jurisdiction.ChangeContact(command.Contact.ToContact());
            return Unit.Value;
        }
    }
}
