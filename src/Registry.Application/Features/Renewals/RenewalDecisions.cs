using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Features.Discipline;
using Registry.Application.Features.Review;
using Registry.Domain.Applications;
using Registry.Domain.Common;
using Registry.Domain.Credentials;

namespace Registry.Application.Features.Renewals;

/// <summary>What approving a renewal or reinstatement does to the credential (the approval itself is <see cref="ApproveApplication"/>).</summary>
internal static class RenewalDecisions
{
    public static async Task<ApproveApplication.CredentialIssued> ApproveAsync(IRegistryDbContext db, CertificationApplication application, Guid actorUserId,
        DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var credential = await db.LoadCredentialAsync(application.CredentialId!.Value, cancellationToken);
        var program = await db.Programs.AsNoTracking().SingleAsync(p => p.Id == application.ProgramId, cancellationToken);
        var rules = program.Requirements;

        if (application.Type == ApplicationType.Renewal)
        {
            // The renewal extends the expiry it was started for; anything else means the credential moved on meanwhile.
            if (credential.ExpiresOn != application.CycleEndsOn)
                throw new DomainRuleException($"Credential {credential.Number} no longer expires on {application.CycleEndsOn:yyyy-MM-dd}; this renewal no longer applies.");
            credential.Renew(rules.RenewalCycleMonths, today, actorUserId, now);
        }
        else
        {
            // Past the grace period but not yet marked lapsed by the nightly job: it lapses first, as it would have.
            if (credential.Status == CredentialStatus.Expired && credential.WhyNotReinstatable(rules, today) is null)
                credential.Lapse(today, rules.GracePeriodDays, now);
            credential.ReinstateAfterLapse(rules, today, actorUserId, now);
        }
        return new ApproveApplication.CredentialIssued(credential.Id, credential.Number.Value, credential.IssuedOn, credential.ExpiresOn) { ApplicationType = application.Type };
    }
}
