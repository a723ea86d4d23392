using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Security;
using Registry.Application.Features.Applications;
using Registry.Application.Features.Records;
using Registry.Application.Features.Review;
using Registry.Domain.Applications;
using Registry.Web.Infrastructure;

namespace Registry.Web.Pages.Staff.Applications;

/// <summary>One application as state staff review and decide it; every form sends one request and comes back here.</summary>
[Authorize(Roles = $"{Roles.Reviewer},{Roles.StateAdmin},{Roles.SystemAdmin}")]
public sealed class ReviewModel(IMediator mediator) : PageModel, IReloadOnFailure
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty] public string? Message { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? WaiverReason { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? RecordReason { get; set; }

    [TempData]
    public string? Confirmation { get; set; }

    public GetApplicationForReview.Model Review { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnGetEvidenceAsync(Guid documentId, CancellationToken cancellationToken)
    {
        var document = await mediator.Send(new DownloadEvidence.Query(documentId), cancellationToken);
        return File(document.Content, document.ContentType, document.FileName);
    }

    public Task<IActionResult> OnPostBeginAsync(CancellationToken cancellationToken) =>
        Done(mediator.Send(new BeginReview.Command(Id), cancellationToken), "The application is now under review.");

    public async Task<IActionResult> OnPostRecordAsync(Guid recordId, bool verified, CancellationToken cancellationToken)
    {
        // Points the error at the reason box of the rejected entry, not at the denial's.
        if (!verified && string.IsNullOrWhiteSpace(RecordReason))
        {
            ModelState.AddModelError($"RecordReason-{recordId}", "Say why the entry is rejected; the applicant will read it.");
            await ReloadAsync(cancellationToken);
            return Page();
        }
        return await Done(mediator.Send(new ReviewRecord.Command(Id, recordId, verified, RecordReason), cancellationToken),
            verified ? "The entry is verified." : "The entry is rejected.");
    }

    public Task<IActionResult> OnPostRequestInformationAsync(CancellationToken cancellationToken) =>
        Done(mediator.Send(new RequestInformation.Command(Id, Message), cancellationToken), "The applicant has been asked for more information.");

    public async Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken)
    {
        var issued = await mediator.Send(new ApproveApplication.Command(Id, Note, WaiverReason), cancellationToken);
        Confirmation = issued.ApplicationType switch
        {
            ApplicationType.Renewal => $"Approved. Credential {issued.CredentialNumber} is renewed; it now expires on {issued.ExpiresOn:MMMM d, yyyy}.",
            ApplicationType.Reinstatement => $"Approved. Credential {issued.CredentialNumber} is reinstated; it expires on {issued.ExpiresOn:MMMM d, yyyy}.",
            _ => $"Approved. Credential {issued.CredentialNumber} is issued; it expires on {issued.ExpiresOn:MMMM d, yyyy}.",
        };
        return RedirectToPage(new { Id });
    }

    public Task<IActionResult> OnPostDenyAsync(CancellationToken cancellationToken) =>
        Done(mediator.Send(new DenyApplication.Command(Id, Reason), cancellationToken), "The application is denied.");

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Review = await mediator.Send(new GetApplicationForReview.Query(Id), cancellationToken);

    private async Task<IActionResult> Done<T>(Task<T> sending, string confirmation)
    {
        await sending;
        Confirmation = confirmation;
        return RedirectToPage(new { Id });
    }
}
