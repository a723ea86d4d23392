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

namespace Registry.Application.Common.Interfaces;

/// <summary>The registry's data as handlers see it: EF Core sets, no generic repository (see STYLE.md).</summary>
public interface IRegistryDbContext
{
    DbSet<Jurisdiction> Jurisdictions { get; }
    DbSet<CredentialProgram> Programs { get; }
    DbSet<Person> People { get; }
    DbSet<CertificationApplication> Applications { get; }
    DbSet<Credential> Credentials { get; }
    DbSet<Employer> Employers { get; }
    DbSet<EmployerApiKey> ApiKeys { get; }
    DbSet<WatchedCredential> WatchedCredentials { get; }
    DbSet<WatchAlert> WatchAlerts { get; }
    DbSet<RosterVerification> RosterVerifications { get; }
    DbSet<AuditEntry> AuditEntries { get; }
    DbSet<AttestationWording> AttestationWordings { get; }
    DbSet<ExamAttempt> ExamAttempts { get; }
    DbSet<EvidenceDocument> Documents { get; }
    DbSet<Notification> Notifications { get; }
    DbSet<ConfirmationRequest> ConfirmationRequests { get; }
    DbSet<DisciplineCase> DisciplineCases { get; }
    DbSet<ProgramRequirementsVersion> ProgramRequirementsVersions { get; }
    DbSet<WorkforceSnapshot> WorkforceSnapshots { get; }
    DbSet<OpenDataRelease> OpenDataReleases { get; }
    DbSet<WorkforceSurveyResponse> WorkforceSurveyResponses { get; }
    DbSet<StateExport> StateExports { get; }
    DbSet<RegisterImport> RegisterImports { get; }
    DbSet<RegisterImportLine> RegisterImportLines { get; }
    DbSet<RecordClaim> RecordClaims { get; }
    DbSet<Fee> Fees { get; }
    DbSet<FeeFund> FeeFunds { get; }
    DbSet<Voucher> Vouchers { get; }
    DbSet<HardshipRequest> HardshipRequests { get; }
    DbSet<PrintedCertificateOrder> PrintedCertificateOrders { get; }
    DbSet<PaymentCheckout> PaymentCheckouts { get; }
    DbSet<ProviderEvent> ProviderEvents { get; }
    DbSet<ProviderPayment> ProviderPayments { get; }
    DbSet<DecisionLetter> DecisionLetters { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>Stops tracking everything, so work that saves in chunks (a register import) holds one chunk at a time.</summary>
    void ForgetTracked();

    /// <summary>The events the tracked aggregates have raised since the last call, each handed out once.</summary>
    IReadOnlyList<Domain.Common.IDomainEvent> TakeDomainEvents();
}
