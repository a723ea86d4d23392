using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Time;
using Registry.Application.Common.Security;
using Registry.Domain.Applications;
using Registry.Domain.Eligibility;
using Registry.Domain.Exams;
using Registry.Domain.Fees;
using Registry.Application.Features.Fees;

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

        /// <summary>For an endorsement application: the endorsement applied for and the share of work hours stated.</summary>
        public EndorsementModel? Endorsement { get; init; }

        public Guid ProgramId { get; init; }

        /// <summary>The state and program codes that name the program's public requirements page.</summary>
        public string StateCode { get; init; } = "";

        public string ProgramCode { get; init; } = "";

        /// <summary>When staff asked for more information (with <see cref="InformationRequested"/>).</summary>
        public DateTimeOffset? InformationRequestedAt { get; init; }

        /// <summary>An approval or denial: when, and the reason given.</summary>
        public DecisionModel? Decision { get; init; }

        /// <summary>For an approved application: the credential it issued, renewed or reinstated.</summary>
        public CredentialModel? Credential { get; init; }

        /// <summary>After a denial: how to appeal it, or that the program offers no appeal.</summary>
        public AppealOptionsModel? Appeal { get; init; }

        /// <summary>Where to reach the state's board with questions.</summary>
        public BoardContactModel Board { get; init; } = new("", null, null, null, null);

        /// <summary>How to register for the program's exam, in the program's words; null when not given or no exam applies.</summary>
        public string? ExamRegistration { get; init; }

        /// <summary>Before the first submission: the fee submitting will owe, and why; null when the program charges nothing for it.</summary>
        public FeeOnSubmissionModel? FeeOnSubmission { get; init; }

        /// <summary>After the first submission: the fee owed for the application; null when none was.</summary>
        public OwedFeeModel? Fee { get; init; }

        /// <summary>Submitted, but waiting for its fee to be paid or waived before it is reviewed.</summary>
        public bool AwaitingFee { get; init; }

        /// <summary>Median whole days from first submission to a decision in the state over the last year; null when none were made.</summary>
        public int? TypicalDaysToDecision { get; init; }
    }

    /// <param name="MilitaryOrVeteranAmount">The lower amount for a person who serves or served in the military; null when the program has no such rate or it is not lower.</param>
    public sealed record FeeOnSubmissionModel(FeeKind Kind, decimal Amount, FeeBasis Basis, decimal? MilitaryOrVeteranAmount);

    public sealed record OwedFeeModel(Guid Id, FeeKind Kind, decimal Amount, FeeBasis Basis, FeeStatus Status, decimal Balance);

    public sealed record DecisionModel(DateTimeOffset At, string? Reason);

    public sealed record CredentialModel(Guid Id, string Number);

    /// <param name="AppealUntil">The last day to appeal; null when the program offers no appeal.</param>
    /// <param name="WindowOpen">Whether today (in the state's calendar) is on or before the last day.</param>
    /// <param name="Filed">The appeal of this denial, if one was filed: its status and, once decided, the reason.</param>
    public sealed record AppealOptionsModel(DateOnly? AppealUntil, bool WindowOpen, AppealFiledModel? Filed);

    public sealed record AppealFiledModel(DateTimeOffset FiledAt, AppealStatus Status, DateTimeOffset? DecidedAt, string? DecisionReason);

    public sealed record BoardContactModel(string StateName, string? BoardName, string? Email, string? Phone, string? WebAddress);

    /// <param name="AsksForWorkHoursShare">Whether the endorsement asks for a share of work hours with its population.</param>
    public sealed record EndorsementModel(string Code, string Name, string Description, bool AsksForWorkHoursShare, int? WorkHoursSharePercent);

    public sealed record RenewalModel(Guid CredentialId, string CredentialNumber, DateOnly CycleStartsOn, DateOnly CycleEndsOn, bool SelectedForCeAudit);

    public sealed record ExamModel(bool MaySit, string Readiness, IReadOnlyList<AttemptModel> Attempts);

    public sealed record AttemptModel(DateOnly TakenOn, int AttemptNumber, int Score, bool Passed);

    public sealed record AttestationModel(string Code, string Title, bool IsSigned, DateTimeOffset? SignedAt, int? SignedVersion);

    /// <summary>A line of the history: a status change, or a step of an appeal (<see cref="Appeal"/> set, the status unchanged).</summary>
    public sealed record HistoryModel(ApplicationStatus? From, ApplicationStatus To, DateTimeOffset At, string? Reason)
    {
        public AppealStatus? Appeal { get; init; }
    }

    private static IEnumerable<HistoryModel> AppealSteps(ApplicationAppeal appeal)
    {
        yield return new HistoryModel(ApplicationStatus.Denied, ApplicationStatus.Denied, appeal.FiledAt, appeal.Statement) { Appeal = AppealStatus.Open };
        // An overturn is already in the history as the move back under review.
        if (appeal is { Status: AppealStatus.Upheld, DecidedAt: { } decidedAt })
            yield return new HistoryModel(ApplicationStatus.Denied, ApplicationStatus.Denied, decidedAt, appeal.DecisionReason) { Appeal = AppealStatus.Upheld };
    }

    public sealed class Handler(IRegistryDbContext db, IRegistryCalendar calendar, IWorkforceCounts workforce) : IRequestHandler<Query, Model>
    {
        public async Task<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            var application = await db.Applications.AsNoTracking().Whole()
                .SingleOrDefaultAsync(a => a.Id == query.ApplicationId, cancellationToken)
                ?? throw new NotFoundException("Application", query.ApplicationId);
            var program = await db.Programs.AsNoTracking().SingleAsync(p => p.Id == application.ProgramId, cancellationToken);
            var (board, timeZone) = await db.Jurisdictions.Where(j => j.Code == program.StateCode)
                .Select(j => ValueTuple.Create(new BoardContactModel(j.Name, j.BoardName, j.ContactEmail, j.ContactPhone, j.WebAddress), j.TimeZone)).SingleAsync(cancellationToken);
            var stateName = board.StateName;
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

            var endorsement = application.EndorsementCode is { } code && program.Requirements.Endorsement(code) is { } definition
                ? new EndorsementModel(definition.Code, definition.Name, definition.Description, definition.MinimumPopulationSharePercent is not null, application.WorkHoursSharePercent)
                : null;

            var history = application.History.OrderBy(h => h.At).ToList();
            var request = application.Status == ApplicationStatus.InfoRequested ? history.LastOrDefault(h => h.To == ApplicationStatus.InfoRequested) : null;
            var decided = application.Status is ApplicationStatus.Approved or ApplicationStatus.Denied && application.DecidedAt is { } at ? new DecisionModel(at, application.DecisionReason) : null;

            CredentialModel? credential = null;
            if (application.Status == ApplicationStatus.Approved)
            {
                var issued = application.CredentialId is { } renewed
                    ? db.Credentials.Where(c => c.Id == renewed)
                    : db.Credentials.Where(c => c.HolderPersonId == application.PersonId && c.ProgramId == application.ProgramId);
                var held = await issued.OrderByDescending(c => c.IssuedOn).Select(c => new { c.Id, c.Number }).FirstOrDefaultAsync(cancellationToken);
                credential = held is null ? null : new CredentialModel(held.Id, held.Number.Value);
            }

            AppealOptionsModel? appeal = null;
            if (application.Status == ApplicationStatus.Denied)
            {
                var filed = application.CurrentAppeal;
                appeal = new AppealOptionsModel(application.AppealUntil, application.AppealUntil is { } lastDay && today <= lastDay,
                    filed is null ? null : new AppealFiledModel(filed.FiledAt, filed.Status, filed.DecidedAt, filed.DecisionReason));
            }

            FeeOnSubmissionModel? feeOnSubmission = null;
            OwedFeeModel? owed = null;
            if (application.FirstSubmittedAt is null && application.IsEditable)
            {
                var quote = await FeesOwed.QuoteAsync(db, application, program.Requirements, false, today, cancellationToken);
                var military = await FeesOwed.QuoteAsync(db, application, program.Requirements, true, today, cancellationToken);
                if (!quote.IsFree || !military.IsFree)
                    feeOnSubmission = new FeeOnSubmissionModel(quote.Kind, quote.Amount, quote.Basis, military.Basis == FeeBasis.MilitaryOrVeteran ? military.Amount : null);
            }
            else
            {
                var fees = await db.Fees.AsNoTracking().Where(f => f.ApplicationId == application.Id)
                    .Select(f => new { f.Id, f.Kind, f.Amount, f.Basis, f.Status, f.PaidAmount, f.OwedAt }).ToListAsync(cancellationToken);
                owed = fees.OrderByDescending(f => f.OwedAt).Select(f => new OwedFeeModel(f.Id, f.Kind, f.Amount, f.Basis, f.Status,
                    f.Status == FeeStatus.Owed ? f.Amount - f.PaidAmount : 0m)).FirstOrDefault();
            }

            var times = await workforce.DecisionTimesAsync(today.AddYears(-1), today, [new StateTimeZone(program.StateCode, timeZone)], cancellationToken);

            // Appeal steps read as history lines too, in time order with the status changes.
            var steps = history.Select(h => new HistoryModel(h.From, h.To, h.At, h.Reason))
                .Concat(application.Appeals.SelectMany(AppealSteps))
                .OrderBy(h => h.At).ToList();
            return new Model(application.Id, program.Name, stateName, application.Type, application.Status, application.IsEditable,
                request?.Reason, eligibility.Requirements, eligibility.ReadyToSubmit, exam, attestations, steps)
            {
                Renewal = renewal, Endorsement = endorsement, ProgramId = program.Id, StateCode = program.StateCode.Value, ProgramCode = program.Code,
                InformationRequestedAt = request?.At, Decision = decided, Credential = credential, Appeal = appeal, Board = board,
                FeeOnSubmission = feeOnSubmission, Fee = owed, AwaitingFee = application.AwaitingFee,
                TypicalDaysToDecision = times.SingleOrDefault()?.MedianDays, ExamRegistration = exam is null ? null : program.Requirements.Exam?.Registration,
            };
        }
    }
}
