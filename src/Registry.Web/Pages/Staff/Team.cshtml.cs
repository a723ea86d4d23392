using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;

namespace Registry.Web.Pages.Staff;

[Authorize(Roles = Roles.StateAdmin)]
public sealed class TeamModel(StaffAccounts staff, ICurrentUser user) : PageModel
{
    public IReadOnlyList<StaffAccounts.Member> Reviewers { get; private set; } = [];

    [BindProperty]
    public StaffAccounts.Invitation Input { get; set; } = new();

    [TempData]
    public string? Confirmation { get; set; }

    private string State => user.StateCode?.Value ?? throw new InvalidOperationException("A StateAdmin always has a state.");

    public async Task OnGetAsync(CancellationToken cancellationToken) => Reviewers = await staff.ReviewersAsync(State, cancellationToken);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && await staff.InviteAsync(Input, State, cancellationToken) is { } refusal)
            ModelState.AddModelError("Input.Email", refusal);
        if (!ModelState.IsValid)
        {
            Reviewers = await staff.ReviewersAsync(State, cancellationToken);
            return Page();
        }
        Confirmation = $"{Input.DisplayName} has been invited. The e-mail lets them choose a password.";
        return RedirectToPage();
    }

    public Task<IActionResult> OnPostDisableAsync(Guid id) => SetEnabledAsync(id, enabled: false);

    public Task<IActionResult> OnPostEnableAsync(Guid id) => SetEnabledAsync(id, enabled: true);

    private async Task<IActionResult> SetEnabledAsync(Guid id, bool enabled)
    {
        if (!await staff.SetEnabledAsync(id, State, enabled)) return NotFound();
        Confirmation = enabled ? "The reviewer can sign in again." : "The reviewer is disabled and has been signed out.";
        return RedirectToPage();
    }
}
