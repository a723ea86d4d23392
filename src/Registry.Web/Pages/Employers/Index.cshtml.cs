using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Security;
using Registry.Application.Features.Employers;

namespace Registry.Web.Pages.Employers;

/// <summary>The employer's home: its approval status and the way to its tools.</summary>
[Authorize(Roles = Roles.Employer)]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public GetEmployerOverview.Model Employer { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Employer = await mediator.Send(new GetEmployerOverview.Query(), cancellationToken);
}
