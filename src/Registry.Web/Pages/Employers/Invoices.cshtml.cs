using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Security;
using Registry.Application.Features.Fees;

namespace Registry.Web.Pages.Employers;

/// <summary>The fees people asked the organisation to pay, owed ones first, each with a way to pay it online.</summary>
[Authorize(Roles = Roles.Employer)]
public sealed class InvoicesModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<ListEmployerInvoices.Invoice> Invoices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Invoices = await mediator.Send(new ListEmployerInvoices.Query(), cancellationToken);
}
