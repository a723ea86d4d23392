using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Applications;
using Registry.Domain.Common;
using Registry.Domain.Eligibility;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.Applications;

internal static class ApplicationLoading
{
    /// <summary>Applications with their whole aggregate: history and every record.</summary>
    public static IQueryable<CertificationApplication> Whole(this IQueryable<CertificationApplication> applications) =>
        applications
            .Include(a => a.History)
            .Include(a => a.TrainingRecords)
            .Include(a => a.WorkExperience)
            .Include(a => a.SupervisionLogs)
            .Include(a => a.References)
            .Include(a => a.Attestations)
            .Include(a => a.ContinuingEducation)
            .Include(a => a.Appeals);

    /// <summary>The whole application aggregate, tracked for change.</summary>
    public static async Task<CertificationApplication> LoadAsync(this DbSet<CertificationApplication> applications, Guid id, CancellationToken cancellationToken) =>
        await applications.Whole().SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
        ?? throw new NotFoundException("Application", id);

    /// <summary>The application with its history and appeals (not its records), tracked for change: enough to appeal a denial or decide the appeal.</summary>
    public static async Task<CertificationApplication> LoadWithAppealsAsync(this DbSet<CertificationApplication> applications, Guid id, CancellationToken cancellationToken) =>
        await applications.Include(a => a.History).Include(a => a.Appeals).SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
        ?? throw new NotFoundException("Application", id);

    /// <summary>The program's checklist for this application, from the domain's eligibility rule.</summary>
    public static async Task<EligibilityResult> EvaluateAsync(this IRegistryDbContext db, CertificationApplication application, CancellationToken cancellationToken)
    {
        var program = await db.Programs.AsNoTracking().SingleAsync(p => p.Id == application.ProgramId, cancellationToken);
        var (rules, version) = (program.Requirements, program.RequirementsVersion);
        if (application.RequirementsVersion is { } judgedBy && judgedBy != program.RequirementsVersion)
        {
            var superseded = await db.ProgramRequirementsVersions.AsNoTracking()
                .SingleAsync(v => v.ProgramId == program.Id && v.Version == judgedBy, cancellationToken);
            (rules, version) = (superseded.Requirements, judgedBy);
        }
        if (application.Type == ApplicationType.Endorsement)
            return await EvaluateEndorsementAsync(db, application, program, rules, cancellationToken) with { RequirementsVersion = version };
        var attempts = await db.ExamAttempts.AsNoTracking()
            .Where(e => e.PersonId == application.PersonId && e.ProgramId == application.ProgramId)
            .ToListAsync(cancellationToken);
        var required = rules.RequiredAttestations;
        var wordings = await db.AttestationWordings.AsNoTracking().Where(w => required.Contains(w.Code)).ToListAsync(cancellationToken);
        var titles = wordings.GroupBy(w => w.Code).ToDictionary(g => g.Key, g => g.MaxBy(w => w.Version)!.Title);
        var records = ApplicantRecords.Of(application, attempts);
        var result = application.IsContinuing
            ? EligibilityCheck.EvaluateContinuing(rules, records, titles,
                new ContinuingTerms(application.Type, application.SelectedForCeAudit, application.CycleEndsOn ?? DateOnly.MinValue))
            : EligibilityCheck.Evaluate(rules, records, titles, application.Type == ApplicationType.Reciprocity);
        return result with { RequirementsVersion = version };
    }

    /// <summary>
    /// An endorsement application's checklist: the training it records plus the training of the holder's approved
    /// applications for the program, the date of birth on the day of first submission (the day it was started, before that),
    /// and the share of work hours the applicant stated.
    /// </summary>
    private static async Task<EligibilityResult> EvaluateEndorsementAsync(IRegistryDbContext db, CertificationApplication application, CredentialProgram program,
        ProgramRequirements rules, CancellationToken cancellationToken)
    {
        var definition = rules.Endorsement(application.EndorsementCode ?? "")
            ?? throw new DomainRuleException($"{program.Name} no longer defines the endorsement {application.EndorsementCode}.");
        var earlier = await db.Applications.AsNoTracking()
            .Where(a => a.PersonId == application.PersonId && a.ProgramId == application.ProgramId && a.Id != application.Id && a.Status == ApplicationStatus.Approved)
            .SelectMany(a => a.TrainingRecords)
            .ToListAsync(cancellationToken);
        var dateOfBirth = await db.People.AsNoTracking().Where(p => p.Id == application.PersonId).Select(p => p.DateOfBirth).SingleAsync(cancellationToken);
        var timeZone = await db.Jurisdictions.AsNoTracking().Where(j => j.Code == program.StateCode).Select(j => j.TimeZone).SingleAsync(cancellationToken);
        var applicationDay = RegistryDay.DayOf(application.FirstSubmittedAt ?? application.CreatedAt, timeZone);
        return EligibilityCheck.EvaluateEndorsement(rules, definition, application.TrainingRecords.Concat(earlier), dateOfBirth, applicationDay, application.WorkHoursSharePercent);
    }
}
