using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Time;
using Registry.Application.Common.Security;
using Registry.Domain.Applications;
using Registry.Domain.Eligibility;
using Registry.Domain.Exams;

namespace Registry.Application.Features.Applications;

/// <summary>
/// One application as its applicant (or their state's staff) works on it: the checklist of every
/// requirement with have / need, what staff asked for, the exam, the attestations and the history.
/// </summary>
public static class GetApplicationOverview
{
    [AllowedRoles(Roles.Applicant, Roles.Reviewer, Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Query(Guid ApplicationId) : IRequest<Model>, IApplicationScoped;

    public sealed record Model(
        Guid Id, string ProgramName, string StateName, ApplicationType Type, ApplicationStatus Status, bool IsEditable,
        string? InformationRequested, IReadOnlyList<RequirementResult> Checklist, bool ReadyToSubmit,
        ExamModel? Exam, IReadOnlyList<AttestationModel> Attestations, IReadOnlyList<HistoryModel> History)
    {
        /// <summary>For a renewal or reinstatement: the credential, the cycle, and whether the CE evidence is audited.</summary>
        public RenewalModel? Renewal { get; init; }
    }

    public sealed record RenewalModel(Guid CredentialId, string CredentialNumber, DateOnly CycleStartsOn, DateOnly CycleEndsOn, bool SelectedForCeAudit);

    public sealed record ExamModel(bool MaySit, string Readiness, IReadOnlyList<AttemptModel> Attempts);

    public sealed record AttemptModel(DateOnly TakenOn, int AttemptNumber, int Score, bool Passed);

    public sealed record AttestationModel(string Code, string Title, bool IsSigned, DateTimeOffset? SignedAt, int? SignedVersion);

    public sealed record HistoryModel(ApplicationStatus? From, ApplicationStatus To, DateTimeOffset At, string? Reason);

    public sealed class Handler(IRegistryDbContext db, IRegistryCalendar calendar) : IRequestHandler<Query, Model>
    {
        public async Task<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            var application = await db.Applications.AsNoTracking().Whole()
                .SingleOrDefaultAsync(a => a.Id == query.ApplicationId, cancellationToken)
                ?? throw new NotFoundException("Application", query.ApplicationId);
            var program = await db.Programs.AsNoTracking().SingleAsync(p => p.Id == application.ProgramId, cancellationToken);
            var stateName = await db.Jurisdictions.Where(j => j.Code == program.StateCode).Select(j => j.Name).SingleAsync(cancellationToken);
            var attempts = await db.ExamAttempts.AsNoTracking()
                .Where(e => e.PersonId == application.PersonId && e.ProgramId == application.ProgramId)
                .OrderBy(e => e.TakenOn).ToListAsync(cancellationToken);
            var eligibility = await db.EvaluateAsync(application, cancellationToken);
            var today = await calendar.TodayAsync(program.StateCode, cancellationToken);

            ExamModel? exam = null;
            var examApplies = application.Type switch
            {
                ApplicationType.Initial => true,
                ApplicationType.Reinstatement => program.Requirements.ReinstatementRequiresExam,
                _ => false,
            };
            if (program.Requirements.Exam is { } rules && examApplies)
            {
                var trainingComplete = eligibility.Requirements.Where(r => r.Code.StartsWith("training", StringComparison.Ordinal)).All(r => r.IsMet);
                var readiness = ExamReadiness.For(rules, trainingComplete, attempts, today);
                exam = new ExamModel(readiness.MaySit, readiness.Reason, attempts.Select(a => new AttemptModel(a.TakenOn, a.AttemptNumber, a.Score, a.Passed)).ToList());
            }

            var signed = application.Attestations.ToDictionary(a => a.Code);
            var attestations = eligibility.Requirements.Where(r => r.Code.StartsWith("attestation:", StringComparison.Ordinal))
                .Select(r => r.Code["attestation:".Length..])
                .Select(code => new AttestationModel(code, eligibility.Requirements.Single(r => r.Code == $"attestation:{code}").Title,
                    signed.ContainsKey(code), signed.GetValueOrDefault(code)?.SignedAt, signed.GetValueOrDefault(code)?.WordingVersion))
                .ToList();

            RenewalModel? renewal = null;
            if (application.CredentialId is { } credentialId)
            {
                var number = await db.Credentials.Where(c => c.Id == credentialId).Select(c => c.Number).SingleAsync(cancellationToken);
                renewal = new RenewalModel(credentialId, number.Value, application.CycleStartsOn!.Value, application.CycleEndsOn!.Value, application.SelectedForCeAudit);
            }

            var history = application.History.OrderBy(h => h.At).ToList();
            var informationRequested = application.Status == ApplicationStatus.InfoRequested ? history.LastOrDefault(h => h.To == ApplicationStatus.InfoRequested)?.Reason : null;
            return new Model(application.Id, program.Name, stateName, application.Type, application.Status, application.IsEditable,
                informationRequested, eligibility.Requirements, eligibility.ReadyToSubmit, exam, attestations,
                history.Select(h => new HistoryModel(h.From, h.To, h.At, h.Reason)).ToList()) { Renewal = renewal };
        }
    }
}
