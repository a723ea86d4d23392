using MediatR;
using Microsoft.AspNetCore.Mvc;
using Registry.Application.Features.Records;
using Registry.Domain.Applications;
using Registry.Domain.Jurisdictions;

namespace Registry.Web.Pages.Applications.Records;

public sealed class SupervisionModel(IMediator mediator) : RecordsPageModel(mediator)
{
    protected override RecordKind Kind => RecordKind.Supervision;

    [BindProperty]
    public AddSupervisionLog.Command Input { get; set; } = new();

    /// <summary>Supervisors with sessions still waiting for their confirmation.</summary>
    public IEnumerable<string> SupervisorsToAsk =>
        Records.Supervision.Where(l => !l.IsConfirmed).Select(l => l.SupervisorEmail).Distinct(StringComparer.OrdinalIgnoreCase);

    public static string SessionName(DateOnly heldOn) => $"session of {DateText(heldOn)}";

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        LeaveChecksToTheRequest();
        await Mediator.Send(Input with { ApplicationId = Id }, cancellationToken);
        Confirmation = "The session has been added. Ask your supervisor to confirm it when you are ready.";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostRequestConfirmationAsync(string supervisorEmail, CancellationToken cancellationToken)
    {
        var sent = await Mediator.Send(new RequestSupervisorConfirmation.Command(Id, supervisorEmail), cancellationToken);
        Confirmation = $"A confirmation request for {sent.Records} session(s) has been e-mailed to {sent.SentTo}. The link expires on {DateText(RegistryDay.DayOf(sent.ExpiresAt, RegistryDay.NationwideTimeZone))}.";
        return RedirectToPage(new { id = Id });
    }
}
