using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Registry.Application.Common.Messages;
using Registry.Application.Features.Documents;
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

    /// <summary>
    /// The edition code of the credential's current certificate and wallet card (<see cref="CredentialEdition"/>, from what
    /// they show), for an active credential; null otherwise. A printed copy with another code is outdated.
    /// </summary>
    public string? Edition => Credential.Status == CredentialStatus.Active
        ? CredentialEdition.Of(Credential.HolderName, Credential.CredentialNumber, Credential.ProgramName, Credential.StateName, Credential.IssuedOn, Credential.ExpiresOn, [])
        : null;

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken)
    {
        if (!CredentialNumber.TryParse(number, out _)) return NotFound();
        Credential = await mediator.Send(new VerifyCredential.Query(number), cancellationToken);
        Board = await mediator.Send(new GetBoardContact.Query(Credential.State), cancellationToken) is { } board && board.Sentence() is not null ? board : null;
        return Page();
    }
}
