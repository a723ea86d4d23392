using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Application.Features.Discipline;

namespace Registry.Web.Pages.Staff;

[Authorize(Roles = $"{Roles.Reviewer},{Roles.StateAdmin}")]
public sealed class CredentialsModel(IMediator mediator, ICurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public IReadOnlyList<FindCredentials.Row> Rows { get; private set; } = [];

    public string State => user.StateCode?.Value ?? "";

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rows = await mediator.Send(new FindCredentials.Query(State, Search), cancellationToken);
}
