using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Applications;
using Registry.Domain.Auditing;
using Registry.Domain.Credentials;
using Registry.Domain.Jurisdictions;
using Registry.Domain.People;

namespace Registry.Infrastructure.Persistence;

/// <summary>
/// Writes an audit entry for every entity a save adds, changes or removes, inside the same save, so
/// the change and its audit commit or fail together. One instance serves every (pooled) context: who acts
/// and why comes from the context's <see cref="RegistryDbContext.Auditing"/>, set for the scope it serves.
/// </summary>
public sealed class AuditingInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    // Secrets never reach the append-only log: password hashes, stamps, tokens, and message payloads (they carry live links);
    // nor do generated workbooks, uploaded rosters or decision letters (bytes the row itself keeps).
    private static readonly HashSet<string> Redacted = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "Value", "Payload", "Workbook", "KeyHash", "TokenHash", "Upload", "FileHash", "CodeHash", "Pdf"];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is RegistryDbContext db) WriteAuditEntries(db);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is RegistryDbContext db) WriteAuditEntries(db);
        return base.SavingChanges(eventData, result);
    }

    private void WriteAuditEntries(RegistryDbContext db)
    {
        // A context rented from the pool without going through the scoped RegistryDbContext service would save unaudited.
        var (user, audit) = db.Auditing ?? throw new InvalidOperationException(
            "This context does not know who is acting: resolve RegistryDbContext from the scope rather than renting one from the pool directly.");
        var at = clock.GetUtcNow();
        var requestState = audit.StateCode();
        var entries = db.ChangedEntries()
            .Where(e => e.Entity is not (ApplicationStatusChange or CredentialEvent or ResidenceChange or RegisterImportLine)) // already a history (or report) of their parent
            .Where(e => !(e.State == EntityState.Added && audit.SummarisedAdditions.Contains(e.Metadata.ClrType)))
            .Select(e => new AuditEntry(
                at, user.UserId, user.Name, audit.Action,
                e.Metadata.ClrType.Name,
                string.Join(",", e.Metadata.FindPrimaryKey()!.Properties.Select(p => e.Property(p.Name).CurrentValue)),
                e.State == EntityState.Added ? null : Snapshot(e, original: true),
                e.State == EntityState.Deleted ? null : Snapshot(e, original: false),
                (requestState ?? StateOf(e))?.Value))
            .ToList();
        db.AuditEntries.AddRange(entries);
    }

    private static string Snapshot(EntityEntry entry, bool original)
    {
        var properties = entry.State == EntityState.Modified
            ? entry.Properties.Where(p => p.IsModified)
            : entry.Properties;
        var values = properties.ToDictionary(
            p => p.Metadata.Name,
            p => Redacted.Contains(p.Metadata.Name) || IsSurveyAnswer(entry, p.Metadata) ? "(redacted)" : Printable(original ? p.OriginalValue : p.CurrentValue));
        return JsonSerializer.Serialize(values);
    }

    // The voluntary workforce answers are counted, never read one by one: the log says that someone answered, not what.
    private static bool IsSurveyAnswer(EntityEntry entry, Microsoft.EntityFrameworkCore.Metadata.IProperty property) =>
        entry.Entity is Domain.Workforce.WorkforceSurveyResponse
        && property.PropertyInfo?.GetCustomAttributes(typeof(Domain.Common.PrivateDataAttribute), inherit: false).Length > 0;

    private static object? Printable(object? value) => value switch
    {
        StateCode code => code.Value,
        CountyCode county => county.Value,
        CredentialNumber number => number.Value,
        Enum e => e.ToString(),
        _ => value,
    };

    private static StateCode? StateOf(EntityEntry entry) =>
        entry.Metadata.FindProperty("StateCode") is { } property && entry.Property(property.Name).CurrentValue is StateCode code ? code : null;
}

/// <summary>The action name that audit entries carry in this scope (set per command by the audit behaviour).</summary>
public sealed class AuditContext : IAuditContext
{
    public string Action { get; set; } = "System";
    public Func<StateCode?> StateCode { get; set; } = () => null;
    public ISet<Type> SummarisedAdditions { get; } = new HashSet<Type>();
}
