using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Features.Accounts;
using Registry.Application.Features.Jurisdictions;

namespace Registry.Web.Pages.Employers;

/// <summary>An organisation registers for employer verification tools; the registry approves it before they open.</summary>
public sealed class RegisterModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public RegisterEmployerAccount.Command Input { get; set; } = new();

    public IReadOnlyList<ListJurisdictions.Model> States { get; private set; } = [];

    [TempData]
    public string? AccountMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => States = await mediator.Send(new ListJurisdictions.Query(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        States = await mediator.Send(new ListJurisdictions.Query(), cancellationToken);
        await mediator.Send(Input with { ConfirmPassword = Input.ConfirmPassword ?? "" }, cancellationToken);
        AccountMessage = RegisterEmployerAccount.Answer;
        return RedirectToPage("/Account/Login");
    }

    public string GroupClass(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? "usa-form-group usa-form-group--error" : "usa-form-group";
}
