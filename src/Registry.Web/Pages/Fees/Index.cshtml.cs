using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Security;
using Registry.Application.Features.Fees;

namespace Registry.Web.Pages.Fees;

[Authorize(Roles = Roles.Applicant)]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<ListMyFees.Model> Fees { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Fees = await mediator.Send(new ListMyFees.Query(), cancellationToken);
}
