using MediatR;
using Registry.Application.Common.Interfaces;
using Registry.Application.Features.Applications;
using Registry.Application.Features.Attestations;
using Registry.Application.Features.MyRecord;

namespace Registry.Web.Api;

/// <summary>The applicant's journey for machines: the checklist, attestations, and their own record.</summary>
public static class JourneyApi
{
    public static void MapJourneyApi(this RouteGroupBuilder api)
    {
        var journey = api.MapGroup("/").RequireAuthorization(DependencyInjection.ApiPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        journey.MapGet("/applications/{id:guid}/overview", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetApplicationOverview.Query(id), ct))
            .WithSummary("The application with its eligibility checklist (have / need for every requirement), exam readiness, attestations and history.");
        journey.MapGet("/applications/{id:guid}/attestations", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new ListAttestations.Query(id), ct))
            .WithSummary("The program's attestations and disclosures: the words to sign now, or the words signed.");
        journey.MapPost("/applications/{id:guid}/attestations", (Guid id, SignAttestation.Command command, IMediator mediator, CancellationToken ct) =>
                mediator.Send(command with { ApplicationId = id }, ct))
            .WithSummary("Sign an attestation or answer a disclosure question on its current wording.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        journey.MapGet("/me/record", (IMediator mediator, CancellationToken ct) => mediator.Send(new ExportMyRecord.Query(), ct))
            .WithSummary("Everything the registry holds about the signed-in applicant.");
        journey.MapGet("/me/record.xlsx", async (IMediator mediator, IMyRecordWorkbook workbook, CancellationToken ct) =>
            {
                var output = new MemoryStream();
                workbook.Write(await mediator.Send(new ExportMyRecord.Query(), ct), output);
                output.Position = 0;
                return Results.File(output, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "my-registry-record.xlsx");
            })
            .WithSummary("The same record as a readable spreadsheet.");
    }
}
