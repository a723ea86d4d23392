using MediatR;
using Registry.Domain.Applications;
using Microsoft.AspNetCore.Http.HttpResults;
using Registry.Application.Features.Records;
using Registry.Domain.Documents;

namespace Registry.Web.Api;

/// <summary>The applicant's records, evidence documents, and the public confirmation links.</summary>
public static class RecordsApi
{
    /// <summary>Room for the multipart wrapping around a 10 MB file; anything larger is cut off before it is read.</summary>
    private const long UploadLimit = EvidenceDocument.MaximumBytes + 1024 * 1024;

    public static void MapRecordsApi(this RouteGroupBuilder api)
    {
        var records = api.MapGroup("/applications/{id:guid}").WithTags("Records")
            .RequireAuthorization(DependencyInjection.ApiPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        records.MapGet("/records", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetRecords.Query(id), ct))
            .WithSummary("Every training, work, supervision, reference and continuing-education record on an application.");
        records.MapPost("/training", (Guid id, AddTrainingRecord.Command command, IMediator mediator, CancellationToken ct) =>
                Added(id, "training", mediator.Send(command with { ApplicationId = id }, ct)))
            .WithSummary("Add a completed course (hours to the quarter hour; optional evidence document id).");
        records.MapPost("/work", (Guid id, AddWorkExperience.Command command, IMediator mediator, CancellationToken ct) =>
                Added(id, "work", mediator.Send(command with { ApplicationId = id }, ct)))
            .WithSummary("Add a period of paid or volunteer peer work.");
        records.MapPost("/supervision", (Guid id, AddSupervisionLog.Command command, IMediator mediator, CancellationToken ct) =>
                Added(id, "supervision", mediator.Send(command with { ApplicationId = id }, ct)))
            .WithSummary("Log a supervision session; it counts once the supervisor confirms it.");
        records.MapPost("/references", (Guid id, AddReference.Command command, IMediator mediator, CancellationToken ct) =>
                Added(id, "references", mediator.Send(command with { ApplicationId = id }, ct)))
            .WithSummary("Name a referee; the reference counts once the referee confirms it.");
        records.MapPost("/continuing-education", (Guid id, AddContinuingEducation.Command command, IMediator mediator, CancellationToken ct) =>
                Added(id, "continuing-education", mediator.Send(command with { ApplicationId = id }, ct)))
            .WithSummary("Renewal or reinstatement: add continuing education completed in the current cycle (hours to the quarter hour, ethics or not, optional evidence document id).");
        foreach (var (kind, route) in new[]
                 {
                     (RecordKind.Training, "training"), (RecordKind.Work, "work"), (RecordKind.Supervision, "supervision"), (RecordKind.Reference, "references"),
                     (RecordKind.ContinuingEducation, "continuing-education"),
                 })
            records.MapDelete($"/{route}/{{recordId:guid}}", async (Guid id, Guid recordId, IMediator mediator, CancellationToken ct) =>
                {
                    await mediator.Send(new RemoveRecord.Command(id, kind, recordId), ct);
                    return TypedResults.NoContent();
                })
                .WithSummary($"Remove a {route} entry added by mistake (not once confirmed).");

        records.MapPost("/supervision/confirmation-requests", (Guid id, SupervisorRequest body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new RequestSupervisorConfirmation.Command(id, body.SupervisorEmail ?? ""), ct))
            .WithSummary("E-mail a supervisor one link to confirm every session with them still waiting.");
        records.MapPost("/references/{referenceId:guid}/confirmation-requests", (Guid id, Guid referenceId, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new RequestReferenceConfirmation.Command(id, referenceId), ct))
            .WithSummary("E-mail a referee a link to confirm their reference.");

        var confirmations = api.MapGroup("/confirmations").WithTags("Confirmations").AllowAnonymous()
            .ProducesProblem(StatusCodes.Status409Conflict);
        confirmations.MapGet("/{token}", (string token, IMediator mediator, CancellationToken ct) => mediator.Send(new GetConfirmation.Query(token), ct))
            .WithSummary("Public: what a confirmation link asks its holder to confirm (refused when used, expired or altered).");
        confirmations.MapPost("/{token}", (string token, ConfirmRequest? body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ConfirmRecords.Command { Token = token, Statement = body?.Statement }, ct))
            .WithSummary("Public: confirm what the link names; a link works once.");

        var documents = api.MapGroup("/documents").WithTags("Documents")
            .RequireAuthorization(DependencyInjection.ApiPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        documents.MapPost("/", UploadAsync)
            .WithSummary("Upload evidence (multipart field 'evidence'): PDF, PNG or JPEG by content, at most 10 MB.")
            .DisableAntiforgery()
            .WithFormOptions(multipartBodyLengthLimit: UploadLimit)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(UploadLimit));
        documents.MapGet("/{documentId:guid}", async (Guid documentId, IMediator mediator, CancellationToken ct) =>
            {
                var document = await mediator.Send(new DownloadEvidence.Query(documentId), ct);
                return TypedResults.Stream(document.Content, document.ContentType, document.FileName);
            })
            .WithSummary("Download evidence: its owner, staff of a state where the owner has applied, or a system administrator.");
    }

    private static async Task<Created<RecordAdded>> Added(Guid applicationId, string kind, Task<RecordAdded> adding)
    {
        var added = await adding;
        return TypedResults.Created($"/api/v1/applications/{applicationId}/{kind}/{added.RecordId}", added);
    }

    private static async Task<Created<UploadEvidence.Uploaded>> UploadAsync(IFormFile? evidence, IMediator mediator, CancellationToken ct)
    {
        await using var content = evidence?.OpenReadStream() ?? Stream.Null;
        var uploaded = await mediator.Send(new UploadEvidence.Command(content, evidence?.FileName ?? "", evidence?.Length ?? 0), ct);
        return TypedResults.Created($"/api/v1/documents/{uploaded.DocumentId}", uploaded);
    }

    public sealed record SupervisorRequest(string? SupervisorEmail);

    public sealed record ConfirmRequest(string? Statement);
}
