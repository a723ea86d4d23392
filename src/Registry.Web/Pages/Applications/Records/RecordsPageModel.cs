using System.Globalization;
using MediatR;
using Registry.Domain.Applications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Security;
using Registry.Application.Features.Records;
using Registry.Web.Infrastructure;

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

    public async Task<IActionResult> OnPostRemoveAsync(Guid recordId, CancellationToken cancellationToken)
    {
        await Mediator.Send(new RemoveRecord.Command(Id, Kind, recordId), cancellationToken);
        Confirmation = "The entry has been removed.";
        return RedirectToPage(new { id = Id });
    }

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
