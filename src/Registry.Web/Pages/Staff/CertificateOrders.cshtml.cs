using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Application.Features.CertificateOrders;
using Registry.Application.Features.Jurisdictions;
using Registry.Domain.Credentials;
using Registry.Web.Infrastructure;

namespace Registry.Web.Pages.Staff;

/// <summary>A state's printed-certificate orders: those to post (oldest first, with the address), those waiting for their fee, and those posted.</summary>
[Authorize(Roles = $"{Roles.Reviewer},{Roles.StateAdmin},{Roles.SystemAdmin}")]
public sealed class CertificateOrdersModel(IMediator mediator, ICurrentUser user) : PageModel, IReloadOnFailure
{
    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public CertificateOrderStatus Status { get; set; } = CertificateOrderStatus.ToPost;

    public IReadOnlyList<ListCertificateOrders.Row> Orders { get; private set; } = [];

    /// <summary>Set for a system administrator who has not named a state: the states to choose from.</summary>
    public StateChooser? Chooser { get; private set; }

    [TempData]
    public string? Confirmation { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        State = user.StateCode?.Value ?? State;
        await ReloadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostPostedAsync(Guid orderId, string holder, CancellationToken cancellationToken)
    {
        State = user.StateCode?.Value ?? State;
        await mediator.Send(new MarkCertificatePosted.Command(orderId), cancellationToken);
        Confirmation = $"Recorded as posted; {holder} has been told.";
        return RedirectToPage(new { State });
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(State))
            Chooser = new("Choose a state to see its printed-certificate orders.", await mediator.Send(new ListJurisdictions.Query(), cancellationToken),
                "/Staff/CertificateOrders", "printed-certificate orders");
        else
            Orders = await mediator.Send(new ListCertificateOrders.Query(State, Status), cancellationToken);
    }
}
