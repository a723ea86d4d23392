using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Paging;
using Registry.Application.Common.Security;
using Registry.Application.Features.Discipline;
using Registry.Web.Pages.Shared;

namespace Registry.Web.Pages.Staff;

[Authorize(Roles = $"{Roles.Reviewer},{Roles.StateAdmin}")]
public sealed class CredentialsModel(IMediator mediator, ICurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public CursorPage<FindCredentials.Row> Result { get; private set; } = new([], null);

    public string State => user.StateCode?.Value ?? "";

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await mediator.Send(new FindCredentials.Query(State, Search) { Cursor = Cursor }, cancellationToken);

    public CursorPager Pager => new("Credential pages", Cursor is null ? null : Link(null), Result.Next is null ? null : Link(Result.Next));

    private string Link(string? cursor) => Url.Page("/Staff/Credentials", new { Search, cursor })!;
}
