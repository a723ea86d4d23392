using Registry.Domain.Applications;
using Registry.Domain.Attestations;
using Registry.Domain.Common;
using Registry.Domain.Credentials;
using Registry.Domain.Eligibility;
using Registry.Domain.Exams;
using Registry.Domain.Jurisdictions;
using Registry.Domain.Tests.Support;

namespace Registry.Domain.Tests.Renewals;

public class ContinuingEducationTests
{
    private static readonly ProgramRequirements Rules = Tennessee.Requirements(attestations: ["code-of-ethics"]); // 30 CE hours, 6 of ethics
    private static readonly DateOnly Today = Issued.ExpiresOn.AddDays(-20);
    private static readonly Dictionary<string, string> Titles = new() { ["code-of-ethics"] = "Code of ethics" };

    private static CertificationApplication Renewal(Credential? credential = null) =>
        CertificationApplication.StartRenewal(credential ?? Issued.Issue(), Rules, Today, Issued.Staff, Issued.Now);

    private static EligibilityResult Check(CertificationApplication application, bool audited = false, ProgramRequirements? rules = null) =>
        EligibilityCheck.EvaluateContinuing(rules ?? Rules, ApplicantRecords.Of(application, []), Titles, new ContinuingTerms(application.Type, audited, Issued.ExpiresOn));

    [Fact]
    public void CE_counts_from_the_cycles_start_to_today()
    {
        var application = Renewal();

        application.AddContinuingEducation("Trauma-informed care", "State Institute", 6, Issued.IssuedOn, true, null, Today);
        application.AddContinuingEducation("Motivational interviewing", "State Institute", 12, Today, false, null, Today);

        var before = Assert.Throws<DomainRuleException>(() => application.AddContinuingEducation("Old course", "X", 3, Issued.IssuedOn.AddDays(-1), false, null, Today));
        Assert.Contains("before this cycle began", before.Message);
        Assert.Contains("future", Assert.Throws<DomainRuleException>(() => application.AddContinuingEducation("Next course", "X", 3, Today.AddDays(1), false, null, Today)).Message);
        Assert.Equal(2, application.ContinuingEducation.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1.3)]
    [InlineData(201)]
    public void CE_hours_are_positive_quarter_hours(decimal hours)
    {
        Assert.Throws<DomainRuleException>(() => Renewal().AddContinuingEducation("Course", "Provider", hours, Today, false, null, Today));
    }

    [Fact]
    public void A_renewal_records_CE_only_and_an_initial_application_never_does()
    {
        var renewal = Renewal();
        var dates = new RecordDates(Today, null);
        Assert.Throws<DomainRuleException>(() => renewal.AddTrainingRecord(Rules, "Course", "Provider", null, 4, Today, null, dates));
        Assert.Throws<DomainRuleException>(() => renewal.AddWorkExperience(WorkKind.Paid, "Centre", null, Today.AddDays(-3), Today, 8, dates));
        Assert.Throws<DomainRuleException>(() => renewal.AddReference(2, "Ref", "ref@example.org", "Colleague"));

        var initial = CertificationApplication.Start(Guid.NewGuid(), Guid.NewGuid(), ApplicationType.Initial, Issued.Staff, Issued.Now);
        Assert.Contains("renewal or reinstatement", Assert.Throws<DomainRuleException>(() => initial.AddContinuingEducation("Course", "Provider", 3, Today, false, null, Today)).Message);
    }

    [Fact]
    public void The_checklist_counts_CE_and_ethics_hours_without_rejected_entries_and_asks_for_the_attestations_again()
    {
        var application = Renewal();
        var ethics = application.AddContinuingEducation("Ethics refresher", "Board", 6, Today.AddDays(-100), true, null, Today);
        application.AddContinuingEducation("Peer support update", "Board", 24, Today.AddDays(-50), false, null, Today);

        var result = Check(application);
        Assert.Equal(["ce", "ce:ethics", "attestation:code-of-ethics"], result.Requirements.Select(r => r.Code));
        Assert.True(result.Requirements[0].IsMet && result.Requirements[1].IsMet);
        Assert.False(result.ReadyToSubmit); // the code of ethics is signed again on every renewal

        application.Sign(new AttestationWording("code-of-ethics", 2, AttestationKind.Agreement, "Code of ethics", "I follow the code.", false, Issued.Now), true, null, null, Issued.Now);
        Assert.True(Check(application).ReadyToApprove);

        application.Submit(Issued.Staff, Issued.Now, Check(application));
        application.BeginReview(Issued.Staff, Issued.Now);
        application.ReviewRecord(ethics.Id, verified: false, "Not an approved ethics course.");
        var afterRejection = Check(application);
        Assert.Equal((24m, 0m), (afterRejection.Requirements[0].Have, afterRejection.Requirements[1].Have));
        Assert.False(afterRejection.ReadyToApprove);
    }

