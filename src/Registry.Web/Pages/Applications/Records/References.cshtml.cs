using MediatR;
using Microsoft.AspNetCore.Mvc;
using Registry.Application.Features.Records;
using Registry.Domain.Applications;
using Registry.Domain.Jurisdictions;

namespace Registry.Web.Pages.Applications.Records;

public sealed class ReferencesModel(IMediator mediator) : RecordsPageModel(mediator)
{
    protected override RecordKind Kind => RecordKind.Reference;

    [BindProperty]
    public AddReference.Command Input { get; set; } = new();

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        LeaveChecksToTheRequest();
        await Mediator.Send(Input with { ApplicationId = Id }, cancellationToken);
        Confirmation = "The referee has been added. Send them a confirmation request when you are ready.";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostRequestConfirmationAsync(Guid referenceId, CancellationToken cancellationToken)
    {
        var sent = await Mediator.Send(new RequestReferenceConfirmation.Command(Id, referenceId), cancellationToken);
        Confirmation = $"A confirmation request has been e-mailed to {sent.SentTo}. The link expires on {DateText(RegistryDay.DayOf(sent.ExpiresAt, RegistryDay.NationwideTimeZone))}.";
        return RedirectToPage(new { id = Id });
    }
}
