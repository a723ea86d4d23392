using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Applications;
using Registry.Domain.Credentials;
using Registry.Domain.Fees;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.Fees;

/// <summary>What a person owes when they submit an application: the program's fee in force then, at the lowest rate they qualify for.</summary>
public static class FeesOwed
{
    /// <summary>
    /// Owes the fee of a first submission (none again at a resubmission) and holds the application back from the review
    /// queue until it is paid or waived; null when the program charges nothing for it.
    /// </summary>
    public static async Task<Fee?> OweAtFirstSubmissionAsync(IRegistryDbContext db, CertificationApplication application, bool militaryOrVeteran,
        DateOnly today, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var program = await db.Programs.AsNoTracking().SingleAsync(p => p.Id == application.ProgramId, cancellationToken);
        var version = application.RequirementsVersion ?? program.RequirementsVersion;
        var rules = version == program.RequirementsVersion
            ? program.Requirements
            : await db.ProgramRequirementsVersions.AsNoTracking().Where(v => v.ProgramId == program.Id && v.Version == version)
                .Select(v => v.Requirements).SingleAsync(cancellationToken);
        var quote = await QuoteAsync(db, application, rules, militaryOrVeteran, today, cancellationToken);
        if (quote.IsFree) return null;
        var fee = Fee.Owe(program.StateCode, program.Id, application.PersonId, quote, version, at, application.Id, application.CredentialId);
        db.Fees.Add(fee);
        application.AwaitFee();
        return fee;
    }

    /// <summary>The fee an application would owe if submitted today: its kind, amount and basis.</summary>
    public static async Task<FeeQuote> QuoteAsync(IRegistryDbContext db, CertificationApplication application, ProgramRequirements rules,
        bool militaryOrVeteran, DateOnly today, CancellationToken cancellationToken)
    {
        var inGrace = false;
        if (application.Type == ApplicationType.Renewal && application.CredentialId is { } renewing)
        {
            var expiresOn = await db.Credentials.Where(c => c.Id == renewing).Select(c => c.ExpiresOn).SingleAsync(cancellationToken);
            inGrace = RenewalWindow.For(expiresOn, rules).InGrace(today);
        }
        // Another active peer credential, in any state: the credential being renewed or reinstated does not count.
        var holdsPeerCredential = await db.Credentials.AnyAsync(c => c.HolderPersonId == application.PersonId
            && (c.Status == CredentialStatus.Active || c.Status == CredentialStatus.Probation)
            && c.Id != application.CredentialId, cancellationToken);
        return rules.QuoteFee(FeeKinds.For(application.Type, inGrace), holdsPeerCredential, militaryOrVeteran);
    }
}
