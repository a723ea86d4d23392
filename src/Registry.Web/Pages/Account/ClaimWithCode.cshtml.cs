using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Features.Claims;

namespace Registry.Web.Pages.Account;

/// <summary>A holder claims their record with the code their state's board gave them, and gives an e-mail for the account.</summary>
public sealed class ClaimWithCodeModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public ClaimRecordWithCode.Command Input { get; set; } = new();

    [TempData]
    public string? AccountMessage { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await mediator.Send(Input with { ConfirmPassword = Input.ConfirmPassword ?? "" }, cancellationToken);
        if (outcome == ClaimAnswers.Outcome.WrongAnswer)
        {
            ModelState.AddModelError("", ClaimAnswers.WrongAnswer);
            return Page();
        }
        AccountMessage = "Your account is created. We have sent an e-mail to the address you gave: open the link in it to confirm the address, then sign in.";
        return RedirectToPage("Login");
    }
}
