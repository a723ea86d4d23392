using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Credentials;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.Workforce;

/// <summary>
/// Where a state's imported history begins: the day (UTC) of its first completed register import. Counts for days
/// before it rest on the earlier system's register (issue dates, status since, public actions), so the workforce
/// outputs say so for any period starting before it.
/// </summary>
public static class ImportedHistory
{
    /// <summary>Each state's first import day, by state code: one grouped query over the imports.</summary>
    public static async Task<IReadOnlyDictionary<string, DateOnly>> FirstImportDaysAsync(IRegistryDbContext db, CancellationToken cancellationToken)
    {
        var firsts = await db.RegisterImports.AsNoTracking()
            .Where(i => i.Status == RegisterImportStatus.Imported && i.ImportedAt != null)
            .GroupBy(i => i.StateCode)
            .Select(g => new { State = g.Key, First = g.OrderBy(i => i.ImportedAt).Select(i => i.ImportedAt).First() })
            .ToListAsync(cancellationToken);
        return firsts.ToDictionary(f => f.State.Value, f => RegistryDay.DayOf(f.First!.Value, "UTC"));
    }

    /// <summary>The import day when a period starting on <paramref name="from"/> begins before it; otherwise null.</summary>
    public static DateOnly? Before(IReadOnlyDictionary<string, DateOnly> firstImportDays, string state, DateOnly from) =>
        firstImportDays.TryGetValue(state, out var day) && from < day ? day : null;

    public static string Note(string stateName, DateOnly importedOn) =>
        $"Figures for {stateName} before {importedOn:MMMM d, yyyy} come from the register imported that day from the state's earlier system: " +
        "issue dates, status since and public actions are as that system reported them.";
}
