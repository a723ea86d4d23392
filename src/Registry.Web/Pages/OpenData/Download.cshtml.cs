using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Features.OpenData;

namespace Registry.Web.Pages.OpenData;

/// <summary>A released month's open data as a file: /OpenData/2025-06.csv or .json.</summary>
public sealed class DownloadModel(IMediator mediator) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string month, string format, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)) return NotFound();
        var file = await mediator.Send(new DownloadOpenData.Query(first, format == "csv" ? DownloadOpenData.Format.Csv : DownloadOpenData.Format.Json), cancellationToken);
        return File(file.Content, file.ContentType, file.FileName);
    }
}
