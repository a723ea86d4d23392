using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;

namespace Registry.Application.Features.Jurisdictions;

/// <summary>A state's administrator (or a SystemAdmin) changes how applicants and holders reach its board.</summary>
public static class ChangeBoardContact
{
    [AllowedRoles(Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Command : ICommand<Unit>, IStateScoped
    {
        public string StateCode { get; init; } = "";
        public BoardContactInput Contact { get; init; } = new();
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Contact).NotNull().SetValidator(new BoardContactInput.Validator());
    }

    public sealed class Handler(IRegistryDbContext db) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var code = Domain.Jurisdictions.StateCode.Parse(command.StateCode);
            var jurisdiction = await db.Jurisdictions.SingleOrDefaultAsync(j => j.Code == code, cancellationToken)
                ?? throw new NotFoundException("State", command.StateCode);
            jurisdiction.ChangeContact(command.Contact.ToContact());
            return Unit.Value;
        }
    }
}
