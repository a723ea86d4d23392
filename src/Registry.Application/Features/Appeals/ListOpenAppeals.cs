using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Applications;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.Appeals;

/// <summary>A state's appeals waiting for a decision, oldest first, for the review queue.</summary>
public static class ListOpenAppeals
{
    [AllowedRoles(Roles.Reviewer, Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Query : IRequest<IReadOnlyList<Row>>, IStateScoped
    {
        public string StateCode { get; init; } = "";
    }

    public sealed record Row(Guid ApplicationId, string ApplicantName, string ProgramName, DateTimeOffset FiledAt, int AgeInDays);

    public sealed class Handler(IRegistryDbContext db, TimeProvider clock) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            var state = StateCode.TryParse(query.StateCode, out var code) ? code : throw new NotFoundException("State", query.StateCode);
            var open = await db.Applications.AsNoTracking()
                .Where(a => a.Status == ApplicationStatus.Denied)
                .SelectMany(a => a.Appeals.Where(appeal => appeal.Status == AppealStatus.Open), (a, appeal) => new { a.Id, a.PersonId, a.ProgramId, appeal.FiledAt })
                .Join(db.Programs.Where(p => p.StateCode == state), x => x.ProgramId, p => p.Id, (x, p) => new { x.Id, x.PersonId, x.FiledAt, ProgramName = p.Name })
                .Join(db.People, x => x.PersonId, p => p.Id, (x, p) => new { x.Id, x.FiledAt, x.ProgramName, p.LegalFirstName, p.LegalLastName })
                .ToListAsync(cancellationToken);
            // Sorted here: SQLite cannot order by a date-time offset; a state has few open appeals.
            var now = clock.GetUtcNow();
            return open.OrderBy(x => x.FiledAt).ThenBy(x => x.Id)
                .Select(x => new Row(x.Id, $"{x.LegalFirstName} {x.LegalLastName}", x.ProgramName, x.FiledAt, (int)(now - x.FiledAt).TotalDays))
                .ToList();
        }
    }
}
