using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Security;
using Registry.Application.Features.Fees;

namespace Registry.Web.Pages.Fees;

/// <summary>One of the person's fees: what it is for, why this amount, what is paid, and while it is owed, the ways to pay it.</summary>
[Authorize(Roles = Roles.Applicant)]
public sealed class FeeModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public GetFee.Model Fee { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Fee = await mediator.Send(new GetFee.Query(Id), cancellationToken);
}
