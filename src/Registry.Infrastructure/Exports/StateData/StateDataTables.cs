using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Registry.Domain.Applications;
using Registry.Domain.Attestations;
using Registry.Domain.Auditing;
using Registry.Domain.Claims;
using Registry.Domain.Confirmations;
using Registry.Domain.Credentials;
using Registry.Domain.Documents;
using Registry.Domain.Employers;
using Registry.Domain.Exams;
using Registry.Domain.Fees;
using Registry.Domain.Jurisdictions;
using Registry.Domain.Notifications;
using Registry.Domain.People;
using Registry.Domain.Workforce;
using Registry.Infrastructure.Documents;
using Registry.Infrastructure.Exports.Workforce;
using Registry.Infrastructure.Identity;
using Registry.Infrastructure.Idempotency;
using Registry.Infrastructure.Persistence;

namespace Registry.Infrastructure.Exports.StateData;

/// <summary>
/// What a state's export holds: one file per entity set of the model that belongs to a state, each with the rule that
/// finds the state's rows, and the entity sets and columns deliberately left out, each with its reason. Every entity
/// type of the model is in exactly one of the two lists (a test keeps it so).
/// </summary>
public static class StateDataTables
{
    public static readonly IReadOnlyList<StateDataTable> Files =
    [
        new StateDataTable<Jurisdiction>("state.csv", "The state itself: its name, time zone and the board's contact details.",
            (db, state) => db.Jurisdictions.Where(j => j.Code == state)),
        new StateDataTable<CredentialProgram>("programs.csv", "The state's credential programs with their current requirements (a JSON cell).",
            (db, state) => db.Programs.Where(p => p.StateCode == state)),
        new StateDataTable<ProgramRequirementsVersion>("program-requirements-versions.csv", "Every version of each program's requirements, current and superseded.",
            (db, state) => db.ProgramRequirementsVersions.Where(v => Programs(db, state).Contains(v.ProgramId))),
        new StateDataTable<Person>("people.csv", "Everyone with a credential, an application, an exam attempt or a residence in the state, with their private details.",
            (db, state) => db.People.Where(p => People(db, state).Contains(p.Id))),
        new StateDataTable<ResidenceChange>("residence-history.csv", "Each person's residence history, whole (also the states they lived in before or after).",
            (db, state) => db.Set<ResidenceChange>().Where(r => People(db, state).Contains(r.PersonId))),
        new StateDataTable<CertificationApplication>("applications.csv", "Applications to the state's programs (first certifications and renewals).",
            (db, state) => Applications(db, state)),
        new StateDataTable<ApplicationStatusChange>("application-history.csv", "Each application's status changes, in order.",
            (db, state) => db.Set<ApplicationStatusChange>().Where(c => Applications(db, state).Select(a => a.Id).Contains(c.ApplicationId))),
        new StateDataTable<TrainingRecord>("training-records.csv", "Training hours claimed on applications.",
            (db, state) => db.Set<TrainingRecord>().Where(r => Applications(db, state).Select(a => a.Id).Contains(r.ApplicationId))),
        new StateDataTable<ContinuingEducationRecord>("continuing-education-records.csv", "Continuing education claimed on renewals.",
            (db, state) => db.Set<ContinuingEducationRecord>().Where(r => Applications(db, state).Select(a => a.Id).Contains(r.ApplicationId))),
        new StateDataTable<WorkExperience>("work-experience.csv", "Work and volunteer experience claimed on applications.",
            (db, state) => db.Set<WorkExperience>().Where(r => Applications(db, state).Select(a => a.Id).Contains(r.ApplicationId))),
        new StateDataTable<SupervisionLog>("supervision-logs.csv", "Supervision sessions logged on applications.",
            (db, state) => db.Set<SupervisionLog>().Where(r => Applications(db, state).Select(a => a.Id).Contains(r.ApplicationId))),
        new StateDataTable<Reference>("references.csv", "References named on applications.",
            (db, state) => db.Set<Reference>().Where(r => Applications(db, state).Select(a => a.Id).Contains(r.ApplicationId))),
        new StateDataTable<ConfirmationRequest>("confirmation-requests.csv", "Requests sent to supervisors and references to confirm what an applicant wrote.",
            (db, state) => db.ConfirmationRequests.Where(r => Applications(db, state).Select(a => a.Id).Contains(r.ApplicationId))),
        new StateDataTable<SignedAttestation>("signed-attestations.csv", "Attestations signed on applications, with the words signed and the answers (disclosures are private).",
            (db, state) => db.Set<SignedAttestation>().Where(s => Applications(db, state).Select(a => a.Id).Contains(s.ApplicationId))),
        new StateDataTable<AttestationWording>("attestation-wordings.csv", "Every version of the attestation wordings the state's applicants signed.",
            (db, state) => db.AttestationWordings.Where(w => db.Set<SignedAttestation>()
                .Where(s => Applications(db, state).Select(a => a.Id).Contains(s.ApplicationId)).Select(s => s.WordingId).Contains(w.Id))),
        new StateDataTable<ApplicationAppeal>("appeals.csv", "Appeals of application decisions.",
            (db, state) => db.Set<ApplicationAppeal>().Where(a => Applications(db, state).Select(x => x.Id).Contains(a.ApplicationId))),
        new StateDataTable<ExamAttempt>("exam-attempts.csv", "Exam attempts for the state's programs.",
            (db, state) => db.ExamAttempts.Where(e => Programs(db, state).Contains(e.ProgramId))),
        new StateDataTable<Credential>("credentials.csv", "The state's credentials, current status and dates.",
            (db, state) => db.Credentials.Where(c => c.StateCode == state)),
        new StateDataTable<CredentialEvent>("credential-history.csv", "Each credential's full history (issue, renewals, status changes), in order.",
            (db, state) => db.Set<CredentialEvent>().Where(e => Credentials(db, state).Contains(e.CredentialId))),
        new StateDataTable<CredentialEndorsement>("credential-endorsements.csv", "Specialty endorsements on the state's credentials: granted, withdrawn and why.",
            (db, state) => db.Set<CredentialEndorsement>().Where(e => Credentials(db, state).Contains(e.CredentialId))),
        new StateDataTable<DisciplineCase>("discipline-cases.csv", "Discipline cases on the state's credentials.",
            (db, state) => db.DisciplineCases.Where(d => Credentials(db, state).Contains(d.CredentialId))),
        new StateDataTable<RenewalReminder>("renewal-reminders.csv", "Renewal reminders sent about the state's credentials.",
            (db, state) => db.RenewalReminders.Where(r => Credentials(db, state).Contains(r.CredentialId))),
        new StateDataTable<DecisionLetter>("decision-letters.csv", "Decision letters sent to the state's people (approvals, denials, requests for information, discipline notices and decisions): to whom, about which application or case, when, and with which e-mail.",
            (db, state) => db.DecisionLetters.Where(l => l.StateCode == state)),
        new StateDataTable<EvidenceDocument>("evidence-documents.csv", "The evidence files of the state's people; the files themselves are under evidence/<Id>/.",
            (db, state) => db.Documents.Where(d => People(db, state).Contains(d.OwnerPersonId))),
        new StateDataTable<Employer>("employers.csv", "Employers registered in the state.",
            (db, state) => db.Employers.Where(e => e.StateCode == state)),
        new StateDataTable<EmployerApiKey>("employer-api-keys.csv", "The state's employers' API keys (names and dates; never the keys).",
            (db, state) => db.ApiKeys.Where(k => Employers(db, state).Contains(k.EmployerId))),
        new StateDataTable<WatchedCredential>("watched-credentials.csv", "The state's credentials on employers' watch lists.",
            (db, state) => db.WatchedCredentials.Where(w => Credentials(db, state).Contains(w.CredentialId))),
        new StateDataTable<WatchAlert>("watch-alerts.csv", "Alerts employers received about the state's credentials.",
            (db, state) => db.WatchAlerts.Where(w => Credentials(db, state).Contains(w.CredentialId))),
        new StateDataTable<WorkforceSnapshot>("workforce-snapshots.csv", "The state's monthly workforce counts.",
            (db, state) => db.WorkforceSnapshots.Where(s => s.StateCode == state)),
        new StateDataTable<WorkforceSurveyResponse>("workforce-survey-responses.csv", "The voluntary workforce questions answered for the state's programs (private answers, for the state's counts).",
            (db, state) => db.WorkforceSurveyResponses.Where(r => r.StateCode == state)),
        new StateDataTable<Notification>("outbox.csv", "Messages (sent or waiting) to the state's people, with the facts each was written from.",
            (db, state) => db.Notifications.Where(n => n.PersonId != null && People(db, state).Contains(n.PersonId.Value))),
        new StateDataTable<RegistryUser>("accounts.csv", "Accounts of the state's staff, of its people and of its employers (never passwords, security stamps or tokens).",
            (db, state) => Accounts(db, state)),
        new StateDataTable<IdentityUserRole<Guid>>("account-roles.csv", "Which role each of those accounts has.",
            (db, state) => db.UserRoles.Where(r => Accounts(db, state).Select(u => u.Id).Contains(r.UserId))),
        new StateDataTable<IdentityRole<Guid>>("roles.csv", "The registry's roles, to read account-roles.csv.",
            (db, _) => db.Roles),
        new StateDataTable<RegisterImport>("register-imports.csv", "Imports of the state's earlier register: the file, who checked and imported it, when, and the counts.",
            (db, state) => db.RegisterImports.Where(i => i.StateCode == state)),
        new StateDataTable<RegisterImportLine>("register-import-report.csv", "What each import's check said about every row of its file.",
            (db, state) => db.RegisterImportLines.Where(l => db.RegisterImports.Where(i => i.StateCode == state).Select(i => i.Id).Contains(l.RegisterImportId))),
        new StateDataTable<RecordClaim>("record-claims.csv", "Invitations and codes given to holders to claim their records (never the codes).",
            (db, state) => db.RecordClaims.Where(c => c.StateCode == state)),
        new StateDataTable<Fee>("fees.csv", "Fees owed, paid, waived, cancelled or refunded for the state's programs, with the waivers' reasons.",
            (db, state) => db.Fees.Where(f => f.StateCode == state)),
        new StateDataTable<FeePayment>("fee-payments.csv", "Each payment towards those fees: amount, method, payer, reference and the provider's payment id.",
            (db, state) => db.Set<FeePayment>().Where(p => db.Fees.Where(f => f.StateCode == state).Select(f => f.Id).Contains(p.FeeId))),
        new StateDataTable<FeeRefund>("fee-refunds.csv", "Each refund of those fees, with its reason.",
            (db, state) => db.Set<FeeRefund>().Where(r => db.Fees.Where(f => f.StateCode == state).Select(f => f.Id).Contains(r.FeeId))),
        new StateDataTable<FeeFund>("fee-funds.csv", "The state's scholarship and voucher funds.",
            (db, state) => db.FeeFunds.Where(f => f.StateCode == state)),
        new StateDataTable<FundYear>("fee-fund-years.csv", "Each fund's budget and what was drawn, by fiscal year.",
            (db, state) => db.Set<FundYear>().Where(y => db.FeeFunds.Where(f => f.StateCode == state).Select(f => f.Id).Contains(y.FundId))),
        new StateDataTable<Voucher>("vouchers.csv", "The state's vouchers: fund, batch, expiry and use (never the codes).",
            (db, state) => db.Vouchers.Where(v => v.StateCode == state)),
        new StateDataTable<HardshipRequest>("hardship-requests.csv", "Requests to waive a fee for hardship, with the person's statement (private) and the decision.",
            (db, state) => db.HardshipRequests.Where(h => h.StateCode == state)),
        new StateDataTable<PrintedCertificateOrder>("printed-certificate-orders.csv", "Holders' orders for a printed certificate by post: the address given (private), fee and when posted.",
            (db, state) => db.PrintedCertificateOrders.Where(o => o.StateCode == state)),
        new StateDataTable<PaymentCheckout>("payment-checkouts.csv", "Online checkouts opened for the state's fees.",
            (db, state) => db.PaymentCheckouts.Where(c => c.StateCode == state)),
        new StateDataTable<ProviderPayment>("provider-payments.csv", "Payments the payment provider reported for the state's checkouts, matched to a fee or not.",
            (db, state) => db.ProviderPayments.Where(p => p.StateCode == state)),
        new StateDataTable<AuditEntry>("audit-log.csv", "Every audit entry about the state: changes, sign-ins, refusals and reads of personal data.",
            (db, state) => db.AuditEntries.Where(a => a.StateCode == state.Value)),
    ];

