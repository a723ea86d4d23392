using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Employers;

namespace Registry.Application.Features.Employers;

/// <summary>Registered organisations, for the administrators who approve them: StateAdmins see their state's, SystemAdmins all.</summary>
public static class ListEmployers
{
    [AllowedRoles(Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Query : IRequest<IReadOnlyList<Row>>;

    public sealed record Row(Guid Id, string Name, string ContactEmail, string State, EmployerStatus Status, DateTimeOffset RegisteredAt, DateTimeOffset? ApprovedAt);

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            var employers = db.Employers.AsNoTracking();
            if (!user.IsInRole(Roles.SystemAdmin)) employers = employers.Where(e => e.StateCode == user.StateCode);
            var rows = await employers.ToListAsync(cancellationToken);
            return rows.OrderBy(e => e.Status != EmployerStatus.PendingApproval).ThenBy(e => e.Name).Select(e => new Row(e.Id, e.Name, e.ContactEmail, e.StateCode.Value, e.Status, e.RegisteredAt, e.ApprovedAt)).ToList();
        }
    }
}
