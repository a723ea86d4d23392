using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Security;
using Registry.Application.Features.Programs;
using Registry.Web.Infrastructure;

namespace Registry.Web.Pages.Staff;

[Authorize(Roles = Roles.StateAdmin)]
public sealed class ProgramModel(IMediator mediator) : PageModel, IReloadOnFailure
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public GetProgramConfiguration.Model Program { get; private set; } = null!;

    [BindProperty]
    public RequirementsModel Input { get; set; } = new();

    /// <summary>Training domains as lines "CODE; Name; hours", and reminder days as "90, 60, 30, 7": plain text, no script needed.</summary>
    [BindProperty]
    public string DomainLines { get; set; } = "";

    [BindProperty]
    public string ReminderDayList { get; set; } = "";

    // Checkbox lists bind to plain lists; the record's read-only lists would stay empty.
    [BindProperty]
    public List<string> Attestations { get; set; } = [];

    [BindProperty]
    public List<Guid> Reciprocity { get; set; } = [];

    [TempData]
    public string? Confirmation { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        Input = Program.Requirements;
        DomainLines = string.Join("\n", Input.TrainingDomains.Select(d => $"{d.Code}; {d.Name}; {d.MinimumHours.ToString("0.##", CultureInfo.InvariantCulture)}"));
        ReminderDayList = string.Join(", ", Input.ReminderDays);
        Attestations = [.. Input.RequiredAttestations];
        Reciprocity = [.. Input.ReciprocityProgramIds];
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var domains = ParseDomains();
        var reminders = ReminderDayList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => int.TryParse(d, out var day) ? day : -1).ToList();
        if (reminders.Contains(-1)) ModelState.AddModelError(nameof(ReminderDayList), "Write reminder days as whole numbers separated by commas, for example 90, 60, 30, 7.");
        if (domains is null) ModelState.AddModelError(nameof(DomainLines), "Write one domain a line as: CODE; Name; hours.");
        if (!ModelState.IsValid)
        {
            await ReloadAsync(cancellationToken);
            return Page();
        }
        var version = await mediator.Send(new ConfigureProgram.Command
        {
            ProgramId = Id,
            Requirements = Input with { TrainingDomains = domains!, ReminderDays = reminders, RequiredAttestations = Attestations, ReciprocityProgramIds = Reciprocity },
        }, cancellationToken);
        Confirmation = $"Version {version} of the requirements is in force. Applications already submitted keep the version they were submitted under.";
        return RedirectToPage(new { Id });
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Program = await mediator.Send(new GetProgramConfiguration.Query(Id), cancellationToken);

    private List<RequirementsModel.DomainModel>? ParseDomains()
    {
        var domains = new List<RequirementsModel.DomainModel>();
        foreach (var line in DomainLines.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(';', StringSplitOptions.TrimEntries);
            if (parts.Length != 3 || !decimal.TryParse(parts[2], NumberStyles.Number, CultureInfo.InvariantCulture, out var hours)) return null;
            domains.Add(new RequirementsModel.DomainModel(parts[0], parts[1], hours));
        }
        return domains;
    }
}
