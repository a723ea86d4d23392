using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Security;
using Registry.Application.Features.Applications;
using Registry.Application.Features.Jurisdictions;
using Registry.Web.Infrastructure;

namespace Registry.Web.Pages.Applications;

[Authorize(Roles = Roles.Applicant)]
public sealed class IndexModel(IMediator mediator) : PageModel, IReloadOnFailure
{
    public IReadOnlyList<ListMyApplications.Model> Applications { get; private set; } = [];
    public IReadOnlyList<ListJurisdictions.Model> States { get; private set; } = [];

    [BindProperty]
    public StartApplication.Command Input { get; set; } = new();

    [TempData]
    public string? Confirmation { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostStartAsync(CancellationToken cancellationToken)
    {
        var started = await mediator.Send(Input, cancellationToken);
        Confirmation = "Your application has been started. It stays a draft until you submit it.";
        // Straight to the new application: its checklist says what to do first.
        return RedirectToPage("/Applications/Overview", new { Id = started.ApplicationId });
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken cancellationToken)
    {
        // A submission that owes a fee is made on the application's page, which quotes the fee and asks about the military rate.
        var mine = (await mediator.Send(new ListMyApplications.Query(), cancellationToken)).SingleOrDefault(a => a.Id == id);
        if (mine is { FeeOnSubmission: true }) return RedirectToPage("/Applications/Overview", new { Id = id });
        await mediator.Send(new SubmitApplication.Command(id), cancellationToken);
        Confirmation = "Your application has been submitted. Your state's staff will review it.";
        return RedirectToPage();
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        Applications = await mediator.Send(new ListMyApplications.Query(), cancellationToken);
        States = await mediator.Send(new ListJurisdictions.Query(), cancellationToken);
    }
}
