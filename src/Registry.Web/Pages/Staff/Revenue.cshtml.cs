using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Application.Common.Time;
using Registry.Application.Features.Fees;
using Registry.Web.Infrastructure;

namespace Registry.Web.Pages.Staff;

/// <summary>A StateAdmin downloads the state's revenue workbook for a period of days in the state's calendar.</summary>
[Authorize(Roles = Roles.StateAdmin)]
public sealed class RevenueModel(IMediator mediator, ICurrentUser user, IRegistryCalendar calendar) : PageModel
{
    [BindProperty]
    public DateOnly? From { get; set; }

    [BindProperty]
    public DateOnly? To { get; set; }

    public string State => user.StateCode?.Value ?? "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = await calendar.TodayAsync(user.StateCode!.Value, cancellationToken);
        From ??= new DateOnly(today.Year, today.Month, 1);
        To ??= today;
    }

    public async Task<IActionResult> OnPostAsync([FromServices] IRevenueWorkbook workbook, [FromServices] IStreamedReads reads, CancellationToken cancellationToken)
    {
        var (content, fileName) = await RevenueDownload.WriteAsync(new RevenueReport.Query { StateCode = State, From = From ?? default, To = To ?? default },
            mediator, workbook, reads, cancellationToken);
        return File(content, WorkforceDownloads.Xlsx, fileName);
    }
}
