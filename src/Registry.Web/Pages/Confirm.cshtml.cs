using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Features.Records;
using Registry.Domain.Common;
using Registry.Domain.Confirmations;
using Registry.Web.Infrastructure;

namespace Registry.Web.Pages;

/// <summary>A supervisor or referee, without an account, confirms what an e-mailed link names.</summary>
[AllowAnonymous]
public sealed class ConfirmModel(IMediator mediator) : PageModel, IReloadOnFailure
{
    [BindProperty(SupportsGet = true)]
    public string Token { get; set; } = "";

    [BindProperty]
    public string? Statement { get; set; }

    public GetConfirmation.Model? Asked { get; private set; }

    public string? Done { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Asked = await mediator.Send(new GetConfirmation.Query(Token), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var confirmed = await mediator.Send(new ConfirmRecords.Command { Token = Token, Statement = Statement }, cancellationToken);
        Done = confirmed.Purpose == ConfirmationPurpose.Reference
            ? "Thank you. Your reference has been confirmed; nothing more is needed."
            : $"Thank you. You have confirmed {confirmed.Records} supervision session(s); nothing more is needed.";
        return Page();
    }

    /// <summary>After a refused confirmation, shows the request again if the link still allows it.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Asked = await mediator.Send(new GetConfirmation.Query(Token), cancellationToken);
        }
        catch (DomainRuleException)
        {
            Asked = null; // the refusal is already on the page
        }
    }
}
