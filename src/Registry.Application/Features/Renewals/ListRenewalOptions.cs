using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Time;
using Registry.Application.Common.Security;
using Registry.Application.Features.Discipline;
using Registry.Domain.Applications;
using Registry.Domain.Credentials;

namespace Registry.Application.Features.Renewals;

/// <summary>
/// For each of the signed-in holder's credentials: whether they may renew it or apply for reinstatement
/// today, and if not why, and the renewal or reinstatement already open.
/// </summary>
public static class ListRenewalOptions
{
    [AllowedRoles(Roles.Applicant)]
    public sealed record Query : IRequest<IReadOnlyList<Row>>;

    public enum NextStep
    {
        None,
        Renew,
        Reinstate,
        Continue,
    }

    public sealed record Row(Guid CredentialId, string Number, string ProgramName, CredentialStatus Status, DateOnly ExpiresOn,
        DateOnly RenewalOpensOn, DateOnly GraceEndsOn, NextStep Next, string? Explanation, Guid? OpenApplicationId, ApplicationType? OpenApplicationType);

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, IRegistryCalendar calendar) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            var personId = user.PersonId;
            var credentials = await db.Credentials.AsNoTracking().Include(c => c.History).Where(c => c.HolderPersonId == personId).ToListAsync(cancellationToken);
            var programIds = credentials.Select(c => c.ProgramId).Distinct().ToList();
            var programs = await db.Programs.AsNoTracking().Where(p => programIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
            var open = ApplicationStatusRules.OpenStatuses;
            var openApplications = await db.Applications.AsNoTracking()
                .Where(a => a.PersonId == personId && a.CredentialId != null && open.Contains(a.Status))
                .Select(a => new { CredentialId = a.CredentialId!.Value, a.Id, a.Type })
                .ToListAsync(cancellationToken);
            // Each credential's dates are days in its own state's time zone.
            var todays = new Dictionary<Domain.Jurisdictions.StateCode, DateOnly>();
            foreach (var state in credentials.Select(c => c.StateCode).Distinct()) todays[state] = await calendar.TodayAsync(state, cancellationToken);

            return credentials.OrderBy(c => c.ExpiresOn).Select(c =>
            {
                var program = programs[c.ProgramId];
                var today = todays[c.StateCode];
                var rules = program.Requirements;
                var window = c.RenewalWindow(rules);
                var pending = openApplications.FirstOrDefault(a => a.CredentialId == c.Id);
                var whyNotRenew = c.WhyNotRenewable(rules, today);
                var whyNotReinstate = c.WhyNotReinstatable(rules, today);
                var (next, explanation) = pending is not null ? (NextStep.Continue, $"Your {pending.Type.ToString().ToLowerInvariant()} of credential {c.Number} is open.")
                    : whyNotRenew is null ? (NextStep.Renew, InGraceNote(window, today, c))
                    : whyNotReinstate is null ? (NextStep.Reinstate, whyNotRenew)
                    : (NextStep.None, whyNotRenew);
                return new Row(c.Id, c.Number.Value, program.Name, c.Status, c.ExpiresOn, window.OpensOn, window.ClosesOn, next, explanation, pending?.Id, pending?.Type);
            }).ToList();
        }

        private static string InGraceNote(RenewalWindow window, DateOnly today, Credential credential) =>
            window.InGrace(today)
                ? $"Credential {credential.Number} expired on {credential.ExpiresOn:MMMM d, yyyy}; you can still renew it until {window.ClosesOn:MMMM d, yyyy}."
                : $"Renewal of credential {credential.Number} is open until it expires on {credential.ExpiresOn:MMMM d, yyyy} (and in the grace period until {window.ClosesOn:MMMM d, yyyy}).";
    }
}
