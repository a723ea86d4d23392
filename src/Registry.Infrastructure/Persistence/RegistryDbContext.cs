using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Applications;
using Registry.Domain.Attestations;
using Registry.Domain.Auditing;
using Registry.Domain.Claims;
using Registry.Domain.Common;
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
using Registry.Infrastructure.Exports.Workforce;
using Registry.Infrastructure.Identity;
using Registry.Infrastructure.Idempotency;
using Registry.Infrastructure.Persistence.Providers;

namespace Registry.Infrastructure.Persistence;

/// <summary>
/// The registry's one model. Each database provider has a subclass (see Providers/) that owns its
/// migration set and its provider-specific touches; the model itself is the same for all.
/// </summary>
public abstract class RegistryDbContext(DbContextOptions options)
    : IdentityDbContext<RegistryUser, IdentityRole<Guid>, Guid>(options), IRegistryDbContext
{
    public DbSet<Jurisdiction> Jurisdictions => Set<Jurisdiction>();
    public DbSet<CredentialProgram> Programs => Set<CredentialProgram>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<CertificationApplication> Applications => Set<CertificationApplication>();
    public DbSet<Credential> Credentials => Set<Credential>();
    public DbSet<Employer> Employers => Set<Employer>();
    public DbSet<EmployerApiKey> ApiKeys => Set<EmployerApiKey>();
    public DbSet<WatchedCredential> WatchedCredentials => Set<WatchedCredential>();
    public DbSet<WatchAlert> WatchAlerts => Set<WatchAlert>();
    public DbSet<RosterVerification> RosterVerifications => Set<RosterVerification>();
    public DbSet<RegisterImport> RegisterImports => Set<RegisterImport>();
    public DbSet<RegisterImportLine> RegisterImportLines => Set<RegisterImportLine>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AttestationWording> AttestationWordings => Set<AttestationWording>();
    public DbSet<ExamAttempt> ExamAttempts => Set<ExamAttempt>();
    public DbSet<EvidenceDocument> Documents => Set<EvidenceDocument>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<RenewalReminder> RenewalReminders => Set<RenewalReminder>();
    public DbSet<ConfirmationRequest> ConfirmationRequests => Set<ConfirmationRequest>();
    public DbSet<DisciplineCase> DisciplineCases => Set<DisciplineCase>();
    public DbSet<ProgramRequirementsVersion> ProgramRequirementsVersions => Set<ProgramRequirementsVersion>();
    public DbSet<WorkforceSnapshot> WorkforceSnapshots => Set<WorkforceSnapshot>();
    public DbSet<OpenDataRelease> OpenDataReleases => Set<OpenDataRelease>();
    public DbSet<WorkforceSurveyResponse> WorkforceSurveyResponses => Set<WorkforceSurveyResponse>();
    public DbSet<StateExport> StateExports => Set<StateExport>();
    public DbSet<IdempotentRequest> IdempotentRequests => Set<IdempotentRequest>();
    public DbSet<RecordClaim> RecordClaims => Set<RecordClaim>();
    public DbSet<WorkforceLedgerEntry> WorkforceLedgerEntries => Set<WorkforceLedgerEntry>();
    public DbSet<Fee> Fees => Set<Fee>();
    public DbSet<FeeFund> FeeFunds => Set<FeeFund>();
    public DbSet<Voucher> Vouchers => Set<Voucher>();
    public DbSet<HardshipRequest> HardshipRequests => Set<HardshipRequest>();
    public DbSet<PrintedCertificateOrder> PrintedCertificateOrders => Set<PrintedCertificateOrder>();
    public DbSet<PaymentCheckout> PaymentCheckouts => Set<PaymentCheckout>();
    public DbSet<ProviderEvent> ProviderEvents => Set<ProviderEvent>();
    public DbSet<ProviderPayment> ProviderPayments => Set<ProviderPayment>();
    public DbSet<DecisionLetter> DecisionLetters => Set<DecisionLetter>();

    private ContextLease? _lease;
    private ContextLease? _returnedBy;
    private int _returnedAtPoolLease;
    private bool _returning;

    /// <summary>
    /// Who acts, and for which action, in the scope this context serves: the audit entries of its saves name
    /// them. Contexts are pooled, so it comes with each scope's lease; saving a context without one is refused.
    /// (A context built by hand, at design time or in a test, has no auditing interceptor.)
    /// </summary>
    public AuditSource? Auditing => Lease?.Auditing;

    /// <summary>The scope that holds this context now; null while it waits in the pool (or was never rented by a scope).</summary>
    internal ContextLease? Lease
    {
        get
        {
            if (_lease is { } lease) lease.EnsureUsedByHolder(this);
            else if (_returnedBy is { } returned && ContextId.Lease == _returnedAtPoolLease)
                throw new PooledContextMisuseException(
                    $"Context {ContextId.InstanceId} was returned to the pool by {returned.Holder} and is being used after that. A context must not outlive its scope.");
            return _lease;
        }
    }

    internal void Rent(ContextLease lease)
    {
        if (_lease is { } holder)
            throw new PooledContextMisuseException(
                $"Context {ContextId.InstanceId} is still rented by {holder.Holder}, and {lease.Holder} tried to rent it as well: it went back to the pool while in use.");
        _lease = lease;
        _returnedBy = null;
    }

    /// <summary>The lease gives the context back to the pool, once.</summary>
    internal void Return(ContextLease lease)
    {
        EndLease(lease);
        _returning = true;
        try { base.Dispose(); }
        finally { _returning = false; }
    }

    internal async ValueTask ReturnAsync(ContextLease lease)
    {
        EndLease(lease);
        _returning = true;
        try { await base.DisposeAsync(); }
        finally { _returning = false; }
    }

    private void EndLease(ContextLease lease)
    {
        if (!ReferenceEquals(_lease, lease))
            throw new PooledContextMisuseException(
                $"{lease.Holder} returned context {ContextId.InstanceId}, which {(_lease is null ? "nobody" : _lease.Holder)} rents.");
        _lease = null;
        _returnedBy = lease;
        _returnedAtPoolLease = ContextId.Lease;
    }

    /// <summary>
    /// A context a scope rents goes back to the pool only through its lease: the container's own disposals of it (one per
    /// registration that handed it out) change nothing. A context no scope holds is disposed as usual.
    /// </summary>
    public override void Dispose()
    {
        if (_lease is null || _returning) base.Dispose();
    }

    public override ValueTask DisposeAsync() => _lease is null || _returning ? base.DisposeAsync() : ValueTask.CompletedTask;

    /// <summary>Fails if the calling code may not use this context now (see <see cref="Lease"/>).</summary>
    internal void EnsureHeldByCaller() => _ = Lease;

    /// <summary>Queries and changes begin with a set: a context used outside its scope is stopped before it touches anything.</summary>
    public override DbSet<TEntity> Set<TEntity>()
    {
        EnsureHeldByCaller();
        return base.Set<TEntity>();
    }

    /// <summary>The provider's SQL spellings, for filtered indexes and hand-written statements.</summary>
    public abstract SqlDialect Dialect { get; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(RegistryDbContext).Assembly);
        builder.Entity<CertificationApplication>()
            .HasIndex(a => new { a.PersonId, a.ProgramId })
            .IsUnique()
            .HasFilter($"{Dialect.Q("Status")} IN ('Draft', 'Submitted', 'UnderReview', 'InfoRequested')")
            .HasDatabaseName("UX_Applications_OneOpenPerPersonAndProgram");
        builder.Entity<ApplicationAppeal>()
            .HasIndex(a => a.ApplicationId)
            .IsUnique()
            .HasFilter($"{Dialect.Q("Status")} = 'Open'")
            .HasDatabaseName("UX_Appeals_OneOpenPerApplication");
        builder.Entity<Notification>()
            .HasIndex(n => n.DeduplicationKey)
            .IsUnique()
            .HasFilter($"{Dialect.Q("DeduplicationKey")} IS NOT NULL");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<StateCode>().HaveConversion<StateCodeConverter>().HaveMaxLength(2);
        configurationBuilder.Properties<CountyCode>().HaveConversion<CountyCodeConverter>().HaveMaxLength(5).AreFixedLength();
        configurationBuilder.Properties<decimal>().HavePrecision(9, 2);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardAppendOnly();
        BumpVersions();
        try
        {
            var ledger = LedgerScopes();
            if (ledger.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (Database.CurrentTransaction is not null) return await SaveWithLedgerAsync(ledger, acceptAllChangesOnSuccess, cancellationToken);

            // The ledger moves with the histories or not at all; inside the strategy, so a retry reruns the three steps.
            var saved = await Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
            {
                await using var transaction = await Database.BeginTransactionAsync(ct);
                var count = await SaveWithLedgerAsync(ledger, acceptAllChangesOnSuccess: false, ct);
                await transaction.CommitAsync(ct);
                return count;
            }, cancellationToken);
            if (acceptAllChangesOnSuccess) ChangeTracker.AcceptAllChanges();
            return saved;
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw new ConflictException("Someone else changed this record while you were working on it. Reload it and try again.", e);
        }
        catch (DbUpdateException e) when (Dialect.IsUniqueViolation(e))
        {
            throw new ConflictException("This would duplicate a record that must be unique.", e);
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (LedgerScopes().Count > 0)
            throw new InvalidOperationException("A change to a credential's or a residence's history is saved with SaveChangesAsync, which keeps the workforce ledger.");
        GuardAppendOnly();
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>The credentials whose history rows this save adds, or whose holder's residence history it adds to (see <see cref="WorkforceLedger"/>).</summary>
    private IReadOnlyList<WorkforceLedger.Scope> LedgerScopes()
    {
        var credentials = ChangeTracker.Entries<CredentialEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.CredentialId);
        var holders = ChangeTracker.Entries<ResidenceChange>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.PersonId);
        return WorkforceLedger.Scopes(credentials.Distinct().ToList(), holders.Distinct().ToList());
    }

    /// <summary>Takes the credentials' ledger rows out, saves, and puts them back in as their histories now say.</summary>
    private async Task<int> SaveWithLedgerAsync(IReadOnlyList<WorkforceLedger.Scope> ledger, bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        foreach (var scope in ledger)
            await Dialect.ExecuteAsync(this, WorkforceLedger.Remove(Dialect, scope.Credentials, scope.Parameters), cancellationToken);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        foreach (var scope in ledger)
            await Dialect.ExecuteAsync(this, WorkforceLedger.Add(Dialect, scope.Credentials, scope.Parameters), cancellationToken);
        return saved;
    }

    public void ForgetTracked() => ChangeTracker.Clear();

    public IReadOnlyList<IDomainEvent> TakeDomainEvents()
    {
        var raisers = ChangeTracker.Entries<IHasDomainEvents>().Select(e => e.Entity).Where(e => e.DomainEvents.Count > 0).ToList();
        var events = raisers.SelectMany(e => e.DomainEvents).ToList();
        raisers.ForEach(e => e.ClearDomainEvents());
        return events;
    }

    private void BumpVersions()
    {
        // A fund's fiscal years are part of the fund: drawing on a year moves the fund's version too, so two units of
        // work drawing on the same fund at once cannot both save.
        foreach (var year in ChangeTracker.Entries<FundYear>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList())
        {
            var fund = ChangeTracker.Entries<FeeFund>().FirstOrDefault(f => f.Entity.Id == year.Entity.FundId);
            if (fund is { State: EntityState.Unchanged }) fund.Property(nameof(IVersioned.Version)).IsModified = true;
        }
        foreach (var entry in ChangeTracker.Entries<IVersioned>().Where(e => e.State == EntityState.Modified))
        {
            var version = entry.Property(nameof(IVersioned.Version));
            version.CurrentValue = (int)version.OriginalValue! + 1;
        }
    }

    /// <summary>Histories and the audit log are written once and never changed.</summary>
    private void GuardAppendOnly()
    {
        var rewritten = ChangeTracker.Entries()
            .Where(e => e.Entity is ApplicationStatusChange or CredentialEvent or AuditEntry or SignedAttestation or ResidenceChange)
            .FirstOrDefault(e => e.State is EntityState.Modified or EntityState.Deleted);
        if (rewritten is not null)
            throw new InvalidOperationException($"{rewritten.Entity.GetType().Name} rows are append-only.");
    }

    internal IEnumerable<EntityEntry> ChangedEntries() => ChangeTracker.Entries()
        .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && !e.Metadata.IsOwned() && e.Entity is not (AuditEntry or IdempotentRequest));
}

/// <summary>The scope's acting user and audit context, for <see cref="AuditingInterceptor"/>.</summary>
public sealed record AuditSource(ICurrentUser User, IAuditContext Audit);
