using MediatR;
using Microsoft.AspNetCore.Mvc;
using Registry.Application.Features.Records;
using Registry.Domain.Applications;

namespace Registry.Web.Pages.Applications.Records;

public sealed class WorkModel(IMediator mediator) : RecordsPageModel(mediator)
{
    protected override RecordKind Kind => RecordKind.Work;

    [BindProperty]
    public AddWorkExperience.Command Input { get; set; } = new();

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        LeaveChecksToTheRequest();
        await Mediator.Send(Input with { ApplicationId = Id }, cancellationToken);
        Confirmation = "The work has been added.";
        return RedirectToPage(new { id = Id });
    }
}
