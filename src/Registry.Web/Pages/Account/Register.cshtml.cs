using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Registry.Web.Pages.Account;

public sealed class RegisterModel(Accounts accounts) : PageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    [TempData]
    public string? AccountMessage { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid) return Page();
        var errors = await accounts.RegisterAsync(Input, cancellationToken);
        if (errors.Count > 0)
        {
            errors.CopyTo(ModelState);
            return Page();
        }
        AccountMessage = "Your account has been created. We have sent you an e-mail: open the link in it to confirm your address, then sign in.";
        return RedirectToPage("Login");
    }

    public sealed class RegisterInput : Registration
    {
        [Required(ErrorMessage = "Enter your password again.")]
        [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
        [DataType(DataType.Password)]
        public string ConfirmPassword { get; set; } = "";
    }
}
