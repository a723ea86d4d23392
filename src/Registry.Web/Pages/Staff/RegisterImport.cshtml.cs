using System.Text;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Application.Features.RegisterImports;
using Registry.Web.Infrastructure;

namespace Registry.Web.Pages.Staff;

/// <summary>
/// A state administrator brings in the state's earlier register: uploads the file, watches the dry run, reads its
/// report (problems first, a page at a time), downloads it, and imports the file once the dry run is clean.
/// </summary>
[Authorize(Roles = Roles.StateAdmin)]
[RequestSizeLimit(UploadLimits.Register)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimits.Register)]
public sealed class RegisterImportModel(IMediator mediator, ICurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    /// <summary>The register file; its errors are shown under the key "File", the request's name for it.</summary>
    [BindProperty]
    public IFormFile? RegisterFile { get; set; }

    public GetRegisterImport.Model? Import { get; private set; }

    private string State => user.StateCode?.ToString() ?? "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id) Import = await mediator.Send(new GetRegisterImport.Query(State, id, Cursor), cancellationToken);
    }

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken cancellationToken)
    {
        await using var content = RegisterFile?.OpenReadStream() ?? Stream.Null;
        var submitted = await mediator.Send(new SubmitRegisterImport.Command(State, content, RegisterFile?.FileName ?? ""), cancellationToken);
        return RedirectToPage(new { id = submitted.Id });
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new ImportRegister.Command(State, Id ?? Guid.Empty), cancellationToken);
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnGetReportAsync(CancellationToken cancellationToken)
    {
        var file = await mediator.Send(new DownloadRegisterImportReport.Query(State, Id ?? Guid.Empty), cancellationToken);
        return File(file.Content, "text/csv", file.FileName);
    }

    public IActionResult OnGetTemplate() =>
        File(Encoding.UTF8.GetBytes(RegisterColumns.TemplateCsv(State, "CODE")), "text/csv", "register-template.csv");
}
