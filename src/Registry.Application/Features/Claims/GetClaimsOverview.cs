using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.Claims;

/// <summary>For a state's staff: how many holders have no account yet, how many a send would invite, and the state's claim rule.</summary>
public static class GetClaimsOverview
{
    [AllowedRoles(Roles.Reviewer, Roles.StateAdmin)]
    public sealed record Query : IRequest<Model>, IStateScoped
    {
        public string StateCode { get; init; } = "";
    }

    public sealed record Model(string StateCode, string StateName, bool RequiresDateOfBirth, int WithoutAccount, int WithoutEmail, int ToInvite, int InvitationsPerSend);

    public sealed class Handler(IRegistryDbContext db, IIdentityService identity, TimeProvider clock, ClaimLimits limits) : IRequestHandler<Query, Model>
    {
        public async Task<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            var code = StateCode.TryParse(query.StateCode, out var parsed) ? parsed : throw new NotFoundException("State", query.StateCode);
            var state = await db.Jurisdictions.AsNoTracking().Where(j => j.Code == code).Select(j => new { j.Name, j.ClaimRequiresDateOfBirth })
                .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("State", query.StateCode);
            var unclaimed = UnclaimedRecords.Of(db, identity, code);
            return new Model(code.Value, state.Name, state.ClaimRequiresDateOfBirth,
                await unclaimed.CountAsync(cancellationToken),
                await unclaimed.CountAsync(p => p.Email == null || p.Email == "", cancellationToken),
                await UnclaimedRecords.ToInvite(db, identity, code, clock.GetUtcNow()).CountAsync(cancellationToken),
                limits.InvitationsPerSend);
        }
    }
}
