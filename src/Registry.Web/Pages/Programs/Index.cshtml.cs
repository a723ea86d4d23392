using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Features.Jurisdictions;

namespace Registry.Web.Pages.Programs;

/// <summary>Every state's programs, for anyone to read before signing up.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<ListJurisdictions.Model> States { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        States = await mediator.Send(new ListJurisdictions.Query(), cancellationToken);
}
