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
using Registry.Web.Pages.Shared;

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

    /// <summary>A denial is refused without its reason, then confirmed on a page of its own before it is sent.</summary>
    public async Task<IActionResult> OnPostDenyAsync(bool confirmed, CancellationToken cancellationToken)
    {
        var deny = new DenyApplication.Command(Id, Reason);
        if (confirmed) return await Done(mediator.Send(deny, cancellationToken), "The application is denied.");

        await this.ValidateAsync(deny, cancellationToken);
        await ReloadAsync(cancellationToken);
        var applicant = Review.ApplicantName;
        return this.Confirm(new ConfirmAction
        {
            Heading = $"Deny {applicant}'s application?",
            WhatWillHappen =
            [
                $"{applicant}'s application for {Review.Overview.ProgramName} is denied and no credential is issued.",
                $"{applicant} is e-mailed the decision with the reason below, exactly as written, and sees it on their application.",
            ],
            Quoted = [new("The reason the applicant will read", Reason!.Trim())],
            CannotBeUndone = "You cannot take a denial back: the application stays denied, and the applicant would need to appeal or apply again.",
            ButtonLabel = "Deny the application",
            Handler = "Deny",
            RouteValues = new Dictionary<string, string> { ["id"] = Id.ToString() },
            Fields = [new(nameof(Reason), Reason)],
            BackUrl = Url.Page("/Staff/Applications/Review", new { id = Id })!,
        });
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Review = await mediator.Send(new GetApplicationForReview.Query(Id), cancellationToken);

    private async Task<IActionResult> Done<T>(Task<T> sending, string confirmation)
    {
        await sending;
        Confirmation = confirmation;
        return RedirectToPage(new { Id });
    }
}
