using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Application.Features.Jurisdictions;

namespace Registry.Web.Pages.Staff;

[Authorize(Roles = Roles.StateAdmin)]
public sealed class ProgramsModel(IMediator mediator, ICurrentUser user) : PageModel
{
    public ListJurisdictions.Model? State { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        State = (await mediator.Send(new ListJurisdictions.Query(), cancellationToken)).SingleOrDefault(s => s.Code == user.StateCode?.Value);
}
