using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Web.Api;

namespace Registry.Web.Pages.Account;

/// <summary>Asks for a password reset link; the answer is the same whether or not the account exists.</summary>
public sealed class ForgotPasswordModel(Accounts accounts) : PageModel
{
    [BindProperty]
    public EmailRequest Input { get; set; } = new();

    [TempData]
    public string? AccountMessage { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid) return Page();
        await accounts.RequestPasswordResetAsync(Input.Email, cancellationToken);
        AccountMessage = AccountApi.ForgotAnswer;
        return RedirectToPage("Login");
    }
}
