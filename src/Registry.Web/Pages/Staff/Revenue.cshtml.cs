using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Application.Common.Time;
using Registry.Application.Features.Fees;
using Registry.Application.Features.Jurisdictions;
using Registry.Domain.Jurisdictions;
using Registry.Web.Infrastructure;

namespace Registry.Web.Pages.Staff;

/// <summary>A StateAdmin downloads the state's revenue workbook for a period of days in the state's calendar; a SystemAdmin names the state.</summary>
[Authorize(Roles = $"{Roles.StateAdmin},{Roles.SystemAdmin}")]
public sealed class RevenueModel(IMediator mediator, ICurrentUser user, IRegistryCalendar calendar) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty]
    public DateOnly? From { get; set; }

    [BindProperty]
    public DateOnly? To { get; set; }

    /// <summary>Set for a system administrator who has not named a state: the states to choose from.</summary>
    public StateChooser? Chooser { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        State = user.StateCode?.Value ?? State;
        if (string.IsNullOrWhiteSpace(State))
        {
            if (!User.IsInRole(Roles.SystemAdmin)) return NotFound();
            Chooser = new("Choose a state to download its revenue workbook.", await mediator.Send(new ListJurisdictions.Query(), cancellationToken), "/Staff/Revenue",
                "revenue workbook");
            return Page();
        }
        if (!StateCode.TryParse(State, out var state)) return NotFound();
        var today = await calendar.TodayAsync(state, cancellationToken);
        From ??= new DateOnly(today.Year, today.Month, 1);
        To ??= today;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromServices] IRevenueWorkbook workbook, [FromServices] IStreamedReads reads, CancellationToken cancellationToken)
    {
        State = user.StateCode?.Value ?? State ?? "";
        var (content, fileName) = await RevenueDownload.WriteAsync(new RevenueReport.Query { StateCode = State, From = From ?? default, To = To ?? default },
            mediator, workbook, reads, cancellationToken);
        return File(content, WorkforceDownloads.Xlsx, fileName);
    }
}
