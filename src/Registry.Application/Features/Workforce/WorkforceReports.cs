using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.Workforce;

/// <summary>Builds a <see cref="WorkforceReport"/> from the database's aggregates; used by the export and the monthly snapshot.</summary>
public sealed class WorkforceReports(IRegistryDbContext db, IWorkforceCounts counts, IWorkforceDimensions dimensions, IRetentionCounts retention, TimeProvider clock)
{
    public async Task<WorkforceReport> BuildAsync(DateOnly from, DateOnly to, IReadOnlyCollection<StateCode> states, CancellationToken cancellationToken)
    {
        var codes = states.Select(s => s.Value).ToList();
        // Reference data: a few dozen states and their programs, filtered here.
        var jurisdictions = (await db.Jurisdictions.AsNoTracking().Select(j => new { j.Code, j.Name, j.TimeZone }).ToListAsync(cancellationToken))
            .Where(j => codes.Contains(j.Code.Value)).ToList();
        var zones = jurisdictions.Select(j => new StateTimeZone(j.Code, j.TimeZone)).ToList();
        var programs = (await db.Programs.AsNoTracking().Select(p => new { p.Id, p.StateCode, p.Code, p.Name }).ToListAsync(cancellationToken))
            .Select(p => new { p.Id, State = p.StateCode.Value, p.Code, p.Name }).Where(p => codes.Contains(p.State)).ToList();

        var credentialRows = await counts.CredentialCountsAsync(from, to, states, cancellationToken);
        var openApplications = await counts.OpenApplicationsAsync(to, zones, cancellationToken);
        var decisionTimes = await counts.DecisionTimesAsync(from, to, zones, cancellationToken);
        var firstImports = await ImportedHistory.FirstImportDaysAsync(db, cancellationToken);

        var sections = jurisdictions.OrderBy(j => j.Code.Value).Select(jurisdiction =>
        {
            var j = new { Code = jurisdiction.Code.Value, jurisdiction.Name };
            var rows = credentialRows.Where(r => r.State.Value == j.Code).ToList();
            var programLines = programs.Where(p => p.State == j.Code).OrderBy(p => p.Code)
                .Select(p => new WorkforceReport.ProgramLine(j.Code, p.Code, p.Name, WorkforceCounts.Sum(rows.Where(r => r.ProgramId == p.Id).Select(r => r.Counts))))
                .ToList();
            var countyLines = rows
                .GroupBy(r => CountyLabel(r, j.Code), StringComparer.Ordinal)
                .Select(g => new WorkforceReport.CountyLine(g.Key, WorkforceCounts.Sum(g.Select(r => r.Counts))))
                .OrderBy(c => WorkforceReport.NotACounty.Contains(c.County) ? 1 : 0).ThenBy(c => c.County, StringComparer.OrdinalIgnoreCase)
                .ToList();
            return new WorkforceReport.StateSection(j.Code, j.Name, programLines, countyLines,
                openApplications.Where(a => a.State.Value == j.Code).OrderBy(a => a.Type).ThenBy(a => a.Status).ToList(),
                decisionTimes.SingleOrDefault(d => d.State.Value == j.Code), ImportedHistory.Before(firstImports, j.Code, from))
            {
                TimeZone = jurisdiction.TimeZone,
            };
        }).ToList();

        var activeByState = sections.ToDictionary(s => s.StateCode, s => s.Totals.Active);
        return new WorkforceReport(from, to, clock.GetUtcNow(), sections)
        {
            Dimensions = await WorkforceDimensions.BuildAsync(db, dimensions, from, to, states, activeByState, cancellationToken),
            Retention = RetentionReport.From(await retention.RetentionCountsAsync(to, states, cancellationToken)),
        };
    }

    /// <summary>
    /// A county line is a county of the Census list, labelled with the list's name, so every export of a period spells it
    /// the same. The counts carry the county as stored: a county chosen from the list is stored by its list name, and old
    /// free text that the matcher finds on the list counts with that county; text it cannot match is "County not matched".
    /// </summary>
    internal static string CountyLabel(CredentialCountRow row, string state) => CountyLabel(row.ResidenceState, row.County, state);

    internal static string CountyLabel(StateCode? residenceState, string? county, string state) =>
        county is null || residenceState is null ? WorkforceReport.NoAddress
        : residenceState.Value.Value != state ? WorkforceReport.OutsideTheState
        : Counties.Match(residenceState.Value, county) is { } listed ? Counties.Name(listed)
        : WorkforceReport.CountyNotMatched;
}
