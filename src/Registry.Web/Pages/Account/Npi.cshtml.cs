using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Security;
using Registry.Application.Features.Profiles;

namespace Registry.Web.Pages.Account;

/// <summary>The holder's NPI for Medicaid billing and whether it carries the peer specialist taxonomy.</summary>
[Authorize(Roles = Roles.Applicant)]
public sealed class NpiModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public RecordNpi.Command Input { get; set; } = new();

    [TempData]
    public string? Confirmation { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var profile = await mediator.Send(new GetProfile.Query(), cancellationToken);
        Input = new RecordNpi.Command { Npi = profile.Npi, PeerSpecialistTaxonomy = profile.NpiHasPeerSpecialistTaxonomy };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid) return Page();
        var profile = await mediator.Send(Input, cancellationToken);
        Confirmation = profile.Npi is null ? "Your NPI has been removed from your record." : "Your NPI has been saved. It now shows on your public record.";
        return RedirectToPage();
    }
}
