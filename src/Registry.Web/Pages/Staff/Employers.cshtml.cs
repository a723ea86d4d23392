using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Security;
using Registry.Application.Features.Employers;
using Registry.Web.Infrastructure;

namespace Registry.Web.Pages.Staff;

/// <summary>StateAdmins approve their state's registered employers; SystemAdmins any.</summary>
[Authorize(Roles = $"{Roles.StateAdmin},{Roles.SystemAdmin}")]
public sealed class EmployersModel(IMediator mediator) : PageModel, IReloadOnFailure
{
    public IReadOnlyList<ListEmployers.Row> Employers { get; private set; } = [];

    [TempData]
    public string? Confirmation { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostApproveAsync(Guid employerId, CancellationToken cancellationToken)
    {
        await mediator.Send(new ApproveEmployer.Command(employerId), cancellationToken);
        Confirmation = "The organisation is approved and has been told by e-mail.";
        return RedirectToPage();
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) => Employers = await mediator.Send(new ListEmployers.Query(), cancellationToken);
}
