using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Security;
using Registry.Application.Features.Employers;

namespace Registry.Web.Pages.Employers;

/// <summary>Every change told to the organisation about its watched credentials, newest first.</summary>
[Authorize(Roles = Roles.Employer)]
public sealed class ChangesModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ListRecentChanges.Results Changes { get; private set; } = new([], 1, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Changes = await mediator.Send(new ListRecentChanges.Query(Math.Max(1, PageNumber)), cancellationToken);
}
