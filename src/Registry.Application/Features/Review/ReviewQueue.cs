using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Applications;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.Review;

/// <summary>A state's open applications (submitted, under review, waiting for information), oldest first, with counts per status.</summary>
public static class ReviewQueue
{
    [AllowedRoles(Roles.Reviewer, Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Query : IRequest<Model>, IStateScoped
    {
        public string StateCode { get; init; } = "";
        public ApplicationStatus? Status { get; init; }
        public Guid? ProgramId { get; init; }
    }

    public sealed record Model(string StateCode, IReadOnlyList<StatusCount> Counts, IReadOnlyList<ProgramModel> Programs, IReadOnlyList<Row> Rows);

    public sealed record StatusCount(ApplicationStatus Status, int Count);

    public sealed record ProgramModel(Guid Id, string Name);

    public sealed record Row(Guid ApplicationId, string ApplicantName, string ProgramName, ApplicationType Type, ApplicationStatus Status,
        DateTimeOffset? SubmittedAt, int AgeInDays)
    {
        /// <summary>The credential a renewal or reinstatement is for.</summary>
        public string? CredentialNumber { get; init; }

        public bool SelectedForCeAudit { get; init; }
    }

    public static readonly IReadOnlyList<ApplicationStatus> OpenForReview =
        [ApplicationStatus.Submitted, ApplicationStatus.UnderReview, ApplicationStatus.InfoRequested];

    public sealed class Handler(IRegistryDbContext db, TimeProvider clock) : IRequestHandler<Query, Model>
    {
        public async Task<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            var state = StateCode.TryParse(query.StateCode, out var code) ? code : throw new NotFoundException("State", query.StateCode);
            var programs = db.Programs.Where(p => p.StateCode == state);
            var open = db.Applications
                .Where(a => a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.UnderReview || a.Status == ApplicationStatus.InfoRequested)
                .Join(programs, a => a.ProgramId, p => p.Id, (a, p) => new { Application = a, Program = p });
            if (query.ProgramId is { } programId) open = open.Where(x => x.Program.Id == programId);

            // Counts ignore the status filter, so every tab shows its size.
            var counted = await open.GroupBy(x => x.Application.Status)
                .Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            var counts = OpenForReview.Select(s => new StatusCount(s, counted.SingleOrDefault(c => c.Status == s)?.Count ?? 0)).ToList();

            if (query.Status is { } status) open = open.Where(x => x.Application.Status == status);
            var rows = await open
                .Join(db.People, x => x.Application.PersonId, p => p.Id, (x, p) => new
                {
                    x.Application.Id, p.LegalFirstName, p.LegalLastName, ProgramName = x.Program.Name, x.Application.Type,
                    x.Application.Status, x.Application.SubmittedAt, x.Application.CreatedAt, x.Application.SelectedForCeAudit,
                    CredentialNumber = db.Credentials.Where(c => c.Id == x.Application.CredentialId).Select(c => c.Number).FirstOrDefault(),
                })
                .OrderBy(x => x.SubmittedAt ?? x.CreatedAt).ThenBy(x => x.Id)
                .ToListAsync(cancellationToken);
            var programList = await programs.OrderBy(p => p.Name).Select(p => new ProgramModel(p.Id, p.Name)).ToListAsync(cancellationToken);

            // Whole days waited, by the clock: no calendar needed.
            var now = clock.GetUtcNow();
            return new Model(state.Value, counts, programList, rows.Select(r => new Row(r.Id, $"{r.LegalFirstName} {r.LegalLastName}", r.ProgramName, r.Type, r.Status,
                r.SubmittedAt, (int)(now - (r.SubmittedAt ?? r.CreatedAt)).TotalDays)
            {
                CredentialNumber = r.CredentialNumber?.Value, SelectedForCeAudit = r.SelectedForCeAudit,
            }).ToList());
        }
    }
}