    /// <summary>Entity sets of the model that are not the state's, and why.</summary>
    public static readonly IReadOnlyDictionary<Type, string> NotTheStates = new Dictionary<Type, string>
    {
        [typeof(StateExport)] = "the exports themselves (their requests are in the audit log)",
        [typeof(RosterVerification)] = "an employer's own rosters, kept for seven days",
        [typeof(IdempotentRequest)] = "answers kept for a day so a repeated API call is not done twice",
        [typeof(IdentityUserClaim<Guid>)] = "the registry's sign-in machinery",
        [typeof(IdentityUserLogin<Guid>)] = "sign-in secrets",
        [typeof(IdentityUserToken<Guid>)] = "sign-in secrets",
        [typeof(IdentityRoleClaim<Guid>)] = "the registry's sign-in machinery",
        [typeof(DataProtectionKey)] = "the registry's encryption keys",
        [typeof(StoredDocument)] = "the document store's own bookkeeping (the evidence files are under evidence/)",
        [typeof(StoredDocumentChunk)] = "the document store's own bookkeeping (the evidence files are under evidence/)",
        [typeof(ProviderEvent)] = "the payment provider's webhook deliveries, kept so each is applied once (what they did is in fee-payments.csv)",
        [typeof(WorkforceLedgerEntry)] = "running totals made from the credential and residence histories, which are exported",
        [typeof(OpenDataRelease)] = "national public data, published on the Open data page for anyone to download",
    };

