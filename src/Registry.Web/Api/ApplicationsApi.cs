using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Registry.Application.Features.Applications;
using Registry.Application.Features.Attestations;
using Registry.Application.Features.Records;
using Registry.Domain.Applications;
using Registry.Web.Infrastructure;

namespace Registry.Web.Api;

/// <summary>/api/v1/applications: an applicant's applications, their checklist and attestations, and the records on them.</summary>
public static class ApplicationsApi
{
    public static void MapApplicationsApi(this RouteGroupBuilder api)
    {
        var applications = api.MapGroup("/applications").WithTags("Applications")
            .RequireAuthorization(DependencyInjection.ApiPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        applications.MapGet("/", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListMyApplications.Query(), ct))
            .WithName("ListMyApplications")
            .WithSummary("The signed-in applicant's applications.");
        applications.MapPost("/", async Task<Created<StartApplication.Started>> (StartApplication.Command command, IMediator mediator, CancellationToken ct) =>
            {
                var started = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/v1/applications/{started.ApplicationId}", started);
            })
            .WithName("StartApplication")
            .WithSummary("Start a draft application for a program.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        applications.MapGet("/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetApplication.Query(id), ct))
            .WithName("GetApplication")
            .WithSummary("One application and its history.");
        applications.MapPost("/{id:guid}/submit", async (Guid id, SubmitRequest? body, IMediator mediator, CancellationToken ct) =>
                new StatusResponse(await mediator.Send(new SubmitApplication.Command(id, body?.Answer, body?.MilitaryOrVeteran ?? false), ct)))
            .WithName("SubmitApplication")
            .WithSummary("Submit a draft, or resubmit with the answer to a request for information; refused with what is missing while the checklist has an unmet line.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        applications.MapPost("/{id:guid}/withdraw", async (Guid id, WithdrawRequest? body, IMediator mediator, CancellationToken ct) =>
                new StatusResponse(await mediator.Send(new WithdrawApplication.Command(id, body?.Reason), ct)))
            .WithName("WithdrawApplication")
            .WithSummary("Withdraw an open application.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        applications.MapPost("/{id:guid}/review", async (Guid id, IMediator mediator, CancellationToken ct) => new StatusResponse(await mediator.Send(new BeginReview.Command(id), ct)))
            .WithName("BeginReview")
            .WithTags("Review")
            .WithSummary("State staff: take a submitted application into review.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        applications.MapGet("/{id:guid}/overview", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetApplicationOverview.Query(id), ct))
            .WithName("GetApplicationOverview")
            .WithSummary("The application with its eligibility checklist (have / need for every requirement), exam readiness, attestations and history.");
        applications.MapGet("/{id:guid}/attestations", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new ListAttestations.Query(id), ct))
            .WithName("ListAttestations")
            .WithSummary("The program's attestations and disclosures: the words to sign now, or the words signed.");
        applications.MapPost("/{id:guid}/attestations", (Guid id, SignAttestation.Command command, IMediator mediator, CancellationToken ct) =>
                mediator.Send(command with { ApplicationId = id }, ct))
            .WithName("SignAttestation")
            .WithSummary("Sign an attestation or answer a disclosure question on its current wording.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        MapRecords(applications.MapGroup("/{id:guid}").WithTags("Records").ProducesProblem(StatusCodes.Status409Conflict));
    }

    /// <summary>The training, work, supervision, reference and continuing-education records on one application.</summary>
    private static void MapRecords(RouteGroupBuilder records)
    {
        records.MapGet("/records", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetRecords.Query(id), ct))
            .WithName("GetRecords")
            .WithSummary("Every training, work, supervision, reference and continuing-education record on an application.");
        records.MapPost("/training", (Guid id, AddTrainingRecord.Command command, IMediator mediator, CancellationToken ct) =>
                Added(id, "training", mediator.Send(command with { ApplicationId = id }, ct)))
            .WithName("AddTrainingRecord")
            .WithSummary("Add a completed course (hours to the quarter hour; optional evidence document id).");
        records.MapPost("/work", (Guid id, AddWorkExperience.Command command, IMediator mediator, CancellationToken ct) =>
                Added(id, "work", mediator.Send(command with { ApplicationId = id }, ct)))
            .WithName("AddWorkExperience")
            .WithSummary("Add a period of paid or volunteer peer work.");
        records.MapPost("/supervision", (Guid id, AddSupervisionLog.Command command, IMediator mediator, CancellationToken ct) =>
                Added(id, "supervision", mediator.Send(command with { ApplicationId = id }, ct)))
            .WithName("AddSupervisionLog")
            .WithSummary("Log a supervision session; it counts once the supervisor confirms it.");
        records.MapPost("/references", (Guid id, AddReference.Command command, IMediator mediator, CancellationToken ct) =>
                Added(id, "references", mediator.Send(command with { ApplicationId = id }, ct)))
            .WithName("AddReference")
            .WithSummary("Name a referee; the reference counts once the referee confirms it.");
        records.MapPost("/continuing-education", (Guid id, AddContinuingEducation.Command command, IMediator mediator, CancellationToken ct) =>
                Added(id, "continuing-education", mediator.Send(command with { ApplicationId = id }, ct)))
            .WithName("AddContinuingEducation")
            .WithSummary("Renewal or reinstatement: add continuing education completed in the current cycle (hours to the quarter hour, ethics or not, optional evidence document id).");
        foreach (var (kind, route, operationId) in new[]
                 {
                     (RecordKind.Training, "training", "RemoveTrainingRecord"), (RecordKind.Work, "work", "RemoveWorkExperience"),
                     (RecordKind.Supervision, "supervision", "RemoveSupervisionLog"), (RecordKind.Reference, "references", "RemoveReference"),
                     (RecordKind.ContinuingEducation, "continuing-education", "RemoveContinuingEducation"),
                 })
            records.MapDelete($"/{route}/{{recordId:guid}}", async (Guid id, Guid recordId, IMediator mediator, CancellationToken ct) =>
                {
                    await mediator.Send(new RemoveRecord.Command(id, kind, recordId), ct);
                    return TypedResults.NoContent();
                })
                .WithName(operationId)
                .WithSummary($"Remove a {route} entry added by mistake (not once confirmed).");

        records.MapPost("/supervision/confirmation-requests", (Guid id, SupervisorRequest body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new RequestSupervisorConfirmation.Command(id, body.SupervisorEmail), ct))
            .LimitedPerAddress(AddressRateLimits.ConfirmationRequests)
            .WithName("RequestSupervisorConfirmation")
            .WithSummary("E-mail a supervisor one link to confirm every session with them still waiting.");
        records.MapPost("/references/{referenceId:guid}/confirmation-requests", (Guid id, Guid referenceId, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new RequestReferenceConfirmation.Command(id, referenceId), ct))
            .LimitedPerAddress(AddressRateLimits.ConfirmationRequests)
            .WithName("RequestReferenceConfirmation")
            .WithSummary("E-mail a referee a link to confirm their reference.");
    }

    private static async Task<Created<RecordAdded>> Added(Guid applicationId, string kind, Task<RecordAdded> adding)
    {
        var added = await adding;
        return TypedResults.Created($"/api/v1/applications/{applicationId}/{kind}/{added.RecordId}", added);
    }

    public sealed record WithdrawRequest(string? Reason = null);

    /// <param name="MilitaryOrVeteran">The applicant serves or served in the military: the program's military fee applies (first submission only).</param>
    public sealed record SubmitRequest(string? Answer = null, bool MilitaryOrVeteran = false);

    public sealed record StatusResponse(ApplicationStatus Status);

    public sealed record SupervisorRequest(string SupervisorEmail);
}
