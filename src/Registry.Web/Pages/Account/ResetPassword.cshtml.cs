using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Registry.Web.Pages.Account;

/// <summary>The page a reset e-mail links to: choose a new password.</summary>
public sealed class ResetPasswordModel(Accounts accounts) : PageModel
{
    [BindProperty]
    public ResetInput Input { get; set; } = new();

    [TempData]
    public string? AccountMessage { get; set; }

    public void OnGet(string? email, string? code)
    {
        Input.Email = email ?? "";
        Input.Code = code ?? "";
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var errors = await accounts.ResetPasswordAsync(Input);
        if (errors.Count > 0)
        {
            errors.CopyTo(ModelState);
            return Page();
        }
        AccountMessage = "Your password has been changed. Sign in with the new one.";
        return RedirectToPage("Login");
    }

    public sealed class ResetInput : PasswordReset
    {
        [Required(ErrorMessage = "Enter your new password again.")]
        [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
        [DataType(DataType.Password)]
        public string ConfirmPassword { get; set; } = "";
    }
}
