using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Applications;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.Review;

/// <summary>The size of a state's review queue by status (for one program, or all), and the state's programs to filter it by.</summary>
public static class ReviewQueueSummary
{
    [AllowedRoles(Roles.Reviewer, Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Query : IRequest<Model>, IStateScoped
    {
        public string StateCode { get; init; } = "";
        public Guid? ProgramId { get; init; }
    }

    public sealed record Model(string StateCode, IReadOnlyList<StatusCount> Counts, IReadOnlyList<ProgramModel> Programs);

    public sealed record StatusCount(ApplicationStatus Status, int Count);

    public sealed record ProgramModel(Guid Id, string Name);

    public sealed class Handler(IRegistryDbContext db) : IRequestHandler<Query, Model>
    {
        public async Task<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            var state = StateCode.TryParse(query.StateCode, out var code) ? code : throw new NotFoundException("State", query.StateCode);
            var programs = db.Programs.Where(p => p.StateCode == state);
            var open = db.Applications
                .Where(a => a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.UnderReview || a.Status == ApplicationStatus.InfoRequested)
                .Where(a => !a.AwaitingFee)
                .Join(programs, a => a.ProgramId, p => p.Id, (a, p) => new { a.Status, ProgramId = p.Id });
            if (query.ProgramId is { } programId) open = open.Where(x => x.ProgramId == programId);

            var counted = await open.GroupBy(x => x.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            var counts = ReviewQueue.OpenForReview.Select(s => new StatusCount(s, counted.SingleOrDefault(c => c.Status == s)?.Count ?? 0)).ToList();
            var programList = await programs.OrderBy(p => p.Name).Select(p => new ProgramModel(p.Id, p.Name)).ToListAsync(cancellationToken);
            return new Model(state.Value, counts, programList);
        }
    }
}
