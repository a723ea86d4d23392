using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Security;
using Registry.Application.Features.Appeals;
using Registry.Domain.Applications;
using Registry.Web.Infrastructure;

namespace Registry.Web.Pages.Staff.Appeals;

/// <summary>State staff read an appeal of a denial beside the denial, and uphold or overturn it with a reason the applicant reads.</summary>
[Authorize(Roles = $"{Roles.Reviewer},{Roles.StateAdmin},{Roles.SystemAdmin}")]
public sealed class DecideModel(IMediator mediator) : PageModel, IReloadOnFailure
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public GetAppeal.Model Appeal { get; private set; } = null!;

    [BindProperty]
    public AppealStatus? Outcome { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [TempData]
    public string? Confirmation { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // No choice binds as Open, which the command refuses with its own words.
        var status = await mediator.Send(new DecideAppeal.Command(Id, Outcome ?? AppealStatus.Open, Reason), cancellationToken);
        Confirmation = status == ApplicationStatus.UnderReview
            ? "The denial is overturned: the application is under review again, and the applicant has been told why."
            : "The denial is upheld, and the applicant has been told why.";
        return RedirectToPage(new { Id });
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Appeal = await mediator.Send(new GetAppeal.Query(Id), cancellationToken);
}
