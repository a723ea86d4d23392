using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Security;
using Registry.Application.Features.Attestations;
using Registry.Web.Infrastructure;

namespace Registry.Web.Pages.Applications;

[Authorize(Roles = Roles.Applicant)]
public sealed class AttestationsModel(IMediator mediator) : PageModel, IReloadOnFailure
{
    public IReadOnlyList<ListAttestations.Model> Attestations { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public SignAttestation.Command Input { get; set; } = new();

    [TempData]
    public string? Confirmation { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var signed = await mediator.Send(Input with { ApplicationId = Id }, cancellationToken);
        Confirmation = $"Signed. We keep the exact words you signed (version {signed.WordingVersion}) with the date.";
        return RedirectToPage(new { Id });
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Attestations = await mediator.Send(new ListAttestations.Query(Id), cancellationToken);
}
