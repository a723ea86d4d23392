using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;

namespace Registry.Application.Features.Programs;

/// <summary>A StateAdmin puts new requirements in force; the outgoing version is kept for applications submitted under it.</summary>
public static class ConfigureProgram
{
    [AllowedRoles(Roles.StateAdmin)]
    public sealed record Command : ICommand<int>, IProgramScoped
    {
        public Guid ProgramId { get; init; }
        public RequirementsModel Requirements { get; init; } = new();
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Requirements).SetValidator(new RequirementsValidator());
        }
    }

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command command, CancellationToken cancellationToken)
        {
            var program = await db.Programs.SingleAsync(p => p.Id == command.ProgramId, cancellationToken);
            var requirements = await command.Requirements.ToKnownRequirementsAsync(db, cancellationToken);
            db.ProgramRequirementsVersions.Add(program.ChangeRequirements(requirements, user.UserId!.Value, clock.GetUtcNow()));
            return program.RequirementsVersion;
        }
    }
}
