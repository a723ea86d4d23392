using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Security;
using Registry.Application.Features.Notifications;
using Registry.Web.Infrastructure;

namespace Registry.Web.Pages.Staff;

/// <summary>The outbox's unsent messages for a SystemAdmin, failed ones first, each with "Retry now".</summary>
[Authorize(Roles = Roles.SystemAdmin)]
public sealed class OutboxModel(IMediator mediator) : PageModel, IReloadOnFailure
{
    public ListOutbox.Model Outbox { get; private set; } = new(0, 0, 0, []);

    [TempData]
    public string? Confirmation { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken cancellationToken)
    {
        await mediator.Send(new RetryNotification.Command(id), cancellationToken);
        Confirmation = "The message is queued again and goes out with the next run of the dispatcher (within a minute).";
        return RedirectToPage();
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) => Outbox = await mediator.Send(new ListOutbox.Query(), cancellationToken);
}
