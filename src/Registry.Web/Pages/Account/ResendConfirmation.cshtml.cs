using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Registry.Web.Pages.Account;

/// <summary>Sends a new confirmation link; the answer never says whether the account exists.</summary>
public sealed class ResendConfirmationModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public Application.Features.Accounts.ResendConfirmation.Command Input { get; set; } = new();

    [TempData]
    public string? AccountMessage { get; set; }

    public void OnGet(string? email) => Input = new() { Email = email ?? "" };

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Input, cancellationToken);
        AccountMessage = Application.Features.Accounts.ResendConfirmation.Answer;
        return RedirectToPage("Login");
    }
}
