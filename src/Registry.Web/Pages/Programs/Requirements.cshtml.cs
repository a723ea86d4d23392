using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Features.Programs;

namespace Registry.Web.Pages.Programs;

/// <summary>One program's current requirements in plain words, for anyone to read before signing up.</summary>
public sealed class RequirementsModel(IMediator mediator) : PageModel
{
    public GetProgramRequirements.Model Program { get; private set; } = null!;

    public async Task OnGetAsync(string state, string code, CancellationToken cancellationToken) =>
        Program = await mediator.Send(new GetProgramRequirements.Query(state, code), cancellationToken);
}
