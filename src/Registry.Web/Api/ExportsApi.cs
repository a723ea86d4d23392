using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Registry.Application.Common.Interfaces;
using Registry.Application.Features.Jurisdictions;
using Registry.Application.Features.Workforce;
using Registry.Web.Infrastructure;

namespace Registry.Web.Api;

/// <summary>/api/v1/exports: the workforce workbook, the monthly snapshots, the state roster and a state's full export.</summary>
public static class ExportsApi
{
    public static void MapExportsApi(this RouteGroupBuilder api)
    {
        var exports = api.MapGroup("/exports").WithTags("Exports")
            .RequireAuthorization(DependencyInjection.ApiPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        exports.MapGet("/workforce", async (DateOnly? from, DateOnly? to, string[]? states, IMediator mediator, IWorkforceWorkbook workbook, CancellationToken ct) =>
            {
                var (content, fileName) = WorkforceDownloads.Workbook(await mediator.Send(WorkforceDownloads.WorkforceQuery(from, to, states), ct), workbook);
                return Results.File(content, WorkforceDownloads.Xlsx, fileName);
            })
            .WithName("ExportWorkforce")
            .WithSummary("The workforce workbook (.xlsx) for a period (from, to: yyyy-MM-dd) and states (comma-separated or repeated; all when omitted). " +
                "A StateAdmin may name only their own state (403 otherwise); a SystemAdmin or NationalAnalyst any.")
            .Produces<Stream>(StatusCodes.Status200OK, WorkforceDownloads.Xlsx);
        exports.MapGet("/workforce/snapshots", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListWorkforceSnapshots.Query(), ct))
            .WithName("ListWorkforceSnapshots")
            .WithSummary("The monthly snapshots the caller may download, newest first.");
        exports.MapGet("/workforce/snapshots/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                var file = await mediator.Send(new DownloadWorkforceSnapshot.Query(id), ct);
                return Results.File(file.Content, WorkforceDownloads.Xlsx, file.FileName);
            })
            .WithName("DownloadWorkforceSnapshot")
            .WithSummary("One snapshot's workbook, as generated on the first of the following month.")
            .Produces<Stream>(StatusCodes.Status200OK, WorkforceDownloads.Xlsx)
            .ProducesProblem(StatusCodes.Status404NotFound);
        exports.MapGet("/roster/{state}", async (string state, IMediator mediator, IRosterWriter writer, IStreamedReads reads, TimeProvider clock, CancellationToken ct) =>
            {
                var (content, fileName) = await WorkforceDownloads.RosterAsync(state, mediator, writer, reads, clock, ct);
                return Results.File(content, WorkforceDownloads.Xlsx, fileName);
            })
            .WithName("ExportRoster")
            .WithSummary("Every credential of the state with its public fields and the holder's e-mail and phone (.xlsx, streamed): the state's staff, or a SystemAdmin.")
            .Produces<Stream>(StatusCodes.Status200OK, WorkforceDownloads.Xlsx);

        exports.MapPost("/states/{state}", RequestStateExportAsync)
            .WithName("RequestStateExport")
            .WithSummary("Asks for everything the registry holds for the state (a zip of CSV files, evidence files and a README), written in the background: " +
                "202 with the export's address to poll. The state's StateAdmin, or a SystemAdmin.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        exports.MapGet("/states/{state}", ListStateExportsAsync)
            .WithName("ListStateExports")
            .WithSummary("The state's full exports that have not expired, newest first, with their progress.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        exports.MapGet("/state-exports/{id:guid}", GetStateExportAsync)
            .WithName("GetStateExport")
            .WithSummary("Where a state export stands: queued, running (the file being written, rows so far), ready (with downloadUrl) or failed.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        exports.MapGet("/state-exports/{id:guid}/file", DownloadStateExportAsync)
            .WithName("DownloadStateExport")
            .WithSummary("The ready export's zip, streamed; every download is recorded in the audit log. 409 until it is ready.")
            .Produces<Stream>(StatusCodes.Status200OK, StateExportZip)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private const string StateExportZip = "application/zip";

    private static async Task<Accepted<StateExportAccepted>> RequestStateExportAsync(string state, IMediator mediator, CancellationToken ct)
    {
        var requested = await mediator.Send(new RequestStateExport.Command(state), ct);
        return TypedResults.Accepted(StateExportUrl(requested.Id), new StateExportAccepted(requested.Id, StatusName(requested.Status)));
    }

    private static async Task<Ok<IReadOnlyList<StateExportProgress>>> ListStateExportsAsync(string state, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<StateExportProgress>>((await mediator.Send(new ListStateExports.Query(state), ct)).Select(StatusOf).ToList());

    private static async Task<Ok<StateExportProgress>> GetStateExportAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(StatusOf(await mediator.Send(new GetStateExport.Query(id), ct)));

    private static async Task<FileStreamHttpResult> DownloadStateExportAsync(Guid id, IMediator mediator, CancellationToken ct)
    {
        var file = await mediator.Send(new DownloadStateExport.Query(id), ct);
        return TypedResults.File(file.Content, StateExportZip, file.FileName);
    }

    private static StateExportProgress StatusOf(ListStateExports.Model e) => new(e.Id, e.StateCode, StatusName(e.Status), e.RequestedAt, e.CurrentFile,
        e.FilesWritten, e.FilesTotal, e.RowsWritten, e.SizeBytes, e.Problem, e.CompletedAt, e.ExpiresAt,
        e.Status == Domain.Jurisdictions.StateExportStatus.Ready ? StateExportUrl(e.Id) + "/file" : null);

    private static string StateExportUrl(Guid id) => $"/api/v1/exports/state-exports/{id}";

    private static string StatusName(Domain.Jurisdictions.StateExportStatus status) => status.ToString().ToLowerInvariant();

    public sealed record StateExportAccepted(Guid Id, string Status);

    /// <summary>A state export's progress; downloadUrl once ready; problem when failed.</summary>
    public sealed record StateExportProgress(Guid Id, string State, string Status, DateTimeOffset RequestedAt, string? CurrentFile,
        int FilesWritten, int FilesTotal, long RowsWritten, long? SizeBytes, string? Problem, DateTimeOffset? CompletedAt, DateTimeOffset ExpiresAt, string? DownloadUrl);
}
