using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Interfaces;
using Registry.Infrastructure.Identity;

namespace Registry.Web.Pages.Account;

public sealed class LogoutModel(SignInManager<RegistryUser> signIn, IAuditContext audit) : PageModel
{
    /// <summary>Signing out ends every sign-in of the account (other browsers, bearer tokens): it gets a new security stamp.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
        {
            audit.Action = "SignOut";
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        }
        await signIn.SignOutAsync();
        return RedirectToPage("/Index");
    }
}
