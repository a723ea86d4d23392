using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Features.Accounts;

namespace Registry.Web.Pages.Account;

/// <summary>Asks for a password reset link; the answer is the same whether or not the account exists.</summary>
public sealed class ForgotPasswordModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public RequestPasswordReset.Command Input { get; set; } = new();

    [TempData]
    public string? AccountMessage { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Input, cancellationToken);
        AccountMessage = RequestPasswordReset.Answer;
        return RedirectToPage("Login");
    }
}
