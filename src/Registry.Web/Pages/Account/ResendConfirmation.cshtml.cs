using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Web.Api;

namespace Registry.Web.Pages.Account;

/// <summary>Sends a new confirmation link; the answer never says whether the account exists.</summary>
public sealed class ResendConfirmationModel(Accounts accounts) : PageModel
{
    [BindProperty]
    public EmailRequest Input { get; set; } = new();

    [TempData]
    public string? AccountMessage { get; set; }

    public void OnGet(string? email) => Input.Email = email ?? "";

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid) return Page();
        await accounts.ResendConfirmationAsync(Input.Email, cancellationToken);
        AccountMessage = AccountApi.ResendAnswer;
        return RedirectToPage("Login");
    }
}
