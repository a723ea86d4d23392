using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Security;
using Registry.Application.Features.Employers;
using Registry.Application.Features.Verification;
using Registry.Web.Infrastructure;

namespace Registry.Web.Pages.Employers;

/// <summary>An employer uploads a roster and downloads the verification workbook; matched credentials may join the watch-list.</summary>
[Authorize(Roles = Roles.Employer)]
[RequestSizeLimit(UploadLimits.Roster)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimits.Roster)]
public sealed class RosterModel(IMediator mediator) : PageModel
{
    public const string WorkbookType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [BindProperty]
    public IFormFile? RosterFile { get; set; }

    [BindProperty]
    public bool AddToWatchList { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await using var content = RosterFile?.OpenReadStream() ?? Stream.Null;
        var outcome = await mediator.Send(new VerifyRoster.Query(content, RosterFile?.FileName ?? ""), cancellationToken);
        var matched = outcome.Rows.Where(r => r.Match is not null).Select(r => r.Match!.CredentialNumber).Distinct().ToList();
        if (AddToWatchList && matched.Count > 0)
            await mediator.Send(new WatchCredentials.Command(matched), cancellationToken);
        var name = Path.GetFileNameWithoutExtension(RosterFile?.FileName) is { Length: > 0 } original ? original : "roster";
        return File(outcome.Workbook, WorkbookType, $"{name}-verified.xlsx");
    }
}
