using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Application.Features.Exams;
using Registry.Application.Features.Jurisdictions;
using Registry.Web.Infrastructure;

namespace Registry.Web.Pages.Staff;

/// <summary>State staff record exam sittings one at a time, or import the testing vendor's results file.</summary>
[Authorize(Roles = $"{Roles.Reviewer},{Roles.StateAdmin}")]
[RequestSizeLimit(UploadLimits.ExamResults)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimits.ExamResults)]
public sealed class ExamsModel(IMediator mediator, ICurrentUser user) : PageModel, IReloadOnFailure
{
    [BindProperty(SupportsGet = true)]
    public Guid? ProgramId { get; set; }

    [BindProperty]
    public RecordExamAttempt.Command Input { get; set; } = new();

    /// <summary>The vendor's file; its errors are shown under the key "File", the request's name for it.</summary>
    [BindProperty]
    public IFormFile? ResultsFile { get; set; }

    public IReadOnlyList<ListJurisdictions.ProgramModel> Programs { get; private set; } = [];
    public IReadOnlyList<ListExamAttempts.Model> Attempts { get; private set; } = [];
    public ImportExamResults.Outcome? Outcome { get; private set; }

    [TempData]
    public string? Confirmation { get; set; }

    public ListJurisdictions.ProgramModel? Program => Programs.FirstOrDefault(p => p.Id == ProgramId);

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRecordAsync(CancellationToken cancellationToken)
    {
        foreach (var key in ModelState.Keys.ToList()) ModelState.ClearValidationState(key); // the request's validator speaks for the form
        var attempt = await mediator.Send(Input with { ProgramId = ProgramId ?? Guid.Empty }, cancellationToken);
        Confirmation = $"Attempt {attempt.AttemptNumber} on {DateText(attempt.TakenOn)} recorded: score {attempt.Score}, {(attempt.Passed ? "passed" : "not passed")}.";
        return RedirectToPage(new { programId = ProgramId });
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken cancellationToken)
    {
        await using var content = ResultsFile?.OpenReadStream() ?? Stream.Null;
        Outcome = await mediator.Send(new ImportExamResults.Command(ProgramId ?? Guid.Empty, content, ResultsFile?.FileName ?? ""), cancellationToken);
        await ReloadAsync(cancellationToken);
        return Page();
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var states = await mediator.Send(new ListJurisdictions.Query(), cancellationToken);
        Programs = states.Where(s => s.Code == user.StateCode?.ToString()).SelectMany(s => s.Programs).ToList();
        if (ProgramId is null && Programs.Count == 1) ProgramId = Programs[0].Id;
        Attempts = Program is null ? [] : await mediator.Send(new ListExamAttempts.Query(Program.Id), cancellationToken);
    }

    public string GroupClass(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? "usa-form-group usa-form-group--error" : "usa-form-group";

    public static string DateText(DateOnly date) => date.ToString("MMMM d, yyyy", CultureInfo.GetCultureInfo("en-US"));
}
