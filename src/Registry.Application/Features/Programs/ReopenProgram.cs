using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;

namespace Registry.Application.Features.Programs;

/// <summary>A StateAdmin undoes a program's retirement: it takes new applications again.</summary>
public static class ReopenProgram
{
    [AllowedRoles(Roles.StateAdmin)]
    public sealed record Command(Guid ProgramId) : ICommand<Unit>, IProgramScoped;

    public sealed class Handler(IRegistryDbContext db) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var program = await db.Programs.SingleAsync(p => p.Id == command.ProgramId, cancellationToken);
            program.Reopen();
            return Unit.Value;
        }
    }
}
