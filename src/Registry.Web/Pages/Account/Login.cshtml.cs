using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Infrastructure.Identity;

namespace Registry.Web.Pages.Account;

public sealed class LoginModel(SignInManager<RegistryUser> signIn) : PageModel
{
    /// <summary>A message from the account page that sent the visitor here (registered, password changed).</summary>
    [TempData]
    public string? AccountMessage { get; set; }

    /// <summary>The password was right but the e-mail address is not confirmed yet.</summary>
    public bool NeedsConfirmation { get; private set; }

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();

        var result = await signIn.PasswordSignInAsync(Input.Email, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");

        if (result.IsNotAllowed && await Accounts.NeedsConfirmationAsync(signIn.UserManager, Input.Email, Input.Password))
        {
            NeedsConfirmation = true;
            ModelState.AddModelError(string.Empty, "Confirm your e-mail address first: open the link we sent you when you registered.");
            return Page();
        }
        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? "Your account is locked for a while after several unsuccessful attempts. Please try again later or reset your password."
            : "The e-mail address or password is not right. Please check them and try again.");
        return Page();
    }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Enter your e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter an e-mail address like name@example.org.")]
        [StringLength(256)]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [StringLength(256)]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        public bool RememberMe { get; set; }
    }
}
