using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;

namespace Registry.Application.Features.Jurisdictions;

/// <summary>One state as its administrators see it: its zone, its board's contact details and who administers it.</summary>
public static class GetJurisdiction
{
    [AllowedRoles(Roles.SystemAdmin, Roles.StateAdmin)]
    public sealed record Query(string StateCode) : IRequest<Model>, IStateScoped;

    public sealed record Model(string Code, string Name, string TimeZone, BoardContactInput Contact, bool HasCredentials, IReadOnlyList<StaffMember> Administrators);

    public sealed class Handler(IRegistryDbContext db, IIdentityService identity) : IRequestHandler<Query, Model>
    {
        public async Task<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            var code = Domain.Jurisdictions.StateCode.Parse(query.StateCode);
            var state = await db.Jurisdictions.AsNoTracking().SingleOrDefaultAsync(j => j.Code == code, cancellationToken)
                ?? throw new NotFoundException("State", query.StateCode);
            var hasCredentials = await db.Credentials.AnyAsync(c => db.Programs.Any(p => p.Id == c.ProgramId && p.StateCode == code), cancellationToken);
            var administrators = await identity.StaffOfAsync(code, Roles.StateAdmin, cancellationToken);
            return new Model(state.Code.Value, state.Name, state.TimeZone, BoardContactInput.From(state.Contact), hasCredentials, administrators);
        }
    }
}
