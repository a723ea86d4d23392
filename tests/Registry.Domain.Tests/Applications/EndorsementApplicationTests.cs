using Registry.Domain.Applications;
using Registry.Domain.Common;
using Registry.Domain.Credentials;
using Registry.Domain.Eligibility;
using Registry.Domain.Jurisdictions;
using Registry.Domain.Tests.Support;

namespace Registry.Domain.Tests.Applications;

public class EndorsementApplicationTests
{
    private static readonly EndorsementDefinition Youth = new("Y", "Youth", "Peer support with young adults.", "ETH", 4, 18, 29, 50);
    private static readonly EndorsementDefinition Family = new("F", "Family", "Peer support with families.");

    private static readonly ProgramRequirements Rules =
        new(46, [new TrainingDomainRequirement("ETH", "Ethical responsibility", 6)], 500, 25, 2, null, [], 24, 30, 6, 90, 90, endorsements: [Youth, Family]);

    private static CertificationApplication Start(Credential credential, string code, params CertificationApplication[] open) =>
        CertificationApplication.StartEndorsement(credential, Rules, code, open, Issued.Staff, Issued.Now);

    [Fact]
    public void The_holder_of_a_credential_in_force_applies_for_an_endorsement_its_program_defines()
    {
        var credential = Issued.Issue();

        var application = Start(credential, " y ");

        Assert.Equal((ApplicationType.Endorsement, "Y", credential.Id, credential.HolderPersonId, ApplicationStatus.Draft),
            (application.Type, application.EndorsementCode, application.CredentialId, application.PersonId, application.Status));
        Assert.False(application.IsContinuing);
    }

    [Fact]
    public void A_code_the_program_does_not_define_is_refused()
    {
        var error = Assert.Throws<DomainRuleException>(() => Start(Issued.Issue(), "V"));
        Assert.Contains("no endorsement", error.Message);
    }

    [Theory]
    [InlineData(CredentialStatus.Suspended)]
    [InlineData(CredentialStatus.Revoked)]
    [InlineData(CredentialStatus.Relinquished)]
    public void A_credential_not_in_force_cannot_apply(CredentialStatus status)
    {
        Assert.Throws<DomainRuleException>(() => Start(Issued.In(status), "Y"));
    }

    [Fact]
    public void An_endorsement_already_held_is_refused_and_one_withdrawn_may_be_applied_for_again()
    {
        var credential = Issued.Issue();
        credential.GrantEndorsement(Family, Issued.IssuedOn, Issued.Staff, Issued.Now);

        Assert.Contains("already carries", Assert.Throws<DomainRuleException>(() => Start(credential, "F")).Message);

        credential.WithdrawEndorsement("F", "Granted in error.", Issued.IssuedOn.AddDays(5), Issued.Staff, Issued.Now);
        Assert.Equal("F", Start(credential, "F").EndorsementCode);
    }

    [Fact]
    public void One_open_application_per_credential_and_code()
    {
        var credential = Issued.Issue();
        var open = Start(credential, "Y");

        Assert.Contains("already have an open application", Assert.Throws<DomainRuleException>(() => Start(credential, "Y", open)).Message);
        Assert.Equal("F", Start(credential, "F", open).EndorsementCode); // another code is a different application

        open.Withdraw(Issued.Staff, Issued.Now, null);
        Assert.Equal("Y", Start(credential, "Y", open).EndorsementCode); // a closed one does not count
    }

    [Fact]
    public void An_endorsement_application_records_training_and_a_share_of_work_hours_but_nothing_else()
    {
        var application = Start(Issued.Issue(), "Y");
        var dates = new RecordDates(new DateOnly(2024, 1, 15), null);

        application.AddTrainingRecord(Rules, "Youth peer support", "Academy", "ETH", 4, new DateOnly(2023, 5, 1), null, dates);
        application.StateWorkHoursShare(60);

        Assert.Equal(60, application.WorkHoursSharePercent);
        Assert.Throws<DomainRuleException>(() => application.StateWorkHoursShare(101));
        Assert.Throws<DomainRuleException>(() => application.StateWorkHoursShare(-1));
        Assert.Throws<DomainRuleException>(() => application.AddWorkExperience(WorkKind.Paid, "Clinic", null, new DateOnly(2023, 1, 1), new DateOnly(2023, 2, 1), 40, dates));
        Assert.Throws<DomainRuleException>(() => application.AddReference(2, "Ana Ruiz", "ana@example.org", "Supervisor"));
        Assert.Throws<DomainRuleException>(() => application.AddContinuingEducation("Ethics", "Academy", 2, new DateOnly(2024, 1, 10), true, null, new DateOnly(2024, 1, 15)));
    }

    [Fact]
    public void Only_an_endorsement_application_takes_a_share_of_work_hours()
    {
        var renewal = CertificationApplication.Start(Guid.NewGuid(), Guid.NewGuid(), ApplicationType.Initial, Issued.Staff, Issued.Now);
        Assert.Throws<DomainRuleException>(() => renewal.StateWorkHoursShare(50));
    }

    [Fact]
    public void The_checklist_is_the_endorsements_requirements_judged_from_the_applicants_records()
    {
        var day = new DateOnly(2026, 5, 31);
        var dates = new RecordDates(day, null);
        var application = Start(Issued.Issue(), "Y");
        var initial = CertificationApplication.Start(application.PersonId, application.ProgramId, ApplicationType.Initial, Issued.Staff, Issued.Now);
        var earlier = initial.AddTrainingRecord(Rules, "Ethics basics", "Academy", "ETH", 6, new DateOnly(2022, 1, 1), null, dates);
        application.AddTrainingRecord(Rules, "Youth ethics", "Academy", "ETH", 3, new DateOnly(2025, 1, 1), null, dates);

        var unmet = EligibilityCheck.EvaluateEndorsement(Rules, Youth, application.TrainingRecords.Append(earlier), null, day, null);

        Assert.Equal(["endorsement:Y:training", "endorsement:Y:age", "endorsement:Y:population"], unmet.Requirements.Select(r => r.Code));
        Assert.Equal((9m, 10m), (unmet.Requirements[0].Have, unmet.Requirements[0].Need)); // 6 the credential asks of the domain, and 4 more
        Assert.All(unmet.Requirements, r => Assert.False(r.IsMet));
        Assert.False(unmet.ReadyToSubmit);

        application.AddTrainingRecord(Rules, "Youth ethics 2", "Academy", "ETH", 1, new DateOnly(2025, 2, 1), null, dates);
        var met = EligibilityCheck.EvaluateEndorsement(Rules, Youth, application.TrainingRecords.Append(earlier), new DateOnly(2000, 1, 1), day, 50);
        Assert.True(met.ReadyToApprove);

        var tooOld = EligibilityCheck.EvaluateEndorsement(Rules, Youth, application.TrainingRecords.Append(earlier), new DateOnly(1990, 1, 1), day, 49);
        Assert.Equal(["endorsement:Y:age", "endorsement:Y:population"], tooOld.Requirements.Where(r => !r.IsMet).Select(r => r.Code));
    }

    [Fact]
    public void An_endorsement_that_asks_nothing_extra_has_an_empty_checklist()
    {
        Assert.True(EligibilityCheck.EvaluateEndorsement(Rules, Family, [], null, new DateOnly(2026, 5, 31), null).ReadyToApprove);
    }
}
