using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Domain.Credentials;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.RegisterImports;

/// <summary>
/// A state administrator imports a file whose dry run found no problems: the import is queued
/// (<see cref="RunRegisterImport"/>), which checks that the stored file is the one the dry run checked and writes
/// every row or nothing.
/// </summary>
public static class ImportRegister
{
    [AllowedRoles(Roles.StateAdmin)]
    public sealed record Command(string StateCode, Guid RegisterImportId) : ICommand<Unit>, IStateScoped;

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock, IRegisterImportQueue queue) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var state = StateCode.Parse(command.StateCode);
            var import = await db.RegisterImports.SingleOrDefaultAsync(i => i.Id == command.RegisterImportId && i.StateCode == state, cancellationToken)
                         ?? throw new NotFoundException("Register import", command.RegisterImportId);
            import.RequestImport(user.UserId!.Value, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            queue.Enqueue(import.Id);
            return Unit.Value;
        }
    }
}
