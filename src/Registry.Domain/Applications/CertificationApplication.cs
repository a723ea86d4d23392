using Registry.Domain.Attestations;
using Registry.Domain.Common;
using Registry.Domain.Credentials;
using Registry.Domain.Eligibility;
using Registry.Domain.Jurisdictions;

namespace Registry.Domain.Applications;

/// <summary>
/// A person's request for a program's credential (initial, renewal, reciprocity or reinstatement).
/// Every status change is recorded with who made it, when, and why.
/// </summary>
public sealed class CertificationApplication : IVersioned, IHasDomainEvents
{
    private readonly List<ApplicationStatusChange> _history = [];
    private readonly List<TrainingRecord> _trainingRecords = [];
    private readonly List<WorkExperience> _workExperience = [];
    private readonly List<SupervisionLog> _supervisionLogs = [];
    private readonly List<Reference> _references = [];
    private readonly List<SignedAttestation> _attestations = [];
    private readonly List<ContinuingEducationRecord> _continuingEducation = [];
    private readonly List<ApplicationAppeal> _appeals = [];
    private readonly List<IDomainEvent> _domainEvents = [];

    private CertificationApplication() { }

    public static CertificationApplication Start(Guid personId, Guid programId, ApplicationType type, Guid actorUserId, DateTimeOffset at)
    {
        var application = new CertificationApplication
        {
            Id = Guid.CreateVersion7(),
            PersonId = personId,
            ProgramId = programId,
            Type = type,
            Status = ApplicationStatus.Draft,
            CreatedAt = at,
        };
        application._history.Add(new ApplicationStatusChange(application.Id, null, ApplicationStatus.Draft, actorUserId, at, null));
        return application;
    }

    /// <summary>
    /// A holder starts a renewal of their credential, inside its renewal window or grace period; the
    /// application remembers the cycle it renews (its continuing education counts from the cycle's start).
    /// </summary>
    public static CertificationApplication StartRenewal(Credential credential, ProgramRequirements rules, DateOnly today, Guid actorUserId, DateTimeOffset at)
    {
        credential.EnsureRenewable(rules, today);
        return StartFor(credential, ApplicationType.Renewal, actorUserId, at);
    }

    /// <summary>A holder of a lapsed credential applies to have it reinstated; the program decides what that needs.</summary>
    public static CertificationApplication StartReinstatement(Credential credential, ProgramRequirements rules, DateOnly today, Guid actorUserId, DateTimeOffset at)
    {
        credential.EnsureReinstatable(rules, today);
        return StartFor(credential, ApplicationType.Reinstatement, actorUserId, at);
    }

    /// <summary>
    /// The holder of a credential in force applies for an endorsement its program defines and the credential does not
    /// already carry; refused while another endorsement application for the same code is open (<paramref name="openApplications"/>:
    /// the credential's open applications).
    /// </summary>
    public static CertificationApplication StartEndorsement(Credential credential, ProgramRequirements rules, string code,
        IEnumerable<CertificationApplication> openApplications, Guid actorUserId, DateTimeOffset at)
    {
        var wanted = (code ?? "").Trim().ToUpperInvariant();
        var definition = rules.Endorsements.SingleOrDefault(e => e.Code == wanted)
            ?? throw new DomainRuleException($"This credential's program has no endorsement \"{wanted}\".");
        if (credential.Status is not (CredentialStatus.Active or CredentialStatus.Probation))
            throw new DomainRuleException($"Credential {credential.Number} is not in force; you can apply for an endorsement only while your credential is active.");
        if (credential.HasEndorsement(definition.Code))
            throw new DomainRuleException($"Credential {credential.Number} already carries the {definition.Name} endorsement ({definition.Code}).");
        if (openApplications.Any(a => a.IsOpen && a.Type == ApplicationType.Endorsement && a.CredentialId == credential.Id && a.EndorsementCode == definition.Code))
            throw new DomainRuleException($"You already have an open application for the {definition.Name} endorsement; continue that one.");
        var application = StartFor(credential, ApplicationType.Endorsement, actorUserId, at);
        application.EndorsementCode = definition.Code;
        return application;
    }

