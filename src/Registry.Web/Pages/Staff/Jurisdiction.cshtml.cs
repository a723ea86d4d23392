using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Application.Features.Accounts;
using Registry.Application.Features.Jurisdictions;
using Registry.Web.Infrastructure;

namespace Registry.Web.Pages.Staff;

/// <summary>
/// One state: a SystemAdmin changes its name, time zone and board contact and invites its administrators; the
/// state's own administrator changes its board contact.
/// </summary>
[Authorize(Roles = $"{Roles.SystemAdmin},{Roles.StateAdmin}")]
public sealed class JurisdictionModel(IMediator mediator, ICurrentUser user) : PageModel, IReloadOnFailure
{
    /// <summary>The state's code; a StateAdmin's own state when left out.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public GetJurisdiction.Model State { get; private set; } = null!;

    public bool IsSystemAdmin => User.IsInRole(Roles.SystemAdmin);

    [BindProperty]
    public ChangeJurisdiction.Command Input { get; set; } = new();

    [BindProperty]
    public InviteStateAdmin.Command Invitation { get; set; } = new();

    [TempData]
    public string? Confirmation { get; set; }

    private string StateCode => Code ?? user.StateCode?.Value ?? "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        Input = new() { StateCode = State.Code, Name = State.Name, TimeZone = State.TimeZone, Contact = State.Contact };
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) => State = await mediator.Send(new GetJurisdiction.Query(StateCode), cancellationToken);

    public async Task<IActionResult> OnPostChangeAsync(CancellationToken cancellationToken)
    {
        if (IsSystemAdmin) await mediator.Send(Input with { StateCode = StateCode }, cancellationToken);
        else await mediator.Send(new ChangeBoardContact.Command { StateCode = StateCode, Contact = Input.Contact }, cancellationToken);
        Confirmation = "The changes are saved.";
        return RedirectToPage(new { code = StateCode });
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Invitation with { StateCode = StateCode }, cancellationToken);
        Confirmation = $"{Invitation.DisplayName.Trim()} has been invited. The e-mail lets them choose a password.";
        return RedirectToPage(new { code = StateCode });
    }
}
