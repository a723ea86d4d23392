using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Features.Jurisdictions;

namespace Registry.Web.Pages;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<ListJurisdictions.Model> Jurisdictions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Jurisdictions = await mediator.Send(new ListJurisdictions.Query(), cancellationToken);
}
