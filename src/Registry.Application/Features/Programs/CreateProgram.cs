using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Application.Common.Validation;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.Programs;

/// <summary>A StateAdmin (or a SystemAdmin, naming the state) creates a program, from a blank form or a template's requirements.</summary>
public static class CreateProgram
{
    [AllowedRoles(Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Command : ICommand<Created>, IStateScoped
    {
        public string StateCode { get; init; } = "";
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
        public RequirementsModel Requirements { get; init; } = new();
    }

    public sealed record Created(Guid Id, string Code);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Code).NotEmpty().WithMessage("Give the program a code.")
                .Matches("^[A-Za-z0-9]{1,12}$").WithMessage("A program code is 1 to 12 letters or digits, for example CPRS.");
            RuleFor(c => c.Name).NotEmpty().WithMessage("Give the program a name.").MaximumLength(200).ReadableText();
            RuleFor(c => c.Requirements).SetValidator(new RequirementsValidator());
        }
    }

    public sealed class Handler(IRegistryDbContext db) : IRequestHandler<Command, Created>
    {
        public async Task<Created> Handle(Command command, CancellationToken cancellationToken)
        {
            var code = Domain.Jurisdictions.StateCode.Parse(command.StateCode);
            var state = await db.Jurisdictions.Include(j => j.Programs).SingleOrDefaultAsync(j => j.Code == code, cancellationToken)
                ?? throw new NotFoundException("State", command.StateCode);
            if (state.Programs.Any(p => p.Code.Equals(command.Code, StringComparison.OrdinalIgnoreCase)))
                throw new ConflictException($"{state.Name} already has a program with the code {command.Code.ToUpperInvariant()}. Choose another code.");
            var requirements = await command.Requirements.ToKnownRequirementsAsync(db, cancellationToken);
            var program = state.AddProgram(command.Code, command.Name, requirements);
            db.Programs.Add(program);
            return new Created(program.Id, program.Code);
        }
    }
}
