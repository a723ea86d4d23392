using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Features.OpenData;

namespace Registry.Web.Pages.OpenData;

/// <summary>Anyone reads the latest month's open data, and downloads any month released.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public GetOpenData.Model OpenData { get; private set; } = new(null, []);

    public async Task OnGetAsync(CancellationToken cancellationToken) => OpenData = await mediator.Send(new GetOpenData.Query(), cancellationToken);
}
