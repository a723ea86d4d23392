using MediatR;
using Registry.Application.Common.Interfaces;
using Registry.Application.Features.Workforce;
using Registry.Web.Infrastructure;

namespace Registry.Web.Api;

/// <summary>/api/v1/exports: the workforce workbook, the monthly snapshots and the state roster.</summary>
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
        exports.MapGet("/roster/{state}", async (string state, IMediator mediator, IRosterWriter writer, TimeProvider clock, CancellationToken ct) =>
            {
                var (content, fileName) = await WorkforceDownloads.RosterAsync(state, mediator, writer, clock, ct);
                return Results.File(content, WorkforceDownloads.Xlsx, fileName);
            })
            .WithName("ExportRoster")
            .WithSummary("Every credential of the state with its public fields and the holder's e-mail and phone (.xlsx, streamed): the state's staff, or a SystemAdmin.")
            .Produces<Stream>(StatusCodes.Status200OK, WorkforceDownloads.Xlsx);
    }
}
