using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Application.Features.Jurisdictions;
using Registry.Application.Features.Workforce;
using Registry.Web.Api;
using Registry.Web.Infrastructure;
using Registry.Domain.Jurisdictions;

namespace Registry.Web.Pages.Staff;

/// <summary>Workforce counts for a period (StateAdmin: their state; SystemAdmin and NationalAnalyst: any), past monthly snapshots, and the roster.</summary>
[Authorize(Roles = $"{Roles.StateAdmin},{Roles.SystemAdmin},{Roles.NationalAnalyst}")]
public sealed class WorkforceModel(IMediator mediator, ICurrentUser user, TimeProvider clock) : PageModel, IReloadOnFailure
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public List<string> States { get; set; } = [];

    public IReadOnlyList<ListJurisdictions.Model> Jurisdictions { get; private set; } = [];
    public IReadOnlyList<ListWorkforceSnapshots.Model> Snapshots { get; private set; } = [];

    /// <summary>A StateAdmin's own state; null for those who may choose.</summary>
    public string? OwnState => user.IsInRole(Roles.SystemAdmin) || user.IsInRole(Roles.NationalAnalyst) ? null : user.StateCode?.Value;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // By default the last full calendar quarter.
        var today = RegistryDay.TodayNationwide(clock);
        var quarterStart = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1);
        From ??= quarterStart.AddMonths(-3);
        To ??= quarterStart.AddDays(-1);
        await ReloadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnGetDownloadAsync([FromServices] IWorkforceWorkbook workbook, CancellationToken cancellationToken)
    {
        var query = WorkforceApi.WorkforceQuery(From, To, OwnState is { } own && States.Count == 0 ? [own] : States);
        var report = await mediator.Send(query, cancellationToken);
        var file = new MemoryStream();
        workbook.Write(report, file);
        file.Position = 0;
        var states = report.States.Count == 1 ? report.States[0].StateCode : $"{report.States.Count}-states";
        return File(file, WorkforceApi.Xlsx, $"workforce-{states}-{report.From:yyyy-MM-dd}-to-{report.To:yyyy-MM-dd}.xlsx");
    }

    public async Task<IActionResult> OnGetSnapshotAsync(Guid id, CancellationToken cancellationToken)
    {
        var file = await mediator.Send(new DownloadWorkforceSnapshot.Query(id), cancellationToken);
        return File(file.Content, WorkforceApi.Xlsx, file.FileName);
    }

    public async Task<IActionResult> OnGetRosterAsync(string? state, [FromServices] IRosterWriter writer, CancellationToken cancellationToken)
    {
        var target = OwnState ?? state;
        if (string.IsNullOrWhiteSpace(target)) return NotFound();
        var rows = await mediator.Send(new ExportRoster.Query(target), cancellationToken);
        var file = new FileStream(Path.Combine(Path.GetTempPath(), $"roster-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None,
            64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await writer.WriteAsync(rows, file, cancellationToken);
        file.Position = 0;
        return File(file, WorkforceApi.Xlsx, $"roster-{target.ToUpperInvariant()}-{clock.GetUtcNow():yyyy-MM-dd}.xlsx");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        Jurisdictions = await mediator.Send(new ListJurisdictions.Query(), cancellationToken);
        Snapshots = await mediator.Send(new ListWorkforceSnapshots.Query(), cancellationToken);
    }
}
