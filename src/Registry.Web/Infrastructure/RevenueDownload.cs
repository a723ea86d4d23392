using MediatR;
using Registry.Application.Common.Interfaces;
using Registry.Application.Features.Fees;

namespace Registry.Web.Infrastructure;

/// <summary>The revenue workbook as a download, for the staff page and the API alike.</summary>
public static class RevenueDownload
{
    /// <summary>
    /// The workbook goes into a temporary file (deleted when closed), its rows read as they stream from the database
    /// inside one streamed read; the response closes the file once sent, or it is closed here if writing fails.
    /// </summary>
    public static async Task<(Stream Content, string FileName)> WriteAsync(RevenueReport.Query query, IMediator mediator, IRevenueWorkbook workbook, IStreamedReads reads,
        CancellationToken ct)
    {
        var report = await mediator.Send(query, ct);
        var file = new FileStream(Path.Combine(Path.GetTempPath(), $"revenue-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None,
            64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await reads.ReadAsync(async read =>
            {
                await workbook.WriteAsync(report, file, read);
                return true;
            }, ct);
            file.Position = 0;
            return (file, $"revenue-{report.StateCode}-{report.From:yyyy-MM-dd}-to-{report.To:yyyy-MM-dd}.xlsx");
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
