using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Application.Features.Programs;
using Registry.Domain.Jurisdictions;
using Registry.Web.Infrastructure;

namespace Registry.Web.Pages.Staff;

/// <summary>A StateAdmin creates a program: first the starting point (a blank form or a template), then its code, name and requirements.</summary>
[Authorize(Roles = Roles.StateAdmin)]
public sealed class NewProgramModel(IMediator mediator, ICurrentUser user) : RequirementsFormPage, IReloadOnFailure
{
    public const string Blank = "blank";

    /// <summary>The chosen starting point: <see cref="Blank"/> or a template's key; null until chosen.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Start { get; set; }

    [BindProperty]
    public string Code { get; set; } = "";

    [BindProperty]
    public string Name { get; set; } = "";

    public GetProgramTemplates.Model Choices { get; private set; } = null!;

    public GetProgramTemplates.Template? Template => Choices.Templates.FirstOrDefault(t => t.Key == Start);

    public override IReadOnlyList<GetProgramConfiguration.Choice> AttestationChoices => Choices.Attestations;

    public override IReadOnlyList<GetProgramConfiguration.Choice> ReciprocityChoices => Choices.OtherPrograms;

    [TempData]
    public string? Confirmation { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        if (Start is null) return Page();
        if (Start != Blank && Template is null) return RedirectToPage(new { Start = (string?)null });
        Fill(Template?.Requirements ?? new RequirementsModel { RenewalCycleMonths = 24, ReminderDays = ProgramRequirements.DefaultReminderDays });
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var requirements = PostedRequirements();
        if (!ModelState.IsValid)
        {
            await ReloadAsync(cancellationToken);
            return Page();
        }
        var created = await mediator.Send(new CreateProgram.Command
        {
            StateCode = user.StateCode?.Value ?? "",
            Code = Code,
            Name = Name,
            Requirements = requirements,
        }, cancellationToken);
        Confirmation = $"The program {created.Code} is created and takes applications. Everything else it has can be changed here.";
        return RedirectToPage("/Staff/Program", new { id = created.Id });
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Choices = await mediator.Send(new GetProgramTemplates.Query(), cancellationToken);
}
