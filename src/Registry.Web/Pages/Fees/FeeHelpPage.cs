using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Features.Fees;
using Registry.Web.Infrastructure;

namespace Registry.Web.Pages.Fees;

/// <summary>The pages that help pay one fee (a voucher, a waiver request, an employer): each shows the fee, then its own form.</summary>
public abstract class FeeHelpPage(IMediator mediator) : PageModel, IReloadOnFailure
{
    [BindProperty(SupportsGet = true)]
    public Guid FeeId { get; set; }

    public GetFeeHelp.Model Fee { get; private set; } = null!;

    [TempData]
    public string? Confirmation { get; set; }

    protected IMediator Mediator => mediator;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await ReloadAsync(cancellationToken);

    public async Task ReloadAsync(CancellationToken cancellationToken) => Fee = await mediator.Send(new GetFeeHelp.Query(FeeId), cancellationToken);
}
