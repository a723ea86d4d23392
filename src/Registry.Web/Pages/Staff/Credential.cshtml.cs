using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Security;
using Registry.Application.Features.Discipline;
using Registry.Web.Infrastructure;

namespace Registry.Web.Pages.Staff;

[Authorize(Roles = $"{Roles.Reviewer},{Roles.StateAdmin}")]
public sealed class CredentialModel(IMediator mediator) : PageModel, IReloadOnFailure
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public GetCredentialRecord.Model Record { get; private set; } = null!;

    [BindProperty]
    public OpenDisciplineCase.Command Open { get; set; } = new();

    [BindProperty]
    public DecideDisciplineCase.Command Decision { get; set; } = new();

    [BindProperty]
    public string? HolderResponse { get; set; }

    [TempData]
    public string? Confirmation { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public Task<IActionResult> OnPostOpenAsync(CancellationToken ct) => Done(mediator.Send(Open with { CredentialId = Id }, ct), "The case is open and the holder has been sent the notice.");

    public Task<IActionResult> OnPostRespondAsync(Guid caseId, CancellationToken ct) => Done(mediator.Send(new RespondToDisciplineCase.Command(Id, caseId, HolderResponse ?? ""), ct), "The response is recorded.");

    public Task<IActionResult> OnPostDecideAsync(Guid caseId, CancellationToken ct) => Done(mediator.Send(Decision with { CredentialId = Id, CaseId = caseId }, ct), "The decision is recorded and the holder has been told.");

    public Task<IActionResult> OnPostReinstateAsync(CancellationToken ct) => Done(mediator.Send(new ReinstateCredential.Command(Id, null), ct), "The credential is reinstated.");

    public async Task ReloadAsync(CancellationToken cancellationToken) => Record = await mediator.Send(new GetCredentialRecord.Query(Id), cancellationToken);

    private async Task<IActionResult> Done(Task step, string confirmation)
    {
        await step;
        Confirmation = confirmation;
        return RedirectToPage(new { Id });
    }
}
