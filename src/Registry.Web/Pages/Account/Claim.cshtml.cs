using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Features.Claims;
using Registry.Web.Infrastructure;

namespace Registry.Web.Pages.Account;

/// <summary>The page an invitation to claim a record links to: the record it is for, and the account to create for it.</summary>
public sealed class ClaimModel(IMediator mediator) : PageModel, IReloadOnFailure
{
    [BindProperty]
    public ClaimRecord.Command Input { get; set; } = new();

    /// <summary>The record the link is for; null when the link no longer works.</summary>
    public GetClaim.Model? Record { get; private set; }

    [TempData]
    public string? AccountMessage { get; set; }

    public async Task OnGetAsync(string? token, CancellationToken cancellationToken)
    {
        Input = new() { Token = token ?? "" };
        await ReloadAsync(cancellationToken);
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) => Record = await mediator.Send(new GetClaim.Query(Input.Token), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await mediator.Send(Input with { ConfirmPassword = Input.ConfirmPassword ?? "" }, cancellationToken);
        if (outcome == ClaimAnswers.Outcome.WrongAnswer)
        {
            ModelState.AddModelError("", ClaimAnswers.WrongAnswer);
            await ReloadAsync(cancellationToken);
            return Page();
        }
        AccountMessage = "Your account is ready. Sign in with your e-mail address and the password you chose to see your credential.";
        return RedirectToPage("Login");
    }
}
