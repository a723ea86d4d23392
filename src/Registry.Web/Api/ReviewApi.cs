using System.Text.Json.Serialization;
using MediatR;
using Registry.Application.Common.Paging;
using Registry.Application.Features.Discipline;
using Registry.Application.Features.Review;
using Registry.Domain.Applications;
using static Registry.Web.Api.ApplicationsApi;

namespace Registry.Web.Api;

/// <summary>/api/v1/review: state staff work their state's queue and decide applications (begin review is POST /applications/{id}/review).</summary>
public static class ReviewApi
{
    public static void MapReviewApi(this RouteGroupBuilder api)
    {
        var review = api.MapGroup("/review").WithTags("Review")
            .RequireAuthorization(DependencyInjection.ApiPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        review.MapGet("/{state}/queue", async (string state, ApplicationStatus? status, Guid? programId, string? cursor, int? limit, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ReviewQueue.Query
                {
                    StateCode = state, Status = status, ProgramId = programId, Cursor = cursor, Limit = limit ?? Cursor.DefaultLimit,
                }, ct)))
            .WithName("GetReviewQueue")
            .WithSummary($"State staff: the state's open applications, oldest first, a page at a time (limit {Cursor.DefaultLimit}, at most {Cursor.MaximumLimit}; next is the cursor of the page after); filter by status and program.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        review.MapGet("/{state}/queue/summary", async (string state, Guid? programId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ReviewQueueSummary.Query { StateCode = state, ProgramId = programId }, ct)))
            .WithName("GetReviewQueueSummary")
            .WithSummary("State staff: how many open applications wait in each status (for one program, or all), and the state's programs.");
        review.MapGet("/{state}/cases", async (string state, bool? open, string? cursor, int? limit, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListDisciplineCases.Query { StateCode = state, Open = open, Cursor = cursor, Limit = limit ?? Cursor.DefaultLimit }, ct)))
            .WithName("ListDisciplineCases")
            .WithTags("Discipline")
            .WithSummary("State staff: the state's discipline cases, open ones first, newest opened first, a page at a time; open=true for open cases only. No notice, response or notes.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        review.MapGet("/applications/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetApplicationForReview.Query(id), ct))
            .WithName("GetApplicationForReview")
            .WithSummary("State staff: one application with its checklist, records and their review, statements, exam attempts and history.");
        review.MapPost("/applications/{id:guid}/records/{recordId:guid}", async (Guid id, Guid recordId, RecordReviewRequest body, IMediator mediator, CancellationToken ct) =>
                new RecordReviewResponse(await mediator.Send(new ReviewRecord.Command(id, recordId, body.Verified, body.Reason), ct)))
            .WithName("ReviewRecord")
            .WithSummary("Verify or reject (with a reason) one training or work entry while the application is under review.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        review.MapPost("/applications/{id:guid}/request-information", async (Guid id, InformationRequest body, IMediator mediator, CancellationToken ct) =>
                new StatusResponse(await mediator.Send(new RequestInformation.Command(id, body.Message), ct)))
            .WithName("RequestInformation")
            .WithSummary("Ask the applicant for more information (message required, at most 4000 characters).")
            .ProducesProblem(StatusCodes.Status409Conflict);
        review.MapPost("/applications/{id:guid}/approve", (Guid id, ApprovalRequest? body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ApproveApplication.Command(id, body?.Note, body?.WaiverReason), ct))
            .WithName("ApproveApplication")
            .WithSummary("Approve and issue the credential; a waiver reason (StateAdmin only) approves despite an unmet requirement.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        review.MapPost("/applications/{id:guid}/deny", async (Guid id, DenialRequest body, IMediator mediator, CancellationToken ct) =>
                new StatusResponse(await mediator.Send(new DenyApplication.Command(id, body.Reason), ct)))
            .WithName("DenyApplication")
            .WithSummary("Deny with a reason the applicant reads.")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    public sealed record RecordReviewRequest([property: JsonRequired] bool Verified, string? Reason = null);

    public sealed record RecordReviewResponse(RecordReview Review);

    public sealed record InformationRequest(string Message);

    public sealed record ApprovalRequest(string? Note = null, string? WaiverReason = null);

    public sealed record DenialRequest(string Reason);
}
