using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Application.Common.Time;
using Registry.Application.Features.Fees;
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

        /// <summary>
        /// A draft whose first submission would owe a fee: it is submitted from its own page, which quotes the fee and
        /// asks about a military or veteran rate.
        /// </summary>
        public bool FeeOnSubmission { get; init; }
    }

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, IRegistryCalendar calendar) : IRequestHandler<Query, IReadOnlyList<Model>>
    {
        public async Task<IReadOnlyList<Model>> Handle(Query query, CancellationToken cancellationToken)
        {
            var personId = user.PersonId;
            var rows = await db.Applications.AsNoTracking()
                .Where(a => a.PersonId == personId)
                .OrderByDescending(a => a.CreatedAt)
                .Join(db.Programs, a => a.ProgramId, p => p.Id, (a, p) => new { a.Id, ProgramName = p.Name, p.StateCode, a.Type, a.Status, a.CreatedAt, a.AwaitingFee })
                .ToListAsync(cancellationToken);
            var charged = await DraftsOwingAFeeAsync(rows.Where(r => r.Status == ApplicationStatus.Draft).Select(r => r.Id).ToList(), cancellationToken);
            // StateCode is a value-converted column: read it whole, then take its text.
            return rows.Select(r => new Model(r.Id, r.ProgramName, r.StateCode.Value, r.Type, r.Status, r.CreatedAt)
                { AwaitingFee = r.AwaitingFee, FeeOnSubmission = charged.Contains(r.Id) }).ToList();
        }

        /// <summary>The drafts never submitted whose submission today would owe a fee, at any rate the person may qualify for (as the application page quotes it).</summary>
        private async Task<HashSet<Guid>> DraftsOwingAFeeAsync(IReadOnlyList<Guid> draftIds, CancellationToken cancellationToken)
        {
            var charged = new HashSet<Guid>();
            if (draftIds.Count == 0) return charged;
            var drafts = await db.Applications.AsNoTracking().Where(a => draftIds.Contains(a.Id) && a.FirstSubmittedAt == null).ToListAsync(cancellationToken);
            foreach (var draft in drafts)
            {
                var program = await db.Programs.AsNoTracking().SingleAsync(p => p.Id == draft.ProgramId, cancellationToken);
                var today = await calendar.TodayAsync(program.StateCode, cancellationToken);
                var standard = await FeesOwed.QuoteAsync(db, draft, program.Requirements, false, today, cancellationToken);
                var military = await FeesOwed.QuoteAsync(db, draft, program.Requirements, true, today, cancellationToken);
                if (!standard.IsFree || !military.IsFree) charged.Add(draft.Id);
            }
            return charged;
        }
    }
}
