using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Security;
using Registry.Application.Features.Appeals;
using Registry.Web.Infrastructure;

namespace Registry.Web.Pages.Applications;

/// <summary>The applicant appeals a denial with a statement, while the program's window is open; afterwards the page says when it closed.</summary>
[Authorize(Roles = Roles.Applicant)]
public sealed class AppealModel(IMediator mediator) : PageModel, IReloadOnFailure
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public GetAppeal.Model Appeal { get; private set; } = null!;

    [BindProperty]
    public string? Statement { get; set; }

    [TempData]
    public string? Confirmation { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new FileAppeal.Command(Id, Statement), cancellationToken);
        Confirmation = "Your appeal has been sent. We have e-mailed you a copy; your state's staff will decide it and we will tell you the decision.";
        return RedirectToPage(new { Id });
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Appeal = await mediator.Send(new GetAppeal.Query(Id), cancellationToken);
}
