using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Registry.Application.Features.Records;
using Registry.Web.Infrastructure;

namespace Registry.Web.Api;

/// <summary>/api/v1/documents: evidence an applicant uploads for their records.</summary>
public static class DocumentsApi
{
    public static void MapDocumentsApi(this RouteGroupBuilder api)
    {
        var documents = api.MapGroup("/documents").WithTags("Documents")
            .RequireAuthorization(DependencyInjection.ApiPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        documents.MapPost("/", UploadAsync)
            .WithName("UploadEvidence")
            .WithSummary("Upload evidence (multipart field 'evidence'): PDF, PNG or JPEG by content, at most 10 MB.")
            .AcceptsUpload(UploadLimits.Evidence);
        documents.MapGet("/{documentId:guid}", async (Guid documentId, IMediator mediator, CancellationToken ct) =>
            {
                var document = await mediator.Send(new DownloadEvidence.Query(documentId), ct);
                return TypedResults.Stream(document.Content, document.ContentType, document.FileName);
            })
            .WithName("DownloadEvidence")
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf", "image/png", "image/jpeg")
            .WithSummary("Download evidence: its owner, staff of a state where the owner has applied, or a system administrator.");
    }

    private static async Task<Created<UploadEvidence.Uploaded>> UploadAsync(IFormFile? evidence, IMediator mediator, CancellationToken ct)
    {
        await using var content = evidence?.OpenReadStream() ?? Stream.Null;
        var uploaded = await mediator.Send(new UploadEvidence.Command(content, evidence?.FileName ?? "", evidence?.Length ?? 0), ct);
        return TypedResults.Created($"/api/v1/documents/{uploaded.DocumentId}", uploaded);
    }
}
