using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Paging;
using Registry.Application.Common.Security;
using Registry.Domain.Applications;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.Review;

/// <summary>
/// A state's open applications (submitted, under review, waiting for information), oldest first, a page at a
/// time; the counts per status and the program list are <see cref="ReviewQueueSummary"/>.
/// </summary>
public static class ReviewQueue
{
    [AllowedRoles(Roles.Reviewer, Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Query : IRequest<CursorPage<Row>>, IStateScoped
    {
        public string StateCode { get; init; } = "";
        public ApplicationStatus? Status { get; init; }
        public Guid? ProgramId { get; init; }
        public string? Cursor { get; init; }
        public int Limit { get; init; } = Common.Paging.Cursor.DefaultLimit;
    }

    public sealed record Row(Guid ApplicationId, string ApplicantName, string ProgramName, ApplicationType Type, ApplicationStatus Status,
        DateTimeOffset? SubmittedAt, int AgeInDays)
    {
        /// <summary>The credential a renewal or reinstatement is for.</summary>
        public string? CredentialNumber { get; init; }

        public bool SelectedForCeAudit { get; init; }
    }

    /// <summary>Where a page ended: the waiting-since instant (submitted, or created for one never submitted) and the id.</summary>
    public sealed record Key(DateTimeOffset Since, Guid Id);

    public static readonly IReadOnlyList<ApplicationStatus> OpenForReview =
        [ApplicationStatus.Submitted, ApplicationStatus.UnderReview, ApplicationStatus.InfoRequested];

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).WithinPageLimit().OverridePropertyName("limit");
    }

    public sealed class Handler(IRegistryDbContext db, TimeProvider clock) : IRequestHandler<Query, CursorPage<Row>>
    {
        public async Task<CursorPage<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            var state = StateCode.TryParse(query.StateCode, out var code) ? code : throw new NotFoundException("State", query.StateCode);
            var after = Cursor.Decode<Key>(query.Cursor);
            var open = db.Applications.AsNoTracking()
                .Where(a => a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.UnderReview || a.Status == ApplicationStatus.InfoRequested)
                .Where(a => !a.AwaitingFee) // enters the queue once its fee is paid or waived
                .Join(db.Programs.Where(p => p.StateCode == state), a => a.ProgramId, p => p.Id, (a, p) => new { Application = a, Program = p });
            if (query.ProgramId is { } programId) open = open.Where(x => x.Program.Id == programId);
            if (query.Status is { } status) open = open.Where(x => x.Application.Status == status);

            var rows = open.Join(db.People, x => x.Application.PersonId, p => p.Id, (x, p) => new
            {
                x.Application.Id, p.LegalFirstName, p.LegalLastName, ProgramName = x.Program.Name, x.Application.Type,
                x.Application.Status, x.Application.SubmittedAt, x.Application.CreatedAt, Since = x.Application.SubmittedAt ?? x.Application.CreatedAt,
                x.Application.SelectedForCeAudit,
                CredentialNumber = db.Credentials.Where(c => c.Id == x.Application.CredentialId).Select(c => c.Number).FirstOrDefault(),
            });
            if (after is not null)
                rows = rows.Where(r => r.Since > after.Since || (r.Since == after.Since && r.Id.CompareTo(after.Id) > 0));
            var read = await rows.OrderBy(r => r.Since).ThenBy(r => r.Id).Take(query.Limit + 1).ToListAsync(cancellationToken);

            // Whole days waited, by the clock: no calendar needed.
            var now = clock.GetUtcNow();
            return Cursor.Page(read, query.Limit, r => new Key(r.Since, r.Id), r => new Row(r.Id, $"{r.LegalFirstName} {r.LegalLastName}", r.ProgramName,
                r.Type, r.Status, r.SubmittedAt, (int)(now - r.Since).TotalDays)
            {
                CredentialNumber = r.CredentialNumber?.Value, SelectedForCeAudit = r.SelectedForCeAudit,
            });
        }
    }
}