    [Fact]
    public void An_audited_renewal_is_approvable_only_when_every_CE_entry_is_verified()
    {
        var application = Renewal();
        var first = application.AddContinuingEducation("Ethics refresher", "Board", 6, Today.AddDays(-100), true, null, Today);
        var second = application.AddContinuingEducation("Peer support update", "Board", 24, Today.AddDays(-50), false, null, Today);
        var rules = Tennessee.Requirements(attestations: []);
        application.Submit(Issued.Staff, Issued.Now, Check(application, rules: rules), drawnForCeAudit: true);
        application.BeginReview(Issued.Staff, Issued.Now);
        Assert.True(application.SelectedForCeAudit);
        Assert.Equal(new PendingEntries(0, 0, 2), application.PendingEntries); // the audit's entries wait to be checked

        Assert.True(Check(application, audited: false, rules).ReadyToApprove); // others are approved on attestation
        var audit = Check(application, audited: true, rules);
        Assert.False(audit.ReadyToApprove);
        Assert.Contains("drawn for an audit", audit.Requirements.Single(r => r.Code == "ce-audit").Sentence);
        Assert.Throws<DomainRuleException>(() => application.Approve(Issued.Staff, Issued.Now, null, audit));

        application.ReviewRecord(first.Id, true, null);
        application.ReviewRecord(second.Id, true, null);
        Assert.True(Check(application, audited: true, rules).ReadyToApprove);
    }

    [Fact]
    public void The_audit_draw_is_kept_only_for_a_renewals_first_submission()
    {
        var application = Renewal();
        application.AddContinuingEducation("Update", "Board", 30, Today, true, null, Today);
        var rules = Tennessee.Requirements(attestations: []);
        application.Submit(Issued.Staff, Issued.Now, Check(application, rules: rules), drawnForCeAudit: false);
        application.BeginReview(Issued.Staff, Issued.Now);
        application.RequestInformation(Issued.Staff, Issued.Now, "Upload the certificate.");

        application.Submit(Issued.Staff, Issued.Now, Check(application, rules: rules), "Uploaded.", drawnForCeAudit: true);

        Assert.False(application.SelectedForCeAudit);
        Assert.Equal(0, application.PendingEntries.Total); // approved on attestation: its CE waits for no check
    }

    [Fact]
    public void Reinstatement_asks_for_the_programs_reinstatement_CE_hours_and_a_fresh_exam_when_required()
    {
        var rules = new ProgramRequirements(0, [], 0, 0, 0, new ExamRequirement(70, 30, 3, 365), [], 24, 30, 6, 90, 90,
            reinstatementContinuingEducationHours: 45, reinstatementRequiresExam: true);
        var credential = Issued.In(CredentialStatus.Lapsed);
        var application = CertificationApplication.StartReinstatement(credential, rules, Issued.ExpiresOn.AddDays(200), Issued.Staff, Issued.Now);
        application.AddContinuingEducation("Update", "Board", 30, Issued.ExpiresOn.AddDays(100), true, null, Issued.ExpiresOn.AddDays(200));

        var oldPass = new ExamAttempt(credential.HolderPersonId, credential.ProgramId, rules.Exam!, Issued.IssuedOn.AddDays(-10), 80, 1, Issued.Staff, Issued.Now);
        var result = EligibilityCheck.EvaluateContinuing(rules, ApplicantRecords.Of(application, [oldPass]), Titles, new ContinuingTerms(ApplicationType.Reinstatement, false, Issued.ExpiresOn));

        Assert.Equal((30m, 45m, false), (result.Requirements[0].Have, result.Requirements[0].Need, result.Requirements[0].IsMet));
        var exam = result.Requirements.Single(r => r.Code == "exam");
        Assert.False(exam.IsMet); // a pass before the lapse does not count
        Assert.False(exam.NeededToSubmit);
    }

    [Fact]
    public void Reinstatement_requirements_are_checked_when_configured()
    {
        Assert.Throws<DomainRuleException>(() => new ProgramRequirements(0, [], 0, 0, 0, null, [], 24, 30, 6, 90, 90, reinstatementRequiresExam: true));
        Assert.Throws<DomainRuleException>(() => new ProgramRequirements(0, [], 0, 0, 0, null, [], 24, 30, 6, 90, 90, reinstatementContinuingEducationHours: 5));
        Assert.Equal(30, new ProgramRequirements(0, [], 0, 0, 0, null, [], 24, 30, 6, 90, 90).ContinuingEducationHoursFor(reinstatement: true));
    }

    [Fact]
    public void CE_entries_are_removed_like_other_records()
    {
        var application = Renewal();
        var record = application.AddContinuingEducation("Update", "Board", 3, Today, false, null, Today);

        Assert.Throws<DomainRuleException>(() => application.RemoveRecord(RecordKind.Training, record.Id));
        application.RemoveRecord(RecordKind.ContinuingEducation, record.Id);

        Assert.Empty(application.ContinuingEducation);
    }
}
