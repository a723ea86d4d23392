using System.Text.Json;
using System.Text.Json.Serialization;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Application.Features.MyRecord;

namespace Registry.Web.Pages;

[Authorize(Roles = Roles.Applicant)]
public sealed class MyRecordModel(IMediator mediator, IMyRecordWorkbook workbook) : PageModel
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnGetJsonAsync(CancellationToken cancellationToken)
    {
        var record = await mediator.Send(new ExportMyRecord.Query(), cancellationToken);
        return File(JsonSerializer.SerializeToUtf8Bytes(record, Json), "application/json", "my-registry-record.json");
    }

    public async Task<IActionResult> OnGetWorkbookAsync(CancellationToken cancellationToken)
    {
        var record = await mediator.Send(new ExportMyRecord.Query(), cancellationToken);
        var output = new MemoryStream();
        workbook.Write(record, output);
        output.Position = 0;
        return File(output, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "my-registry-record.xlsx");
    }
}