    /// <summary>Columns left out of an exported file, and why.</summary>
    public static readonly IReadOnlyDictionary<(Type Entity, string Column), string> Withheld = new Dictionary<(Type, string), string>
    {
        [(typeof(RegistryUser), nameof(RegistryUser.PasswordHash))] = "a password is never exported, not even hashed",
        [(typeof(RegistryUser), nameof(RegistryUser.SecurityStamp))] = "a sign-in secret",
        [(typeof(RegistryUser), nameof(RegistryUser.ConcurrencyStamp))] = "the registry's own bookkeeping",
        [(typeof(IdentityRole<Guid>), nameof(IdentityRole<Guid>.ConcurrencyStamp))] = "the registry's own bookkeeping",
        [(typeof(EmployerApiKey), nameof(EmployerApiKey.KeyHash))] = "an API key is never exported, not even hashed",
        [(typeof(RecordClaim), nameof(RecordClaim.TokenHash))] = "a claim code or link is never exported, not even hashed",
        [(typeof(RegisterImport), nameof(RegisterImport.FileHash))] = "a fingerprint of the uploaded file, used only to check that the file imported is the file checked",
        [(typeof(Voucher), nameof(Voucher.CodeHash))] = "a voucher code is never exported, not even hashed",
        [(typeof(DecisionLetter), nameof(DecisionLetter.Pdf))] = "a PDF does not fit a spreadsheet cell; its words are made from the decision and reasons in applications.csv, application-history.csv and discipline-cases.csv, and each letter can be downloaded from the application or credential page",
        [(typeof(WorkforceSnapshot), nameof(WorkforceSnapshot.Workbook))] = "the workbook is made from the counts, which are exported; download it on the Workforce page",
    };

