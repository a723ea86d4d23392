using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Application.Features.Accounts;
using Registry.Web.Infrastructure;
using Registry.Web.Pages.Shared;

namespace Registry.Web.Pages.Staff;

[Authorize(Roles = Roles.StateAdmin)]
public sealed class TeamModel(IMediator mediator) : PageModel, IReloadOnFailure
{
    public IReadOnlyList<StaffMember> Reviewers { get; private set; } = [];

    [BindProperty]
    public InviteReviewer.Command Input { get; set; } = new();

    [TempData]
    public string? Confirmation { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task ReloadAsync(CancellationToken cancellationToken) => Reviewers = await mediator.Send(new ListReviewers.Query(), cancellationToken);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Input, cancellationToken);
        Confirmation = $"{Input.DisplayName} has been invited. The e-mail lets them choose a password.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDisableAsync(Guid id, bool confirmed, CancellationToken cancellationToken)
    {
        if (!confirmed)
        {
            await ReloadAsync(cancellationToken);
            // Only the state's own reviewers are listed: anyone else is not found, as the command would say.
            var reviewer = Reviewers.FirstOrDefault(r => r.Id == id && !r.IsDisabled)
                ?? throw new Application.Common.Exceptions.NotFoundException("Reviewer", id);
            return this.Confirm(new ConfirmAction
            {
                Heading = $"Disable {reviewer.DisplayName}'s account?",
                WhatWillHappen =
                [
                    $"{reviewer.DisplayName} ({reviewer.Email}) is signed out everywhere at once and cannot sign in.",
                    "Anything they were in the middle of (a review, a decision being typed) is not saved.",
                    "Their past reviews and decisions stay in the applications' histories and the audit log.",
                ],
                CannotBeUndone = "Being signed out cannot be undone. You can let them sign in again later with \"Enable\" on the reviewers page.",
                ButtonLabel = $"Disable {reviewer.DisplayName}",
                Handler = "Disable",
                RouteValues = new Dictionary<string, string> { ["id"] = id.ToString() },
                BackUrl = Url.Page("/Staff/Team")!,
            });
        }
        await mediator.Send(new DisableReviewer.Command(id), cancellationToken);
        Confirmation = "The reviewer is disabled and has been signed out.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEnableAsync(Guid id, CancellationToken cancellationToken)
    {
        await mediator.Send(new EnableReviewer.Command(id), cancellationToken);
        Confirmation = "The reviewer can sign in again.";
        return RedirectToPage();
    }
}
