using MediatR;
using Microsoft.AspNetCore.Mvc;
using Registry.Application.Features.Records;
using Registry.Domain.Applications;

namespace Registry.Web.Pages.Applications.Records;

/// <summary>Continuing education on a renewal or reinstatement, each course with an optional certificate.</summary>
public sealed class ContinuingEducationModel(IMediator mediator) : RecordsPageModel(mediator)
{
    protected override RecordKind Kind => RecordKind.ContinuingEducation;

    [BindProperty]
    public AddContinuingEducation.Command Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Evidence { get; set; }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        LeaveChecksToTheRequest();
        Guid? documentId = null;
        if (Evidence is not null)
        {
            await using var content = Evidence.OpenReadStream();
            documentId = (await Mediator.Send(new UploadEvidence.Command(content, Evidence.FileName, Evidence.Length), cancellationToken)).DocumentId;
        }
        await Mediator.Send(Input with { ApplicationId = Id, EvidenceDocumentId = documentId }, cancellationToken);
        Confirmation = "The course has been added.";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnGetEvidenceAsync(Guid documentId, CancellationToken cancellationToken)
    {
        var document = await Mediator.Send(new DownloadEvidence.Query(documentId), cancellationToken);
        return File(document.Content, document.ContentType, document.FileName);
    }
}