    private static CertificationApplication StartFor(Credential credential, ApplicationType type, Guid actorUserId, DateTimeOffset at)
    {
        var application = Start(credential.HolderPersonId, credential.ProgramId, type, actorUserId, at);
        application.CredentialId = credential.Id;
        application.CycleStartsOn = credential.CycleStartsOn;
        application.CycleEndsOn = credential.ExpiresOn;
        return application;
    }

    public Guid Id { get; private set; }
    public Guid PersonId { get; private set; }
    public Guid ProgramId { get; private set; }
    public ApplicationType Type { get; private set; }

    /// <summary>The credential a renewal, reinstatement or endorsement application is for; null for initial and reciprocity applications.</summary>
    public Guid? CredentialId { get; private set; }

    /// <summary>For a renewal or reinstatement: the first day of the credential's cycle when it started, from which CE counts.</summary>
    public DateOnly? CycleStartsOn { get; private set; }

    /// <summary>For a renewal or reinstatement: the expiry the application renews from.</summary>
    public DateOnly? CycleEndsOn { get; private set; }

    /// <summary>For an endorsement application: the code of the program's endorsement applied for; null for other types.</summary>
    public string? EndorsementCode { get; private set; }

    /// <summary>
    /// For an endorsement that asks for a share of work hours with its population: the share, 0 to 100 percent, the
    /// applicant states; null until stated.
    /// </summary>
    public int? WorkHoursSharePercent { get; private set; }

    /// <summary>The applicant states the share of their work hours spent with the endorsement's population.</summary>
    public void StateWorkHoursShare(int percent)
    {
        EnsureEditable();
        if (Type != ApplicationType.Endorsement) throw new DomainRuleException("Only an endorsement application asks for a share of work hours.");
        if (percent is < 0 or > 100) throw new DomainRuleException("The share of work hours is between 0 and 100 percent.");
        WorkHoursSharePercent = percent;
    }

    /// <summary>A renewal drawn at first submission for a CE audit: staff verify every CE entry before approval.</summary>
    public bool SelectedForCeAudit { get; private set; }

    /// <summary>Renewals and reinstatements carry continuing education; initial and reciprocity applications carry training and experience.</summary>
    public bool IsContinuing => Type is ApplicationType.Renewal or ApplicationType.Reinstatement;
    public ApplicationStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>The latest submission (a resubmission after a request for information moves it).</summary>
    public DateTimeOffset? SubmittedAt { get; private set; }
    /// <summary>The first submission: the wait for a decision counts from it.</summary>
    public DateTimeOffset? FirstSubmittedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecisionReason { get; private set; }

    /// <summary>After a denial: the last day (in the state's calendar) to appeal it; null when the program offers no appeal.</summary>
    public DateOnly? AppealUntil { get; private set; }

    /// <summary>The version of the program's requirements in force when the application was first submitted.</summary>
    public int? RequirementsVersion { get; private set; }

    /// <summary>Why a StateAdmin approved despite an unmet requirement; null when nothing was waived.</summary>
    public string? WaiverReason { get; private set; }

