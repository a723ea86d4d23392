using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Registry.Web.Pages.Account;

/// <summary>The page a confirmation e-mail links to; opening the link confirms the address.</summary>
public sealed class ConfirmEmailModel(Accounts accounts) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? userId, string? code) => Confirmed = await accounts.ConfirmEmailAsync(userId, code);
}
