using System.Reflection;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Application.Features.Jurisdictions;
using Registry.Application.Features.Workforce;
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

    /// <summary>The counts just made for the chosen period and states, summed up on the page beside their download.</summary>
    public WorkforceReport? Report { get; private set; }

    /// <summary>Whether the person may download the state roster (it holds contact details: not for analysts).</summary>
    public bool CanExportRoster => typeof(ExportRoster.Query).GetCustomAttribute<AllowedRolesAttribute>()!.Roles.Any(user.IsInRole);

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

    /// <summary>Makes the counts and shows what they hold (period, states, rows) with the link that downloads them as a workbook.</summary>
    public async Task<IActionResult> OnGetSummaryAsync(CancellationToken cancellationToken)
    {
        Report = await mediator.Send(Query(), cancellationToken);
        await ReloadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync([FromServices] IWorkforceWorkbook workbook, CancellationToken cancellationToken)
    {
        var (content, fileName) = WorkforceDownloads.Workbook(await mediator.Send(Query(), cancellationToken), workbook);
        return File(content, WorkforceDownloads.Xlsx, fileName);
    }

    public async Task<IActionResult> OnGetSnapshotAsync(Guid id, CancellationToken cancellationToken)
    {
        var file = await mediator.Send(new DownloadWorkforceSnapshot.Query(id), cancellationToken);
        return File(file.Content, WorkforceDownloads.Xlsx, file.FileName);
    }

    public async Task<IActionResult> OnGetRosterAsync(string? state, [FromServices] IRosterWriter writer, [FromServices] IStreamedReads reads, CancellationToken cancellationToken)
    {
        var target = OwnState ?? state;
        if (string.IsNullOrWhiteSpace(target)) return NotFound();
        var (content, fileName) = await WorkforceDownloads.RosterAsync(target, mediator, writer, reads, clock, cancellationToken);
        return File(content, WorkforceDownloads.Xlsx, fileName);
    }

    private ExportWorkforce.Query Query() => WorkforceDownloads.WorkforceQuery(From, To, OwnState is { } own && States.Count == 0 ? [own] : States);

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        Jurisdictions = await mediator.Send(new ListJurisdictions.Query(), cancellationToken);
        Snapshots = await mediator.Send(new ListWorkforceSnapshots.Query(), cancellationToken);
    }
}
