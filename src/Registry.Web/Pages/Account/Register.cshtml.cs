using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Features.Accounts;

namespace Registry.Web.Pages.Account;

public sealed class RegisterModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public RegisterAccount.Command Input { get; set; } = new();

    [TempData]
    public string? AccountMessage { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // The form always asks twice, so a blank second password is a mistake here.
        await mediator.Send(Input with { ConfirmPassword = Input.ConfirmPassword ?? "" }, cancellationToken);
        AccountMessage = RegisterAccount.Answer;
        return RedirectToPage("Login");
    }
}
