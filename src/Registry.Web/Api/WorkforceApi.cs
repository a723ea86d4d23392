using MediatR;
using Registry.Application.Common.Interfaces;
using Registry.Application.Features.Workforce;

namespace Registry.Web.Api;

/// <summary>Workforce counts, the monthly snapshots, the dashboard's figures and the state roster.</summary>
public static class WorkforceApi
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapWorkforceApi(this RouteGroupBuilder api)
    {
        var exports = api.MapGroup("/exports").WithTags("Workforce")
            .RequireAuthorization(DependencyInjection.ApiPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        exports.MapGet("/workforce", async (DateOnly? from, DateOnly? to, string[]? states, IMediator mediator, IWorkforceWorkbook workbook, CancellationToken ct) =>
                WorkbookFile(await mediator.Send(WorkforceQuery(from, to, states), ct), workbook))
            .WithSummary("The workforce workbook (.xlsx) for a period (from, to: yyyy-MM-dd) and states (comma-separated or repeated; all when omitted). " +
                "A StateAdmin may name only their own state (403 otherwise); a SystemAdmin or NationalAnalyst any.")
            .Produces(StatusCodes.Status200OK, contentType: Xlsx);
        exports.MapGet("/workforce/snapshots", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListWorkforceSnapshots.Query(), ct))
            .WithSummary("The monthly snapshots the caller may download, newest first.");
        exports.MapGet("/workforce/snapshots/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                var file = await mediator.Send(new DownloadWorkforceSnapshot.Query(id), ct);
                return Results.File(file.Content, Xlsx, file.FileName);
            })
            .WithSummary("One snapshot's workbook, as generated on the first of the following month.")
            .Produces(StatusCodes.Status200OK, contentType: Xlsx)
            .ProducesProblem(StatusCodes.Status404NotFound);
        exports.MapGet("/roster/{state}", (string state, IMediator mediator, IRosterWriter writer, TimeProvider clock, CancellationToken ct) => RosterFileAsync(state, mediator, writer, clock, ct))
            .WithSummary("Every credential of the state with its public fields and the holder's e-mail and phone (.xlsx, streamed): the state's staff, or a SystemAdmin.")
            .Produces(StatusCodes.Status200OK, contentType: Xlsx);

        api.MapGet("/workforce/{state}/dashboard", (string state, IMediator mediator, CancellationToken ct) => mediator.Send(new GetWorkforceDashboard.Query(state), ct))
            .WithTags("Workforce")
            .RequireAuthorization(DependencyInjection.ApiPolicy)
            .WithSummary("Active peer specialists at the end of each of the last 24 months, and today's status mix.")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
    }

    /// <summary>States may come repeated (states=TN&amp;states=PA) or comma-separated (states=TN,PA).</summary>
    public static ExportWorkforce.Query WorkforceQuery(DateOnly? from, DateOnly? to, IEnumerable<string>? states) => new()
    {
        From = from ?? default,
        To = to ?? default,
        States = (states ?? []).SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList(),
    };

    public static IResult WorkbookFile(WorkforceReport report, IWorkforceWorkbook workbook)
    {
        var file = new MemoryStream();
        workbook.Write(report, file);
        file.Position = 0;
        var states = report.States.Count == 1 ? report.States[0].StateCode : $"{report.States.Count}-states";
        return Results.File(file, Xlsx, $"workforce-{states}-{report.From:yyyy-MM-dd}-to-{report.To:yyyy-MM-dd}.xlsx");
    }

    /// <summary>
    /// The roster goes row by row from the database into a temporary file (deleted when closed), which is then
    /// sent: memory holds a row at a time, and the zip writer never needs the response to be seekable.
    /// </summary>
    public static async Task<IResult> RosterFileAsync(string state, IMediator mediator, IRosterWriter writer, TimeProvider clock, CancellationToken ct)
    {
        var rows = await mediator.Send(new ExportRoster.Query(state), ct);
        var file = new FileStream(Path.Combine(Path.GetTempPath(), $"roster-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None,
            64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await writer.WriteAsync(rows, file, ct);
            file.Position = 0;
            return Results.File(file, Xlsx, $"roster-{state.ToUpperInvariant()}-{clock.GetUtcNow():yyyy-MM-dd}.xlsx");
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
