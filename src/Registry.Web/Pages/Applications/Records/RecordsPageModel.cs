using System.Globalization;
using MediatR;
using Registry.Domain.Applications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Security;
using Registry.Application.Features.Records;
using Registry.Web.Infrastructure;
using Registry.Web.Pages.Shared;

namespace Registry.Web.Pages.Applications.Records;

/// <summary>What the four records pages share: the application's records, removing an entry, and form error display.</summary>
[Authorize(Roles = Roles.Applicant)]
public abstract class RecordsPageModel(IMediator mediator) : PageModel, IReloadOnFailure
{
    protected IMediator Mediator { get; } = mediator;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public GetRecords.Model Records { get; private set; } = null!;

    /// <summary>The kind of entry this page lists and removes.</summary>
    protected abstract RecordKind Kind { get; }

    [TempData]
    public string? Confirmation { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRemoveAsync(Guid recordId, bool confirmed, CancellationToken cancellationToken)
    {
        if (!confirmed)
        {
            await ReloadAsync(cancellationToken);
            var entry = EntryName(recordId) ?? throw new Application.Common.Exceptions.NotFoundException("Record", recordId);
            return this.Confirm(new ConfirmAction
            {
                Heading = $"Remove {entry}?",
                WhatWillHappen =
                [
                    $"{Capitalised(entry)} is removed from your application for {Records.ProgramName}.",
                    "It no longer counts toward what the program asks for.",
                ],
                CannotBeUndone = "A removed entry cannot be brought back; to count it again you would add it again.",
                ButtonLabel = "Remove the entry",
                Handler = "Remove",
                RouteValues = new Dictionary<string, string> { ["id"] = Id.ToString(), ["recordId"] = recordId.ToString() },
                BackUrl = Url.Page(null, new { id = Id })!,
            });
        }
        await Mediator.Send(new RemoveRecord.Command(Id, Kind, recordId), cancellationToken);
        Confirmation = "The entry has been removed.";
        return RedirectToPage(new { id = Id });
    }

    /// <summary>The entry as the confirmation names it ("the course Ethics in practice"); null when this page lists no such entry.</summary>
    private string? EntryName(Guid recordId) => Kind switch
    {
        RecordKind.Training => Records.Training.FirstOrDefault(r => r.Id == recordId) is { } r ? $"the course {r.Course}" : null,
        RecordKind.ContinuingEducation => Records.ContinuingEducation.FirstOrDefault(r => r.Id == recordId) is { } r ? $"the course {r.Course}" : null,
        RecordKind.Work => Records.Work.FirstOrDefault(r => r.Id == recordId) is { } r ? $"the work at {r.Organisation}" : null,
        RecordKind.Supervision => Records.Supervision.FirstOrDefault(r => r.Id == recordId) is { } r ? $"the supervision session of {DateText(r.HeldOn)}" : null,
        RecordKind.Reference => Records.References.FirstOrDefault(r => r.Id == recordId) is { } r ? $"the reference from {r.RefereeName}" : null,
        _ => null,
    };

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    public async Task ReloadAsync(CancellationToken cancellationToken) => Records = await Mediator.Send(new GetRecords.Query(Id), cancellationToken);

    /// <summary>
    /// The request's validator speaks for the form: binding's own messages ("The value '' is invalid") are
    /// dropped, keeping the fields' keys so the request's messages land on the right fields.
    /// </summary>
    protected void LeaveChecksToTheRequest()
    {
        foreach (var key in ModelState.Keys.ToList()) ModelState.ClearValidationState(key);
    }

    public string GroupClass(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? "usa-form-group usa-form-group--error" : "usa-form-group";

    public static string HoursText(decimal hours) => hours.ToString("0.##", CultureInfo.InvariantCulture);

    public static string DateText(DateOnly date) => date.ToString("MMMM d, yyyy", CultureInfo.GetCultureInfo("en-US"));
}