    public Guid? WaivedByUserId { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<ApplicationStatusChange> History => _history;
    public IReadOnlyList<TrainingRecord> TrainingRecords => _trainingRecords;
    public IReadOnlyList<WorkExperience> WorkExperience => _workExperience;
    public IReadOnlyList<SupervisionLog> SupervisionLogs => _supervisionLogs;
    public IReadOnlyList<Reference> References => _references;
    public IReadOnlyList<SignedAttestation> Attestations => _attestations;
    public IReadOnlyList<ContinuingEducationRecord> ContinuingEducation => _continuingEducation;
    public IReadOnlyList<ApplicationAppeal> Appeals => _appeals;

    /// <summary>The appeal of the current denial, open or decided; null when none was filed.</summary>
    public ApplicationAppeal? CurrentAppeal =>
        Status == ApplicationStatus.Denied && DecidedAt is { } deniedAt ? _appeals.LastOrDefault(a => a.FiledAt >= deniedAt) : null;

    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents;

    public void ClearDomainEvents() => _domainEvents.Clear();

    /// <summary>The applicant changes their records only in a draft, or when staff have asked for more.</summary>
    public bool IsEditable => Status is ApplicationStatus.Draft or ApplicationStatus.InfoRequested;

    public bool IsOpen => Status.IsOpen();

    /// <summary>Submits, or resubmits after a request for information; refused with the list of what is missing.</summary>
    /// <param name="drawnForCeAudit">The audit draw, kept only at a renewal's first submission.</param>
    public void Submit(Guid actorUserId, DateTimeOffset at, EligibilityResult eligibility, string? answer = null, bool drawnForCeAudit = false)
    {
        if (IsEditable && !eligibility.ReadyToSubmit)
            throw new DomainRuleException("Your application cannot be submitted yet. Still missing: " +
                string.Join(" ", eligibility.MissingToSubmit.Select(r => r.Sentence)));
        if (Status == ApplicationStatus.InfoRequested && string.IsNullOrWhiteSpace(answer))
            throw new DomainRuleException("Please answer the request for information before you resubmit.");
        MoveTo(ApplicationStatus.Submitted, actorUserId, at, string.IsNullOrWhiteSpace(answer) ? null : answer.Trim());
        if (RequirementsVersion is null && Type == ApplicationType.Renewal) SelectedForCeAudit = drawnForCeAudit;
        RequirementsVersion ??= eligibility.RequirementsVersion; // judged by the rules in force at first submission
        SubmittedAt = at;
        FirstSubmittedAt ??= at;
    }

    public TrainingRecord AddTrainingRecord(ProgramRequirements rules, string course, string provider, string? domainCode, decimal hours, DateOnly completedOn, Guid? evidenceDocumentId, RecordDates dates)
    {
        EnsureEditable();
        EnsureInitialRecords(trainingOnly: true);
        var domain = string.IsNullOrWhiteSpace(domainCode) ? "" : domainCode.Trim();
        if (domain.Length > 0 && rules.TrainingDomains.All(d => d.Code != domain))
            throw new DomainRuleException($"'{domain}' is not one of this program's training domains.");
        Hours.Require(hours, 200, "training hours");
        dates.Require(completedOn, "completion date");
        if (_trainingRecords.Any(t => t.SameAs(course ?? "", provider ?? "", completedOn)))
            throw new DomainRuleException("This course from this provider on this date is already recorded.");
        var record = new TrainingRecord(Id, course!, provider!, domain, hours, completedOn, evidenceDocumentId);
        _trainingRecords.Add(record);
        return record;
    }

    public WorkExperience AddWorkExperience(WorkKind kind, string organisation, string? role, DateOnly startOn, DateOnly endOn, decimal hours, RecordDates dates)
    {
        EnsureEditable();
        EnsureInitialRecords();
        dates.Require(startOn, "start date");
        dates.Require(endOn, "end date");
        if (endOn < startOn) throw new DomainRuleException("The end date is before the start date.");
        var days = endOn.DayNumber - startOn.DayNumber + 1;
        Hours.Require(hours, 24m * days, "work hours");
        if (_workExperience.Any(w => w.SameAs(organisation ?? "", startOn)))
            throw new DomainRuleException("Work at this organisation starting on this date is already recorded.");
        var record = new WorkExperience(Id, kind, organisation!, role ?? "", startOn, endOn, hours);
        _workExperience.Add(record);
        return record;
    }

    public SupervisionLog AddSupervisionLog(DateOnly heldOn, decimal hours, SupervisionFormat format, string topics,
        string supervisorName, string supervisorCredential, string supervisorEmail, RecordDates dates)
    {
        EnsureEditable();
        EnsureInitialRecords();
        dates.Require(heldOn, "supervision date");
        Hours.Require(hours, 24, "supervision hours");
        if (_supervisionLogs.Any(l => l.SameAs(heldOn, supervisorEmail ?? "", hours)))
            throw new DomainRuleException("This supervision session is already recorded.");
        var log = new SupervisionLog(Id, heldOn, hours, format, topics, supervisorName, supervisorCredential, supervisorEmail);
        _supervisionLogs.Add(log);
        return log;
    }

    public Reference AddReference(int referencesRequired, string refereeName, string refereeEmail, string relationship)
    {
        EnsureEditable();
        EnsureInitialRecords();
        if (referencesRequired == 0) throw new DomainRuleException("This program does not ask for references.");
        if (_references.Any(r => r.RefereeEmail.Equals(refereeEmail?.Trim(), StringComparison.OrdinalIgnoreCase)))
            throw new DomainRuleException("This referee is already named.");
        var reference = new Reference(Id, refereeName, refereeEmail, relationship);
        _references.Add(reference);
        return reference;
    }

    /// <summary>A course of continuing education, completed in the current cycle.</summary>
    public ContinuingEducationRecord AddContinuingEducation(string course, string provider, decimal hours, DateOnly completedOn, bool isEthics, Guid? evidenceDocumentId, DateOnly today)
    {
        EnsureEditable();
        if (!IsContinuing || CycleStartsOn is not { } cycleStart)
            throw new DomainRuleException("Continuing education is recorded on a renewal or reinstatement; an initial application records training instead.");
        Hours.Require(hours, 200, "CE hours");
        new CycleDates(cycleStart, today).Require(completedOn, "completion date");
        if (_continuingEducation.Any(c => c.SameAs(course ?? "", provider ?? "", completedOn)))
            throw new DomainRuleException("This course from this provider on this date is already recorded.");
        var record = new ContinuingEducationRecord(Id, course!, provider!, hours, completedOn, isEthics, evidenceDocumentId);
        _continuingEducation.Add(record);
        return record;
    }

    /// <summary>Removes an entry of the given kind the applicant added by mistake; confirmed entries stay.</summary>
    public void RemoveRecord(RecordKind kind, Guid recordId)
    {
        EnsureEditable();
        var removed = kind switch
        {
            RecordKind.Training => _trainingRecords.RemoveAll(r => r.Id == recordId),
            RecordKind.Work => _workExperience.RemoveAll(r => r.Id == recordId),
            RecordKind.Supervision => _supervisionLogs.RemoveAll(r => r.Id == recordId && !r.IsConfirmed),
            RecordKind.ContinuingEducation => _continuingEducation.RemoveAll(r => r.Id == recordId),
            _ => _references.RemoveAll(r => r.Id == recordId && !r.IsConfirmed),
        };
        if (removed == 0) throw new DomainRuleException($"That {(kind == RecordKind.ContinuingEducation ? "continuing education" : kind.ToString().ToLowerInvariant())} entry is not on this application, or it has already been confirmed.");
    }

    /// <summary>A supervisor confirms their sessions; confirmation may arrive after submission.</summary>
    /// <summary>A supervisor confirms their sessions, perhaps with a statement that staff read beside each of them.</summary>
    public int ConfirmSupervision(string supervisorEmail, IEnumerable<Guid> logIds, DateTimeOffset at, string? statement = null)
    {
        var ids = logIds.ToHashSet();
        var logs = _supervisionLogs.Where(l => ids.Contains(l.Id) && l.SupervisorEmail.Equals(supervisorEmail, StringComparison.OrdinalIgnoreCase)).ToList();
        logs.ForEach(l => l.Confirm(statement, at));
        return logs.Count;
    }

    public void ConfirmReference(Guid referenceId, string refereeEmail, string? statement, DateTimeOffset at)
    {
        var reference = _references.SingleOrDefault(r => r.Id == referenceId && r.RefereeEmail.Equals(refereeEmail, StringComparison.OrdinalIgnoreCase))
            ?? throw new DomainRuleException("This reference is no longer on the application.");
        reference.Confirm(statement, at);
    }

    public SignedAttestation Sign(AttestationWording wording, bool agreed, bool? disclosedYes, string? statement, DateTimeOffset at)
    {
        EnsureEditable();
        if (_attestations.Any(a => a.Code == wording.Code)) throw new DomainRuleException($"You have already signed \"{wording.Title}\".");
        if (!agreed) throw new DomainRuleException($"Tick the box to sign \"{wording.Title}\".");
        if (wording.Kind == AttestationKind.Disclosure && disclosedYes is null) throw new DomainRuleException($"Answer yes or no to \"{wording.Title}\".");
        var explanationNeeded = wording.Kind == AttestationKind.Agreement ? wording.AsksForStatement : disclosedYes == true;
        var text = string.IsNullOrWhiteSpace(statement) ? null : statement.Trim();
        if (explanationNeeded && text is null)
            throw new DomainRuleException(wording.Kind == AttestationKind.Agreement ? $"Write your statement for \"{wording.Title}\"." : $"Explain your answer to \"{wording.Title}\".");
        if (text is { Length: > 4000 }) throw new DomainRuleException("A statement can be at most 4000 characters.");
        var signature = new SignedAttestation(Id, wording, wording.Kind == AttestationKind.Disclosure ? disclosedYes : null, text, at);
        _attestations.Add(signature);
        return signature;
    }

    private void EnsureInitialRecords(bool trainingOnly = false)
    {
        if (IsContinuing)
            throw new DomainRuleException($"A {Type.ToString().ToLowerInvariant()} records continuing education, not training, work, supervision or references.");
        if (Type == ApplicationType.Endorsement && !trainingOnly)
            throw new DomainRuleException("An endorsement application records training only, not work, supervision or references.");
    }

    private void EnsureEditable()
    {
        if (!IsEditable)
            throw new DomainRuleException($"This application is {Describe(Status)}; it can be changed only while it is a draft or when staff have asked for more information.");
    }

    public void BeginReview(Guid reviewerUserId, DateTimeOffset at)
    {
        if (AwaitingFee) throw new DomainRuleException("This application's fee is not paid or waived yet, so it cannot be reviewed.");
        MoveTo(ApplicationStatus.UnderReview, reviewerUserId, at, null);
    }

    /// <summary>
    /// Submitted, but waiting for its fee to be paid or waived before it enters the review queue; set at the first
    /// submission when the program charges for it.
    /// </summary>
    public bool AwaitingFee { get; private set; }

    /// <summary>The fee owed at the first submission: the application waits for it.</summary>
    public void AwaitFee()
    {
        if (Status != ApplicationStatus.Submitted) throw new DomainRuleException("Only a submitted application waits for its fee.");
        AwaitingFee = true;
    }

    /// <summary>The fee was paid or waived: the application goes to the review queue.</summary>
    public void FeeSettled() => AwaitingFee = false;

    public void RequestInformation(Guid reviewerUserId, DateTimeOffset at, string message) =>
        MoveTo(ApplicationStatus.InfoRequested, reviewerUserId, at, RequireReason(message, "A request for information needs a message to the applicant."));

    /// <summary>
    /// Approves; refused while the checklist has an unmet line or a training, work or continuing-education entry is
    /// still pending review, unless a waiver with its reason is given (who may grant one is the application layer's concern: a StateAdmin).
    /// </summary>
    public void Approve(Guid reviewerUserId, DateTimeOffset at, string? note, EligibilityResult eligibility, string? waiverReason = null)
    {
        var pending = PendingEntries;
        if (!eligibility.ReadyToApprove || pending.Total > 0)
        {
            if (string.IsNullOrWhiteSpace(waiverReason) && !eligibility.ReadyToApprove)
                throw new DomainRuleException("This application cannot be approved while requirements are unmet: " +
                    string.Join(" ", eligibility.Requirements.Where(r => !r.IsMet).Select(r => r.Sentence)));
            if (string.IsNullOrWhiteSpace(waiverReason))
                throw new DomainRuleException($"This application cannot be approved while {pending.Describe()} {(pending.Total == 1 ? "is" : "are")} " +
                    "not yet checked: verify or reject each one, or verify all remaining entries.");
            WaiverReason = waiverReason.Trim();
            WaivedByUserId = reviewerUserId;
        }
        MoveTo(ApplicationStatus.Approved, reviewerUserId, at, note);
        Decide(at, note);
    }

    /// <summary>A reviewer verifies or rejects one training, work or continuing-education entry while the application is under review.</summary>
    public void ReviewRecord(Guid recordId, bool verified, string? reason)
    {
        if (Status != ApplicationStatus.UnderReview) throw new DomainRuleException("Records are reviewed while the application is under review.");
        if (!verified && string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("Say why the entry is rejected; the applicant will read it.");
        var review = verified ? RecordReview.Verified : RecordReview.Rejected;
        var note = verified ? null : reason!.Trim();
        if (_trainingRecords.SingleOrDefault(r => r.Id == recordId) is { } training) training.SetReview(review, note);
        else if (_workExperience.SingleOrDefault(r => r.Id == recordId) is { } work) work.SetReview(review, note);
        else if (_continuingEducation.SingleOrDefault(r => r.Id == recordId) is { } education) education.SetReview(review, note);
        else throw new DomainRuleException("That entry is not a training, work or continuing-education entry of this application.");
    }

    /// <summary>
    /// The entries staff have not yet verified or rejected, by kind. Continuing education counts only on a renewal
    /// drawn for a CE audit: any other renewal or reinstatement is approved on the holder's attestation.
    /// </summary>
    public PendingEntries PendingEntries => new(
        _trainingRecords.Count(r => r.Review == RecordReview.Pending),
        _workExperience.Count(r => r.Review == RecordReview.Pending),
        SelectedForCeAudit ? _continuingEducation.Count(r => r.Review == RecordReview.Pending) : 0);

    /// <summary>A reviewer who has checked the evidence marks every entry still pending as verified at once; returns how many it marked.</summary>
    public PendingEntries VerifyRemainingRecords()
    {
        if (Status != ApplicationStatus.UnderReview) throw new DomainRuleException("Records are reviewed while the application is under review.");
        var pending = PendingEntries;
        if (pending.Total == 0) throw new DomainRuleException("Every entry is already checked; there is nothing left to verify.");
        foreach (var training in _trainingRecords.Where(r => r.Review == RecordReview.Pending)) training.SetReview(RecordReview.Verified, null);
        foreach (var work in _workExperience.Where(r => r.Review == RecordReview.Pending)) work.SetReview(RecordReview.Verified, null);
        if (SelectedForCeAudit)
            foreach (var education in _continuingEducation.Where(r => r.Review == RecordReview.Pending)) education.SetReview(RecordReview.Verified, null);
        return pending;
    }

    /// <param name="appealUntil">The last day to appeal, from the program's appeal window; null when it offers none.</param>
    public void Deny(Guid reviewerUserId, DateTimeOffset at, string reason, DateOnly? appealUntil = null)
    {
        var stated = RequireReason(reason, "A denial needs a reason the applicant can read.");
        MoveTo(ApplicationStatus.Denied, reviewerUserId, at, stated);
        Decide(at, stated);
        AppealUntil = appealUntil;
    }

    /// <summary>
    /// The applicant appeals the denial with a statement, on or before <see cref="AppealUntil"/> (<paramref name="today"/>
    /// is the state's day); one appeal per denial.
    /// </summary>
    public ApplicationAppeal FileAppeal(string statement, DateOnly today, Guid actorUserId, DateTimeOffset at)
    {
        if (Status != ApplicationStatus.Denied) throw new DomainRuleException("Only a denied application can be appealed.");
        if (AppealUntil is not { } lastDay) throw new DomainRuleException("This program does not offer an appeal of a denial. You can apply again.");
        if (CurrentAppeal is { } filed)
            throw new DomainRuleException(filed.IsOpen
                ? "An appeal of this denial is already open; staff will decide it."
                : $"The appeal of this denial was decided on {filed.DecidedAt:MMMM d, yyyy}. You can apply again.");
        if (today > lastDay) throw new DomainRuleException($"The time to appeal this denial ended on {lastDay:MMMM d, yyyy}. You can apply again.");
        var text = RequireReason(statement, "Write your statement: why the decision should change.");
        if (text.Length > ApplicationAppeal.StatementMaxLength) throw new DomainRuleException($"A statement can be at most {ApplicationAppeal.StatementMaxLength} characters.");
        var appeal = new ApplicationAppeal(Id, text, actorUserId, at);
        _appeals.Add(appeal);
        _domainEvents.Add(new ApplicationAppealChanged(Id, appeal.Id, PersonId, ProgramId, AppealStatus.Open, null, lastDay, at));
        return appeal;
    }

    /// <summary>Staff uphold the denial on appeal: it stands, and the applicant reads why.</summary>
    public void UpholdDenial(Guid reviewerUserId, DateTimeOffset at, string reason)
    {
        var appeal = RequireOpenAppeal();
        var stated = RequireReason(reason, "Say why the denial stands; the applicant will read it.");
        appeal.Decide(AppealStatus.Upheld, stated, reviewerUserId, at);
        _domainEvents.Add(new ApplicationAppealChanged(Id, appeal.Id, PersonId, ProgramId, AppealStatus.Upheld, stated, null, at));
    }

    /// <summary>Staff overturn the denial on appeal: the application is under review again, so it can be approved.</summary>
    public void OverturnDenial(Guid reviewerUserId, DateTimeOffset at, string reason)
    {
        var appeal = RequireOpenAppeal();
        var stated = RequireReason(reason, "Say why the denial is overturned; the applicant will read it.");
        appeal.Decide(AppealStatus.Overturned, stated, reviewerUserId, at);
        MoveTo(ApplicationStatus.UnderReview, reviewerUserId, at, $"Denial overturned on appeal: {stated}", byAppeal: true);
        DecidedAt = null;
        DecisionReason = null;
        AppealUntil = null;
        _domainEvents.Add(new ApplicationAppealChanged(Id, appeal.Id, PersonId, ProgramId, AppealStatus.Overturned, stated, null, at));
    }

    private ApplicationAppeal RequireOpenAppeal() =>
        Status == ApplicationStatus.Denied && CurrentAppeal is { IsOpen: true } appeal
            ? appeal
            : throw new DomainRuleException("There is no open appeal on this application to decide.");

    public void Withdraw(Guid actorUserId, DateTimeOffset at, string? reason) => MoveTo(ApplicationStatus.Withdrawn, actorUserId, at, reason);

    private void Decide(DateTimeOffset at, string? reason)
    {
        DecidedAt = at;
        DecisionReason = reason;
    }

    private void MoveTo(ApplicationStatus to, Guid actorUserId, DateTimeOffset at, string? reason, bool byAppeal = false)
    {
        var allowed = byAppeal ? ApplicationStatusRules.AppealMoves.Contains((Status, to)) : ApplicationStatusRules.AllowedMoves.Contains((Status, to));
        if (!allowed)
            throw new DomainRuleException($"An application that is {Describe(Status)} cannot become {Describe(to)}.");
        var change = new ApplicationStatusChange(Id, Status, to, actorUserId, at, reason);
        _history.Add(change);
        _domainEvents.Add(new ApplicationStatusChanged(Id, change.Id, PersonId, ProgramId, Status, to, reason, at));
        Status = to;
    }

    private static string RequireReason(string? reason, string refusal) =>
        string.IsNullOrWhiteSpace(reason) ? throw new DomainRuleException(refusal) : reason.Trim();

    private static string Describe(ApplicationStatus status) => status switch
    {
        ApplicationStatus.UnderReview => "under review",
        ApplicationStatus.InfoRequested => "waiting for information",
        _ => status.ToString().ToLowerInvariant(),
    };
}

/// <summary>One entry in an application's history; never changed once written.</summary>
public sealed class ApplicationStatusChange
{
    private ApplicationStatusChange() { }

    internal ApplicationStatusChange(Guid applicationId, ApplicationStatus? from, ApplicationStatus to, Guid actorUserId, DateTimeOffset at, string? reason)
    {
        Id = Guid.CreateVersion7();
        ApplicationId = applicationId;
        From = from;
        To = to;
        ActorUserId = actorUserId;
        At = at;
        Reason = reason;
    }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public ApplicationStatus? From { get; private set; }
    public ApplicationStatus To { get; private set; }
    public Guid ActorUserId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? Reason { get; private set; }
}
