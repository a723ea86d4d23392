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

        // One answer for every refusal (see Accounts.CheckPasswordAsync); the page then offers a new confirmation link to anyone.
        if (await Accounts.CheckPasswordAsync(signIn, Input.Email, Input.Password) is not { } user)
        {
            ModelState.AddModelError(string.Empty, Accounts.SignInRefused);
            return Page();
        }
        await signIn.SignInAsync(user, Input.RememberMe, authenticationMethod: "pwd");
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
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
