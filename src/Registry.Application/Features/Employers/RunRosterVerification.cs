using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Application.Features.Verification;
using Registry.Domain.Common;
using Registry.Domain.Employers;

namespace Registry.Application.Features.Employers;

/// <summary>
/// The background job's work on a submitted roster: each row matched as <see cref="VerifyRoster"/> does, the
/// result workbook kept in the row; a roster that cannot be verified (an unreadable sheet, no rows, too many,
/// or its employer no longer approved) ends failed with the reason as its problem. A job that finds the roster
/// finished (a retry after a crash) does nothing. Expired verifications are deleted on the way.
/// </summary>
public static class RunRosterVerification
{
    [AllowedRoles(Roles.SystemAdmin)]
    public sealed record Command(Guid RosterVerificationId) : ICommand<Outcome>;

    public sealed record Outcome(RosterVerificationStatus Status);

    public sealed class Handler(IRegistryDbContext db, IRosterReader reader, IRosterWorkbook workbook, TimeProvider clock) : IRequestHandler<Command, Outcome>
    {
        public async Task<Outcome> Handle(Command command, CancellationToken cancellationToken)
        {
            var verification = await db.RosterVerifications.SingleOrDefaultAsync(r => r.Id == command.RosterVerificationId, cancellationToken);
            if (verification is null || verification.IsFinished) return new Outcome(verification?.Status ?? RosterVerificationStatus.Failed);

            verification.Start(clock.GetUtcNow());
            // Saved at once, so a poll sees the roster running while the rows are matched.
            await db.SaveChangesAsync(cancellationToken);

            try
            {
                var approved = await db.Employers.AnyAsync(e => e.Id == verification.EmployerId && e.Status == EmployerStatus.Approved, cancellationToken);
                if (!approved) throw new DomainRuleException("The organisation is no longer approved by the registry.");
                var outcome = await VerifyRoster.VerifyAsync(db, reader, workbook, verification.Upload ?? [], cancellationToken);
                verification.Complete(outcome.Rows.Count, outcome.Matched, outcome.Workbook, clock.GetUtcNow());
            }
            catch (Exception e) when (e is ValidationException or DomainRuleException)
            {
                verification.Fail(e is ValidationException v ? string.Join(" ", v.Errors.Select(f => f.ErrorMessage)) : e.Message, clock.GetUtcNow());
            }

            // Retention, not anyone's decision: rows past their expiry go without an audit entry each.
            var now = clock.GetUtcNow();
            await db.RosterVerifications.Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
            return new Outcome(verification.Status);
        }
    }
}
