using MediatR;
using Registry.Application.Common.Interfaces;
using Registry.Application.Features.Workforce;

namespace Registry.Web.Infrastructure;

/// <summary>The workforce workbook and the state roster as downloads, for the staff page and /api/v1/exports alike.</summary>
public static class WorkforceDownloads
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>States may come repeated (states=TN&amp;states=PA) or comma-separated (states=TN,PA).</summary>
    public static ExportWorkforce.Query WorkforceQuery(DateOnly? from, DateOnly? to, IEnumerable<string>? states) => new()
    {
        From = from ?? default,
        To = to ?? default,
        States = (states ?? []).SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList(),
    };

    public static (Stream Content, string FileName) Workbook(WorkforceReport report, IWorkforceWorkbook workbook)
    {
        var file = new MemoryStream();
        workbook.Write(report, file);
        file.Position = 0;
        var states = report.States.Count == 1 ? report.States[0].StateCode : $"{report.States.Count}-states";
        return (file, $"workforce-{states}-{report.From:yyyy-MM-dd}-to-{report.To:yyyy-MM-dd}.xlsx");
    }

    /// <summary>
    /// The roster goes row by row from the database into a temporary file (deleted when closed), which is then
    /// sent: memory holds a row at a time (a streamed read, <see cref="IStreamedReads"/>), and the zip writer never
    /// needs the response to be seekable. The file is closed, and so deleted, if writing fails; otherwise the
    /// response closes it once sent.
    /// </summary>
    public static async Task<(Stream Content, string FileName)> RosterAsync(string state, IMediator mediator, IRosterWriter writer, IStreamedReads reads, TimeProvider clock,
        CancellationToken ct)
    {
        var rows = await mediator.Send(new ExportRoster.Query(state), ct);
        var file = new FileStream(Path.Combine(Path.GetTempPath(), $"roster-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None,
            64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await reads.ReadAsync(read => writer.WriteAsync(rows, file, read), ct);
            file.Position = 0;
            return (file, $"roster-{state.ToUpperInvariant()}-{clock.GetUtcNow():yyyy-MM-dd}.xlsx");
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
