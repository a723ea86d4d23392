using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Paging;
using Registry.Application.Common.Security;
using Registry.Application.Features.Employers;
using Registry.Web.Infrastructure;

namespace Registry.Web.Pages.Employers;

/// <summary>The organisation's watch-list: add a credential by number, see each one's status, stop watching one.</summary>
[Authorize(Roles = Roles.Employer)]
public sealed class WatchListModel(IMediator mediator) : PageModel, IReloadOnFailure
{
    [BindProperty]
    public string? CredentialNumber { get; set; }

    /// <summary>Where this page of the list starts (none: the first page).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public CursorPage<ListWatchedCredentials.Row> Watched { get; private set; } = new([], null);

    [TempData]
    public string? Confirmation { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        var outcome = await mediator.Send(new WatchCredentials.Command([CredentialNumber?.Trim() ?? ""]), cancellationToken);
        if (outcome.NotFound.Count > 0)
        {
            ModelState.AddModelError(nameof(CredentialNumber), $"No credential has the number {outcome.NotFound[0]}.");
            await ReloadAsync(cancellationToken);
            return Page();
        }
        Confirmation = outcome.Added == 1 ? $"{CredentialNumber!.Trim().ToUpperInvariant()} is now on your watch-list." : "That credential was already on your watch-list.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string credentialNumber, CancellationToken cancellationToken)
    {
        await mediator.Send(new StopWatching.Command(credentialNumber), cancellationToken);
        Confirmation = "The credential is no longer on your watch-list.";
        return RedirectToPage(new { cursor = Cursor });
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Watched = await mediator.Send(new ListWatchedCredentials.Query(Cursor), cancellationToken);
}
