using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Behaviours;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.Claims;

/// <summary>A StateAdmin decides whether holders claiming their records must also give the date of birth on them.</summary>
public static class SetClaimRules
{
    [AllowedRoles(Roles.StateAdmin)]
    public sealed record Command : ICommand<Unit>, IStateScoped
    {
        public string StateCode { get; init; } = "";
        public bool RequireDateOfBirth { get; init; }
    }

    public sealed class Handler(IRegistryDbContext db, RequestScope scope) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var code = StateCode.TryParse(command.StateCode, out var parsed) ? parsed : throw new NotFoundException("State", command.StateCode);
            scope.StateCode = code;
            var state = await db.Jurisdictions.SingleOrDefaultAsync(j => j.Code == code, cancellationToken) ?? throw new NotFoundException("State", command.StateCode);
            state.SetClaimRules(command.RequireDateOfBirth);
            return Unit.Value;
        }
    }
}
