using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Applications;

namespace Registry.Application.Features.Applications;

/// <summary>The signed-in applicant's own applications, newest first.</summary>
public static class ListMyApplications
{
    [AllowedRoles(Roles.Applicant)]
    public sealed record Query : IRequest<IReadOnlyList<Model>>;

    public sealed record Model(Guid Id, string ProgramName, string StateCode, ApplicationType Type, ApplicationStatus Status, DateTimeOffset CreatedAt)
    {
        /// <summary>Submitted, but waiting for its fee to be paid or waived before it is reviewed.</summary>
        public bool AwaitingFee { get; init; }
    }

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user) : IRequestHandler<Query, IReadOnlyList<Model>>
    {
        public async Task<IReadOnlyList<Model>> Handle(Query query, CancellationToken cancellationToken)
        {
            var personId = user.PersonId;
            var rows = await db.Applications.AsNoTracking()
                .Where(a => a.PersonId == personId)
                .OrderByDescending(a => a.CreatedAt)
                .Join(db.Programs, a => a.ProgramId, p => p.Id, (a, p) => new { a.Id, ProgramName = p.Name, p.StateCode, a.Type, a.Status, a.CreatedAt, a.AwaitingFee })
                .ToListAsync(cancellationToken);
            // StateCode is a value-converted column: read it whole, then take its text.
            return rows.Select(r => new Model(r.Id, r.ProgramName, r.StateCode.Value, r.Type, r.Status, r.CreatedAt) { AwaitingFee = r.AwaitingFee }).ToList();
        }
    }
}
