using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Security;
using Registry.Application.Features.Applications;
using Registry.Application.Features.Exams;
using Registry.Application.Features.Letters;
using Registry.Application.Features.Records;
using Registry.Application.Features.Review;
using Registry.Domain.Applications;
using Registry.Domain.Eligibility;
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

    /// <summary>The exam result form; the program and person come from the application.</summary>
    [BindProperty] public RecordExamAttempt.Command Exam { get; set; } = new();

    /// <summary>The entry whose reject form is open (<c>?reject={id}</c>); every other row offers only "Reject…".</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Reject { get; set; }

    /// <summary>Set when "Verify all remaining entries" was pressed and waits for its confirmation.</summary>
    public bool ConfirmingVerifyAll { get; private set; }

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
        // Points the error at the reason box of the rejected entry, not at the denial's, and keeps that box open.
        if (!verified && string.IsNullOrWhiteSpace(RecordReason))
        {
            Reject = recordId;
            ModelState.AddModelError(RecordReasonKey(recordId), "Say why the entry is rejected; the applicant will read it.");
            await ReloadAsync(cancellationToken);
            return Page();
        }
        return await Done(mediator.Send(new ReviewRecord.Command(Id, recordId, verified, RecordReason), cancellationToken),
            verified ? "The entry is verified." : "The entry is rejected.");
    }

    /// <summary>
    /// "Verify all remaining entries": without <paramref name="confirmed"/> the page shows how many entries it will
    /// mark verified and asks again; confirmed, it verifies them and, when asked to, approves straight after.
    /// </summary>
    public async Task<IActionResult> OnPostVerifyRemainingAsync(bool confirmed, bool approve, CancellationToken cancellationToken)
    {
        if (!confirmed)
        {
            await ReloadAsync(cancellationToken);
            ConfirmingVerifyAll = Review.Pending.Total > 0;
            return Page();
        }
        var verified = await mediator.Send(new VerifyRemainingRecords.Command(Id), cancellationToken);
        var done = $"{Capitalised(verified.Describe())} {(verified.Total == 1 ? "is" : "are")} verified.";
        if (!approve)
        {
            Confirmation = done;
            return RedirectToPage(new { Id });
        }
        return await ApproveAsync(done + " ", cancellationToken);
    }

    public async Task<IActionResult> OnPostExamAsync(CancellationToken cancellationToken)
    {
        foreach (var key in ModelState.Keys.ToList()) ModelState.ClearValidationState(key); // the request's validator speaks for the form
        await ReloadAsync(cancellationToken);
        var attempt = await mediator.Send(Exam with { ProgramId = Review.ProgramId, PersonId = Review.PersonId, Email = null }, cancellationToken);
        Confirmation = $"Exam result recorded: attempt {attempt.AttemptNumber} on {attempt.TakenOn:MMMM d, yyyy}, score {attempt.Score}, " +
            (attempt.Passed ? "passed." : "not passed.");
        return RedirectToPage(new { Id });
    }

    public Task<IActionResult> OnPostRequestInformationAsync(CancellationToken cancellationToken) =>
        Done(mediator.Send(new RequestInformation.Command(Id, Message), cancellationToken), "The applicant has been asked for more information.");

    public Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken) => ApproveAsync("", cancellationToken);

    private async Task<IActionResult> ApproveAsync(string before, CancellationToken cancellationToken)
    {
        var issued = await mediator.Send(new ApproveApplication.Command(Id, Note, WaiverReason), cancellationToken);
        Confirmation = before + issued.ApplicationType switch
        {
            ApplicationType.Renewal => $"Approved. Credential {issued.CredentialNumber} is renewed; it now expires on {issued.ExpiresOn:MMMM d, yyyy}.",
            ApplicationType.Reinstatement => $"Approved. Credential {issued.CredentialNumber} is reinstated; it expires on {issued.ExpiresOn:MMMM d, yyyy}.",
            ApplicationType.Endorsement => $"Approved. Credential {issued.CredentialNumber} now carries the endorsement {issued.EndorsementCode}.",
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

    /// <summary>The decision letters sent about this application.</summary>
    public IReadOnlyList<LetterSummary> Letters { get; private set; } = [];

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        Review = await mediator.Send(new GetApplicationForReview.Query(Id), cancellationToken);
        Letters = await mediator.Send(new ListApplicationLetters.Query(Id), cancellationToken);
    }

    /// <summary>The form key of one entry's reject reason, so its error sits at that row's field.</summary>
    public static string RecordReasonKey(Guid recordId) => $"RecordReason-{recordId}";

    /// <summary>
    /// A checklist line in staff words: the domain writes each sentence for the applicant, and two of them
    /// speak to the applicant directly.
    /// </summary>
    public static string StaffSentence(RequirementResult requirement) => requirement.Sentence
        .Replace("Staff record your result when the testing company reports it.", "Record the result in the exam section when the testing company reports it.", StringComparison.Ordinal)
        .Replace("by your supervisor", "by the supervisor", StringComparison.Ordinal);

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private async Task<IActionResult> Done<T>(Task<T> sending, string confirmation)
    {
        await sending;
        Confirmation = confirmation;
        return RedirectToPage(new { Id });
    }
}
