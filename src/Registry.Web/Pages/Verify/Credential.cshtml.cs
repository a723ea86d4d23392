using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Registry.Application.Common.Messages;
using Registry.Application.Features.Jurisdictions;
using Registry.Application.Features.Verification;
using Registry.Domain.Credentials;
using Registry.Web.Infrastructure;

namespace Registry.Web.Pages.Verify;

/// <summary>The live public record of one credential; its printable view carries a QR code back to this page.</summary>
[EnableRateLimiting(VerificationRateLimits.Policy)]
public sealed class CredentialModel(IMediator mediator) : PageModel
{
    public PublicCredential Credential { get; private set; } = null!;

    /// <summary>How to reach the state's board; null when the state gave no way.</summary>
    public BoardContactDetails? Board { get; private set; }

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken)
    {
        if (!CredentialNumber.TryParse(number, out _)) return NotFound();
        Credential = await mediator.Send(new VerifyCredential.Query(number), cancellationToken);
        Board = await mediator.Send(new GetBoardContact.Query(Credential.State), cancellationToken) is { } board && board.Sentence() is not null ? board : null;
        return Page();
    }
}