    public static bool IsWithheld(Microsoft.EntityFrameworkCore.Metadata.IReadOnlyEntityType entityType, string column) =>
        Withheld.ContainsKey((entityType.ClrType, column));

    public static string? FileOf(Type entityType) => Files.FirstOrDefault(f => f.EntityType == entityType)?.FileName;

    private static IQueryable<Guid> Programs(RegistryDbContext db, StateCode state) =>
        db.Programs.Where(p => p.StateCode == state).Select(p => p.Id);

    private static IQueryable<CertificationApplication> Applications(RegistryDbContext db, StateCode state) =>
        db.Applications.Where(a => Programs(db, state).Contains(a.ProgramId));

    private static IQueryable<Guid> Credentials(RegistryDbContext db, StateCode state) =>
        db.Credentials.Where(c => c.StateCode == state).Select(c => c.Id);

    private static IQueryable<Guid> Employers(RegistryDbContext db, StateCode state) =>
        db.Employers.Where(e => e.StateCode == state).Select(e => e.Id);

    /// <summary>The state's people: holders of its credentials, its applicants and exam takers, and its residents past or present.</summary>
    internal static IQueryable<Guid> People(RegistryDbContext db, StateCode state) =>
        db.Credentials.Where(c => c.StateCode == state).Select(c => c.HolderPersonId)
            .Concat(Applications(db, state).Select(a => a.PersonId))
            .Concat(db.ExamAttempts.Where(e => Programs(db, state).Contains(e.ProgramId)).Select(e => e.PersonId))
            .Concat(db.Set<ResidenceChange>().Where(r => r.StateCode == state).Select(r => r.PersonId));

    private static IQueryable<RegistryUser> Accounts(RegistryDbContext db, StateCode state) =>
        db.Users.Where(u => u.StateCode == state.Value
            || (u.PersonId != null && People(db, state).Contains(u.PersonId.Value))
            || (u.EmployerId != null && Employers(db, state).Contains(u.EmployerId.Value)));
}
