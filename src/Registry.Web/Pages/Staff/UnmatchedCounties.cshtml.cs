using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Security;
using Registry.Application.Features.Jurisdictions;

namespace Registry.Web.Pages.Staff;

/// <summary>The people whose county, given as text before counties were codes, matched none on the list, to be fixed with them.</summary>
[Authorize(Roles = $"{Roles.StateAdmin},{Roles.SystemAdmin}")]
public sealed class UnmatchedCountiesModel(IMediator mediator) : PageModel
{
    /// <summary>For a system administrator: one state's people; none named shows everyone's.</summary>
    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    public IReadOnlyList<ListUnmatchedCounties.Model> People { get; private set; } = [];

    /// <summary>More people are left than the page shows; they show as these are fixed.</summary>
    public bool More { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        (People, More) = await mediator.Send(new ListUnmatchedCounties.Query(State), cancellationToken);
}
