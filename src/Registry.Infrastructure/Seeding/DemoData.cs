using Registry.Domain.Eligibility;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Security;
using Registry.Domain.Applications;
using Registry.Domain.Attestations;
using Registry.Domain.Credentials;
using Registry.Domain.Employers;
using Registry.Domain.Exams;
using Registry.Application.Features.Fees;
using Registry.Domain.Fees;
using Registry.Domain.Jurisdictions;
using Registry.Domain.People;
using Registry.Infrastructure.Identity;
using Registry.Infrastructure.Persistence;

namespace Registry.Infrastructure.Seeding;

/// <summary>
/// Demo data for Development only: six states whose programs (and fees) differ, staff, applicants with
/// applications in several statuses, credentials in every status and an employer. Every demo account
/// shares <see cref="Password"/>, which is listed in the README; nothing here runs outside Development.
/// </summary>
public sealed class DemoData(RegistryDbContext db, UserManager<RegistryUser> users, AuditContext audit, TimeProvider clock)
{
    public const string Password = "PeerSupport-Demo-2026";

    private DateTimeOffset _now;
    private Dictionary<string, AttestationWording> _wordings = [];
    private DateOnly _today;

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Jurisdictions.AnyAsync(cancellationToken)) return;
        audit.Action = "SeedDemoData";
        _wordings = (await db.AttestationWordings.AsNoTracking().ToListAsync(cancellationToken))
            .GroupBy(w => w.Code).ToDictionary(g => g.Key, g => g.MaxBy(w => w.Version)!);
        _now = clock.GetUtcNow();
        _today = RegistryDay.DayOf(_now, RegistryDay.NationwideTimeZone);

        var (tennessee, pennsylvania, texas) = States();
        db.Jurisdictions.AddRange(tennessee, pennsylvania, texas);
        db.Jurisdictions.AddRange(FeeStates());
        var funds = Funds().ToList();
        db.FeeFunds.AddRange(funds);
        var tnProgram = tennessee.Programs[0];
        var paProgram = pennsylvania.Programs[0];
        var txProgram = texas.Programs[0];

        // Demo history is recorded as the work of the system administrator account.
        var staff = await AccountAsync("admin@registry.example", "Registry Administrator", Roles.SystemAdmin);
        IssueDemoVouchers(funds.Single(f => f.StateCode == texas.Code), staff);
        await AccountAsync("reviewer.tn@registry.example", "Tennessee Reviewer", Roles.Reviewer, state: "TN");
        await AccountAsync("admin.tn@registry.example", "Tennessee Administrator", Roles.StateAdmin, state: "TN");
        await AccountAsync("reviewer.pa@registry.example", "Pennsylvania Reviewer", Roles.Reviewer, state: "PA");
        await AccountAsync("admin.pa@registry.example", "Pennsylvania Administrator", Roles.StateAdmin, state: "PA");
        await AccountAsync("reviewer.tx@registry.example", "Texas Reviewer", Roles.Reviewer, state: "TX");
        await AccountAsync("admin.tx@registry.example", "Texas Administrator", Roles.StateAdmin, state: "TX");
        await AccountAsync("admin.fl@registry.example", "Florida Administrator", Roles.StateAdmin, state: "FL");
        await AccountAsync("analyst@registry.example", "National Workforce Analyst", Roles.NationalAnalyst);

        var harbor = new Employer("Harbor House Recovery Center", "hr@harborhouse.example", StateCode.Parse("TN"), _now);
        harbor.Approve(staff, _now);
        db.Employers.Add(harbor);
        await AccountAsync("hr@harborhouse.example", "Harbor House HR", Roles.Employer, employerId: harbor.Id);

        // Applicants, one application each in a different status.
        var alex = await ApplicantAsync("alex.rivera@example.org", "Alex", "Rivera", "Nashville", "Davidson", "TN");
        Apply(alex, tnProgram, staff, ApplicationStatus.Draft);
        var jordan = await ApplicantAsync("jordan.lee@example.org", "Jordan", "Lee", "Memphis", "Shelby", "TN");
        Apply(jordan, tnProgram, staff, ApplicationStatus.Submitted);
        var sam = await ApplicantAsync("sam.patel@example.org", "Sam", "Patel", "Pittsburgh", "Allegheny", "PA");
        Apply(sam, paProgram, staff, ApplicationStatus.UnderReview);
        var casey = await ApplicantAsync("casey.nguyen@example.org", "Casey", "Nguyen", "Austin", "Travis", "TX");
        var caseysApplication = Apply(casey, txProgram, staff, ApplicationStatus.InfoRequested);
        // Casey paid the Texas fee by money order before review began; Dana's application waits for its fee.
        var caseysFee = Fee.Owe(texas.Code, txProgram.Id, casey.Id, txProgram.Requirements.QuoteFee(FeeKind.InitialApplication, holdsPeerCredential: false, militaryOrVeteran: false), txProgram.RequirementsVersion,
            _now.AddDays(-25), caseysApplication.Id);
        caseysFee.RecordPayment(caseysFee.Amount, PaymentMethod.MoneyOrder, Payer.Person, "MO-20418", _today.AddDays(-24), _now.AddDays(-24), staff);
        db.Fees.Add(caseysFee);
        var dana = await ApplicantAsync("dana.reyes@example.org", "Dana", "Reyes", "San Antonio", "Bexar", "TX");
        var danasApplication = Apply(dana, txProgram, staff, ApplicationStatus.Submitted);
        danasApplication.AwaitFee();
        db.Fees.Add(Fee.Owe(texas.Code, txProgram.Id, dana.Id, txProgram.Requirements.QuoteFee(FeeKind.InitialApplication, holdsPeerCredential: false, militaryOrVeteran: false), txProgram.RequirementsVersion,
            _now.AddDays(-25), danasApplication.Id));
        var taylor = await ApplicantAsync("taylor.kim@example.org", "Taylor", "Kim", "Philadelphia", "Philadelphia", "PA");
        Apply(taylor, paProgram, staff, ApplicationStatus.Denied);

        // Certified peers, one credential in each status.
        var morgan = await ApplicantAsync("morgan.brooks@example.org", "Morgan", "Brooks", "Knoxville", "Knox", "TN");
        Apply(morgan, tnProgram, staff, ApplicationStatus.Approved);
        Certify(morgan, tnProgram, staff, monthsAgo: 6);
        var probation = Certify(Peer("Riley", "Carter", "Chattanooga", "Hamilton", "TN"), tnProgram, staff, monthsAgo: 10);
        probation.PlaceOnProbation("Monthly supervision reports to the board.", _today.AddMonths(6), _today.AddDays(-20), staff, _now);
        var suspended = Certify(Peer("Jamie", "Ortiz", "Harrisburg", "Dauphin", "PA"), paProgram, staff, monthsAgo: 14);
        suspended.Suspend("Practised while the credential's conditions were unmet.", _today.AddDays(-40), _today.AddMonths(3), staff, _now);
        // Drew can renew in the grace period; Jesse's credential is inside its renewal window.
        var expired = Certify(await ApplicantAsync("drew.watson@example.org", "Drew", "Watson", "Scranton", "Lackawanna", "PA"), paProgram, staff, monthsAgo: 24, extraDays: 10);
        expired.Expire(_today, _now);
        var lapsed = Certify(Peer("Avery", "Hughes", "El Paso", "El Paso", "TX"), txProgram, staff, monthsAgo: 30);
        lapsed.Expire(_today, _now);
        lapsed.Lapse(_today, txProgram.Requirements.GracePeriodDays, _now);
        var revoked = Certify(Peer("Quinn", "Foster", "Houston", "Harris", "TX"), txProgram, staff, monthsAgo: 18);
        revoked.Revoke("Falsified supervision records.", _today.AddDays(-60), staff, _now);
        var relinquished = Certify(Peer("Reese", "Morgan", "Erie", "Erie", "PA"), paProgram, staff, monthsAgo: 12);
        relinquished.Relinquish(_today.AddDays(-15), staff, _now, "Retired from peer work.");
        // Skyler signs in: the credentials page offers the Texas endorsement not yet carried (RS).
        var endorsed = Certify(await ApplicantAsync("skyler.bennett@example.org", "Skyler", "Bennett", "Dallas", "Dallas", "TX"), txProgram, staff, monthsAgo: 3);
        endorsed.GrantEndorsement(txProgram.Requirements.Endorsements[0], _today.AddDays(-20), staff, _now, reason: "Board decision.");
        Certify(await ApplicantAsync("jesse.morales@example.org", "Jesse", "Morales", "Clarksville", "Montgomery", "TN"), tnProgram, staff, monthsAgo: 24, extraDays: -40);

        await db.SaveChangesAsync(cancellationToken);
    }

    private static (Jurisdiction, Jurisdiction, Jurisdiction) States()
    {
        var tennessee = new Jurisdiction(StateCode.Parse("TN"), "Tennessee", "America/Chicago");
        tennessee.ChangeContact(new BoardContact("TN Department of Mental Health and Substance Abuse Services",
            "500 Deaderick Street, Nashville, TN 37243", "peer.certification@tn.example.gov", "615-555-0142", "https://tn.example.gov/peer-certification"));
        tennessee.AddProgram("CPRS", "Certified Peer Recovery Specialist", new ProgramRequirements(
            trainingHoursTotal: 40,
            trainingDomains: [new("RECOVERY", "Recovery and wellness support", 10), new("ETHICS", "Ethical responsibility", 6)],
            supervisedWorkHours: 75, supervisionHours: 0, referencesRequired: 3,
            exam: new ExamRequirement(passingScore: 70, retakeWaitDays: 30, attemptsAllowed: 3, attemptWindowDays: 365,
                registration: "Register with the Tennessee Peer Exam Center at https://exams.tn.example.gov or by phone at 615-555-0150. Sittings are online and in Nashville, Memphis and Knoxville."),
            requiredAttestations: ["lived-experience", "code-of-ethics", "truthfulness"],
            // Biennial from the issue date, 36 CE hours including 3 of ethics; a denial may be appealed within 15 days.
            renewalCycleMonths: 24, continuingEducationHours: 36, ethicsContinuingEducationHours: 3,
            gracePeriodDays: 30, renewalWindowDays: 90, appealWindowDays: 15));

        // Pennsylvania follows the IC&RC model: 46 hours in four domains, scaled exam score.
        var pennsylvania = new Jurisdiction(StateCode.Parse("PA"), "Pennsylvania", "America/New_York");
        pennsylvania.ChangeContact(new BoardContact("Pennsylvania Certification Board",
            "298 S. Progress Avenue, Harrisburg, PA 17109", "peer.certification@pa.example.gov", "717-555-0118", "https://pcb.example.org"));
        pennsylvania.AddProgram("CPS", "Certified Peer Specialist", new ProgramRequirements(
            trainingHoursTotal: 46,
            trainingDomains:
            [
                new("ADVOCACY", "Advocacy", 10), new("MENTORING", "Mentoring and education", 10),
                new("RECOVERY", "Recovery and wellness support", 10), new("ETHICS", "Ethical responsibility", 16),
            ],
            supervisedWorkHours: 500, supervisionHours: 25, referencesRequired: 2,
            exam: new ExamRequirement(passingScore: 500, retakeWaitDays: 60, attemptsAllowed: 3, attemptWindowDays: 365,
                registration: "Register for the IC&RC peer exam through the Pennsylvania Certification Board at https://pcb.example.org/exam; testing centres offer sittings every week."),
            requiredAttestations: ["lived-experience", "code-of-ethics", "truthfulness", "criminal-history"],
            renewalCycleMonths: 24, continuingEducationHours: 30, ethicsContinuingEducationHours: 6,
            gracePeriodDays: 60, renewalWindowDays: 90, appealWindowDays: 30,
            // $50 to renew a Pennsylvania-only credential; $200 to be certified by IC&RC reciprocity.
            fees: [new FeeRate(FeeKind.Reciprocity, 200m), new FeeRate(FeeKind.Renewal, 50m)]));

        var texas = new Jurisdiction(StateCode.Parse("TX"), "Texas", "America/Chicago");
        texas.ChangeContact(new BoardContact("Texas Certification Board",
            "1005 Congress Avenue, Austin, TX 78701", "peer.certification@tx.example.gov", "512-555-0173", "https://tcb.example.org"));
        texas.AddProgram("PS", "Peer Specialist", TexasRequirements(acceptsFrom: pennsylvania.Programs[0].Id));
        return (tennessee, pennsylvania, texas);
    }

    /// <summary>
    /// An annual calendar-year program: every credential expires on 31 December; 12 CE hours including 1 of ethics.
    /// A denial comes with written notice and 30 days to appeal.
    /// </summary>
    private static ProgramRequirements TexasRequirements(Guid acceptsFrom) => new(
        trainingHoursTotal: 60,
        trainingDomains: [new("ETHICS", "Ethical responsibility", 8)],
        supervisedWorkHours: 250, supervisionHours: 0, referencesRequired: 0,
        exam: new ExamRequirement(passingScore: 70, retakeWaitDays: 14, attemptsAllowed: 4, attemptWindowDays: 365,
            registration: "Register for the Texas peer specialist exam at https://peerexam.tx.example.gov; the exam is offered online every month."),
        requiredAttestations: ["lived-experience", "code-of-ethics", "truthfulness"],
        renewalCycleMonths: 12, continuingEducationHours: 12, ethicsContinuingEducationHours: 1,
        gracePeriodDays: 90, renewalWindowDays: 60,
        reciprocityProgramIds: [acceptsFrom], renewsOn: new RenewalDate(12, 31), ceAuditPercent: 10, appealWindowDays: 30,
        // $60 to apply, $20 for a person who already holds a peer credential.
        fees: [new FeeRate(FeeKind.InitialApplication, 60m, holdsPeerCredentialAmount: 20m)],
        // A holder may carry both, as Texas's mental health and recovery support peer specialists may.
        endorsements:
        [
            new EndorsementDefinition("MH", "Mental health", "Peer support for people living with mental health conditions.", minimumPopulationSharePercent: 50),
            new EndorsementDefinition("RS", "Recovery support", "Peer support for people in recovery from substance use.", "ETHICS", 4, minimumPopulationSharePercent: 50),
        ]);

    /// <summary>
    /// The states whose fees differ most: North Carolina charges for a replacement certificate, Florida's scholarship
    /// pays fees from application to reinstatement, Delaware charges nothing.
    /// </summary>
    private static Jurisdiction[] FeeStates()
    {
        var northCarolina = new Jurisdiction(StateCode.Parse("NC"), "North Carolina", "America/New_York");
        northCarolina.ChangeContact(new BoardContact("North Carolina Peer Support Specialist Program",
            "325 Pittsboro Street, Chapel Hill, NC 27599", "peer.certification@nc.example.gov", "919-555-0135", "https://pss.nc.example.gov"));
        northCarolina.AddProgram("NCCPSS", "Certified Peer Support Specialist", new ProgramRequirements(
            trainingHoursTotal: 60,
            trainingDomains: [new("WRAP", "Wellness recovery action planning", 20)],
            supervisedWorkHours: 0, supervisionHours: 0, referencesRequired: 2, exam: null,
            requiredAttestations: ["lived-experience", "code-of-ethics", "truthfulness"],
            renewalCycleMonths: 24, continuingEducationHours: 20, ethicsContinuingEducationHours: 2,
            gracePeriodDays: 30, renewalWindowDays: 90, appealWindowDays: 30,
            fees: [new FeeRate(FeeKind.ReplacementCertificate, 25m)]));

        var florida = new Jurisdiction(StateCode.Parse("FL"), "Florida", "America/New_York");
        florida.ChangeContact(new BoardContact("Florida Certification Board",
            "1715 S. Gadsden Street, Tallahassee, FL 32301", "peer.certification@fl.example.gov", "850-555-0122", "https://fcb.fl.example.org"));
        florida.AddProgram("CRPS", "Certified Recovery Peer Specialist", new ProgramRequirements(
            trainingHoursTotal: 40,
            trainingDomains: [new("ADVOCACY", "Advocacy", 10), new("ETHICS", "Ethical responsibility", 16)],
            supervisedWorkHours: 500, supervisionHours: 16, referencesRequired: 2,
            exam: new ExamRequirement(passingScore: 70, retakeWaitDays: 30, attemptsAllowed: 3, attemptWindowDays: 365,
                registration: "Register for the CRPS exam through the Florida Certification Board at https://fcb.fl.example.org/exam."),
            requiredAttestations: ["lived-experience", "code-of-ethics", "truthfulness"],
            renewalCycleMonths: 24, continuingEducationHours: 30, ethicsContinuingEducationHours: 6,
            gracePeriodDays: 60, renewalWindowDays: 90, appealWindowDays: 30,
            fees: [new FeeRate(FeeKind.InitialApplication, 100m, militaryOrVeteranAmount: 50m), new FeeRate(FeeKind.Renewal, 75m), new FeeRate(FeeKind.Reinstatement, 100m)]));

        var delaware = new Jurisdiction(StateCode.Parse("DE"), "Delaware", "America/New_York");
        delaware.ChangeContact(new BoardContact("Delaware Certification Board",
            "1 Main Street, Dover, DE 19901", "peer.certification@de.example.gov", "302-555-0160", "https://dcb.de.example.org"));
        delaware.AddProgram("CPRP", "Certified Peer Recovery Professional", new ProgramRequirements(
            trainingHoursTotal: 46,
            trainingDomains: [new("ETHICS", "Ethical responsibility", 16)],
            supervisedWorkHours: 250, supervisionHours: 25, referencesRequired: 2,
            exam: new ExamRequirement(passingScore: 500, retakeWaitDays: 60, attemptsAllowed: 3, attemptWindowDays: 365),
            requiredAttestations: ["lived-experience", "code-of-ethics", "truthfulness"],
            renewalCycleMonths: 24, continuingEducationHours: 30, ethicsContinuingEducationHours: 6,
            gracePeriodDays: 30, renewalWindowDays: 90, appealWindowDays: 30));
        return [northCarolina, florida, delaware];
    }

    /// <summary>Florida's scholarship (fiscal year from 1 July) and the PeerForce vouchers in Texas, each with this fiscal year's budget.</summary>
    private IEnumerable<FeeFund> Funds()
    {
        var scholarship = new FeeFund(StateCode.Parse("FL"), "Florida Certification Board scholarship",
            "Pays the fees of people who cannot pay them, from the first application to reinstatement.", 7, 1,
            [FeeKind.InitialApplication, FeeKind.Reciprocity, FeeKind.Exam, FeeKind.Renewal, FeeKind.LateRenewal, FeeKind.Reinstatement]);
        scholarship.SetBudget(_today, 5_000m);
        var peerForce = new FeeFund(StateCode.Parse("TX"), "PeerForce", "Vouchers PeerForce hands to the people it trains, for their first Texas application.", 1, 1,
            [FeeKind.InitialApplication]);
        peerForce.SetBudget(_today, 3_000m);
        return [scholarship, peerForce];
    }

    /// <summary>Demo voucher codes anyone trying the registry can redeem on a Texas application fee (README lists them).</summary>
    public static readonly string[] DemoVoucherCodes = ["PF-PEER-TX26", "PF-PEER-TX27", "PF-PEER-TX28"];

    private void IssueDemoVouchers(FeeFund peerForce, Guid staff)
    {
        var batch = Guid.CreateVersion7();
        foreach (var code in DemoVoucherCodes)
        {
            var characters = VoucherCodes.Normalise(code) ?? throw new InvalidOperationException($"{code} is not a voucher code.");
            db.Vouchers.Add(new Voucher(peerForce.Id, peerForce.StateCode, batch, VoucherCodes.Hash(characters), VoucherCodes.LastOf(characters),
                _today.AddMonths(6), staff, _now));
        }
    }

    private CertificationApplication Apply(Person person, CredentialProgram program, Guid staff, ApplicationStatus target)
    {
        var rules = program.Requirements;
        var titles = _wordings.ToDictionary(w => w.Key, w => w.Value.Title);
        var application = CertificationApplication.Start(person.Id, program.Id, ApplicationType.Initial, staff, _now.AddDays(-30));
        RecordWork(application, rules, complete: target != ApplicationStatus.Draft);
        if (target != ApplicationStatus.Draft)
            application.Submit(staff, _now.AddDays(-25), EligibilityCheck.Evaluate(rules, ApplicantRecords.Of(application, []), titles, byReciprocity: false));
        if (target is ApplicationStatus.UnderReview or ApplicationStatus.InfoRequested or ApplicationStatus.Approved or ApplicationStatus.Denied)
            application.BeginReview(staff, _now.AddDays(-20));
        if (target == ApplicationStatus.InfoRequested) application.RequestInformation(staff, _now.AddDays(-10), "Please upload the certificate for your ethics training.");
        if (target == ApplicationStatus.Approved)
        {
            // Staff recorded a passed exam before approving, as the checklist requires.
            ExamAttempt[] passed = rules.Exam is { } exam ? [new ExamAttempt(person.Id, program.Id, exam, _today.AddDays(-12), exam.PassingScore + 8, 1, staff, _now.AddDays(-8))] : [];
            db.ExamAttempts.AddRange(passed);
            application.VerifyRemainingRecords();
            application.Approve(staff, _now.AddDays(-5), null, EligibilityCheck.Evaluate(rules, ApplicantRecords.Of(application, passed), titles, byReciprocity: false));
        }
        if (target == ApplicationStatus.Denied)
            application.Deny(staff, _now.AddDays(-5), "The training provider is not approved in Pennsylvania.", rules.AppealUntil(_today.AddDays(-5)));
        db.Applications.Add(application);
        return application;
    }

    /// <summary>Records that meet the program's requirements, or (for a draft) a first course and a signature.</summary>
    private void RecordWork(CertificationApplication application, ProgramRequirements rules, bool complete)
    {
        var dates = new RecordDates(_today, new DateOnly(1985, 4, 12));
        var day = _today.AddDays(-90);
        foreach (var domain in rules.TrainingDomains.Take(complete ? int.MaxValue : 1))
            application.AddTrainingRecord(rules, $"{domain.Name} for peer specialists", "State Peer Training Institute", domain.Code, domain.MinimumHours, day, null, dates);
        var rest = rules.TrainingHoursTotal - rules.TrainingDomains.Sum(d => d.MinimumHours);
        if (complete && rest > 0)
            application.AddTrainingRecord(rules, "Foundations of peer support", "State Peer Training Institute", null, rest, day.AddDays(1), null, dates);
        var lived = _wordings["lived-experience"];
        application.Sign(lived, agreed: true, null, "I have lived with depression and have been in recovery for eight years.", _now.AddDays(-29));
        if (!complete) return;

        if (rules.SupervisedWorkHours > 0)
            application.AddWorkExperience(WorkKind.Paid, "Community Recovery Center", "Peer support specialist", _today.AddDays(-400), _today.AddDays(-31), rules.SupervisedWorkHours, dates);
        for (var (left, session) = (rules.SupervisionHours, 0); left > 0; session++)
        {
            var hours = Math.Min(2, left);
            left -= hours;
            var log = application.AddSupervisionLog(_today.AddDays(-200 + 7 * session), hours, SupervisionFormat.Individual, "Boundaries and self-care",
                "Dana Whitfield", "LCSW", "dana.whitfield@example.org", dates);
            application.ConfirmSupervision("dana.whitfield@example.org", [log.Id], _now.AddDays(-28), "Punctual and open to feedback; we worked on boundaries.");
        }
        for (var i = 1; i <= rules.ReferencesRequired; i++)
        {
            var reference = application.AddReference(rules.ReferencesRequired, $"Referee {i}", $"referee{i}@example.org", "Former colleague");
            application.ConfirmReference(reference.Id, reference.RefereeEmail, "Dependable, warm and honest with the people they support.", _now.AddDays(-27));
        }
        foreach (var code in rules.RequiredAttestations.Where(c => c != lived.Code))
        {
            var wording = _wordings[code];
            application.Sign(wording, agreed: true, wording.Kind == AttestationKind.Disclosure ? false : null, null, _now.AddDays(-26));
        }
    }

    private Credential Certify(Person person, CredentialProgram program, Guid staff, int monthsAgo, int extraDays = 0)
    {
        var credential = Credential.Issue(program, person.Id, _today.AddMonths(-monthsAgo).AddDays(-extraDays), staff, _now);
        db.Credentials.Add(credential);
        return credential;
    }

    private async Task<Person> ApplicantAsync(string email, string first, string last, string city, string county, string state)
    {
        var person = Peer(first, last, city, county, state, email);
        await AccountAsync(email, $"{first} {last}", Roles.Applicant, personId: person.Id);
        return person;
    }

    private Person Peer(string first, string last, string city, string county, string state, string? email = null)
    {
        var person = new Person(first, last, email ?? $"{first}.{last}@example.org".ToLowerInvariant());
        // Real counties, chosen from the list as the profile form does.
        var code = Counties.Match(StateCode.Parse(state), county) ?? throw new InvalidOperationException($"{county} is no county of {state}.");
        person.UpdateContact("615-555-0100", new DateOnly(1985, 4, 12), PostalAddress.InCounty("100 Main Street", null, city, code, "37201"));
        db.People.Add(person);
        return person;
    }

    private async Task<Guid> AccountAsync(string email, string displayName, string role, string? state = null, Guid? personId = null, Guid? employerId = null)
    {
        var user = new RegistryUser
        {
            Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true,
            DisplayName = displayName, StateCode = state, PersonId = personId, EmployerId = employerId,
        };
        Require(await users.CreateAsync(user, Password), email);
        Require(await users.AddToRoleAsync(user, role), email);
        return user.Id;
    }

    private static void Require(IdentityResult result, string email)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Demo account {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}
