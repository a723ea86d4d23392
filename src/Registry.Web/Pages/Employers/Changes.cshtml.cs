using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Paging;
using Registry.Application.Common.Security;
using Registry.Application.Features.Employers;

namespace Registry.Web.Pages.Employers;

/// <summary>Every change told to the organisation about its watched credentials, newest first.</summary>
[Authorize(Roles = Roles.Employer)]
public sealed class ChangesModel(IMediator mediator) : PageModel
{
    /// <summary>Where this page starts: after the last change the previous page showed (none: the newest).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public CursorPage<WatchedChange> Changes { get; private set; } = new([], null);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Changes = await mediator.Send(new ListRecentChanges.Query(Cursor), cancellationToken);
}
