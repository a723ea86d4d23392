using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Security;
using Registry.Application.Features.Applications;
using Registry.Application.Features.Endorsements;
using Registry.Application.Features.Letters;
using Registry.Web.Infrastructure;
using Registry.Web.Pages.Shared;

namespace Registry.Web.Pages.Applications;

[Authorize(Roles = Roles.Applicant)]
public sealed class OverviewModel(IMediator mediator) : PageModel, IReloadOnFailure
{
    public GetApplicationOverview.Model Application { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Answer { get; set; }

    /// <summary>The applicant serves or served in the military: the program's military rate applies to the fee.</summary>
    [BindProperty]
    public bool MilitaryOrVeteran { get; set; }

    [TempData]
    public string? Confirmation { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken cancellationToken)
    {
        // Refused while lines are missing: one error for each, linking to the page where it is done.
        await ReloadAsync(cancellationToken);
        if (Application.IsEditable && !Application.ReadyToSubmit)
        {
            foreach (var missing in Application.Checklist.Where(r => r.NeededToSubmit && !r.IsMet))
                ModelState.AddModelError(RequirementPages.PathFor(Id, missing.Code), missing.Sentence);
            return Page();
        }
        await mediator.Send(new SubmitApplication.Command(Id, Answer, MilitaryOrVeteran), cancellationToken);
        Confirmation = Application.FeeOnSubmission is null
            ? "Your application has been submitted. We have sent you an e-mail, and your state's staff will review it."
            : "Your application has been submitted. We have sent you an e-mail; your state's staff will review it once the fee is paid or waived.";
        return RedirectToPage(new { Id });
    }

    [BindProperty]
    public int? WorkHoursSharePercent { get; set; }

    public async Task<IActionResult> OnPostWorkHoursShareAsync(CancellationToken cancellationToken)
    {
        if (WorkHoursSharePercent is not { } percent)
        {
            ModelState.AddModelError(nameof(WorkHoursSharePercent), "Enter the share of your work hours, a whole number from 0 to 100.");
            await ReloadAsync(cancellationToken);
            return Page();
        }
        await mediator.Send(new StateWorkHoursShare.Command(Id, percent), cancellationToken);
        Confirmation = "The share of your work hours is saved.";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostWithdrawAsync(bool confirmed, CancellationToken cancellationToken)
    {
        if (!confirmed)
        {
            await ReloadAsync(cancellationToken);
            return this.Confirm(new ConfirmAction
            {
                Heading = $"Withdraw your application for {Application.ProgramName}?",
                WhatWillHappen =
                [
                    $"Your application for {Application.ProgramName} ({Application.StateName}) is withdrawn and your state's staff stop reviewing it.",
                    "You will not be able to add records to it or submit it.",
                    "You can start a new application at any time.",
                ],
                CannotBeUndone = "A withdrawn application cannot be reopened. To apply again you start a new application.",
                ButtonLabel = "Withdraw this application",
                Handler = "Withdraw",
                RouteValues = new Dictionary<string, string> { ["id"] = Id.ToString() },
                BackUrl = Url.Page("/Applications/Overview", new { id = Id })!,
            });
        }
        await mediator.Send(new WithdrawApplication.Command(Id, null), cancellationToken);
        Confirmation = "Your application has been withdrawn. You can start a new one at any time.";
        return RedirectToPage(new { Id });
    }

    /// <summary>The decision letters sent about this application.</summary>
    public IReadOnlyList<LetterSummary> Letters { get; private set; } = [];

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        Application = await mediator.Send(new GetApplicationOverview.Query(Id), cancellationToken);
        Letters = await mediator.Send(new ListApplicationLetters.Query(Id), cancellationToken);
    }
}
