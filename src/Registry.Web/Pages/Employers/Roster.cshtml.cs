using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Security;
using Registry.Application.Features.Employers;
using Registry.Application.Features.Verification;
using Registry.Web.Infrastructure;

namespace Registry.Web.Pages.Employers;

/// <summary>
/// An employer uploads a roster; the page then shows what was found (rows read, matched, not matched) beside
/// the verification workbook to download. Matched credentials may join the watch-list.
/// </summary>
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

    /// <summary>The roster just verified, shown with its summary and download.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Result { get; set; }

    public GetRosterVerification.Model? Verified { get; private set; }

    /// <summary>How many matched credentials were added to the watch-list, when asked.</summary>
    [TempData]
    public int? Watched { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (Result is { } id) Verified = await mediator.Send(new GetRosterVerification.Query(id), cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await using var content = RosterFile?.OpenReadStream() ?? Stream.Null;
        var verified = await mediator.Send(new VerifyRoster.Command(content, RosterFile?.FileName ?? ""), cancellationToken);
        if (AddToWatchList && verified.MatchedNumbers.Count > 0)
        {
            await mediator.Send(new WatchCredentials.Command(verified.MatchedNumbers), cancellationToken);
            Watched = verified.MatchedNumbers.Count;
        }
        return RedirectToPage(new { result = verified.ResultId });
    }

    public async Task<IActionResult> OnGetWorkbookAsync(Guid id, CancellationToken cancellationToken)
    {
        var file = await mediator.Send(new DownloadRosterVerificationResult.Query(id), cancellationToken);
        return File(file.Content, WorkbookType, file.FileName);
    }
}
