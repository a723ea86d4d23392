using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Registry.Web.Pages.Account;

/// <summary>The page a reset or invitation e-mail links to: choose a new password.</summary>
public sealed class ResetPasswordModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public Application.Features.Accounts.ResetPassword.Command Input { get; set; } = new();

    [TempData]
    public string? AccountMessage { get; set; }

    public void OnGet(string? email, string? code) => Input = new() { Email = email ?? "", Code = code ?? "" };

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Input with { ConfirmPassword = Input.ConfirmPassword ?? "" }, cancellationToken);
        AccountMessage = "Your password has been changed. Sign in with the new one.";
        return RedirectToPage("Login");
    }
}
