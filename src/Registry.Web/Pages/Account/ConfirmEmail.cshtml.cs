using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Registry.Web.Pages.Account;

/// <summary>The page a confirmation e-mail links to; opening the link confirms the address.</summary>
public sealed class ConfirmEmailModel(IMediator mediator) : PageModel
{
    /// <summary>Stays false when the link is refused: the page filter then shows this page as it is.</summary>
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? userId, string? code, CancellationToken cancellationToken)
    {
        await mediator.Send(new Application.Features.Accounts.ConfirmEmail.Command { UserId = userId, Code = code }, cancellationToken);
        Confirmed = true;
    }
}
