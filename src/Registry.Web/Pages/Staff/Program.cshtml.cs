using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Registry.Application.Common.Security;
using Registry.Application.Features.Programs;
using Registry.Web.Infrastructure;
using Registry.Web.Pages.Shared;

namespace Registry.Web.Pages.Staff;

[Authorize(Roles = Roles.StateAdmin)]
public sealed class ProgramModel(IMediator mediator) : RequirementsFormPage, IReloadOnFailure
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public GetProgramConfiguration.Model Program { get; private set; } = null!;

    public override IReadOnlyList<GetProgramConfiguration.Choice> AttestationChoices => Program.Attestations;

    public override IReadOnlyList<GetProgramConfiguration.Choice> ReciprocityChoices => Program.OtherPrograms;

    /// <summary>The retirement form: from which day, and why.</summary>
    [BindProperty]
    public RetireProgram.Command Retirement { get; set; } = new();

    [TempData]
    public string? Confirmation { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        Fill(Program.Requirements);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var requirements = PostedRequirements();
        if (!ModelState.IsValid)
        {
            await ReloadAsync(cancellationToken);
            return Page();
        }
        var version = await mediator.Send(new ConfigureProgram.Command { ProgramId = Id, Requirements = requirements }, cancellationToken);
        Confirmation = $"Version {version} of the requirements is in force. Applications already submitted keep the version they were submitted under.";
        return RedirectToPage(new { Id });
    }

    /// <summary>Retiring is checked, then confirmed on a page of its own that says what stops and what goes on.</summary>
    public async Task<IActionResult> OnPostRetireAsync(bool confirmed, CancellationToken cancellationToken)
    {
        var retire = Retirement with { ProgramId = Id };
        if (confirmed)
        {
            await mediator.Send(retire, cancellationToken);
            Confirmation = $"The program takes no new applications from {retire.EffectiveOn.ToString("MMMM d, yyyy", CultureInfo.GetCultureInfo("en-US"))}. Its credentials stay valid and renew.";
            return RedirectToPage(new { Id });
        }

        await this.ValidateAsync(retire, cancellationToken);
        await ReloadAsync(cancellationToken);
        var from = retire.EffectiveOn.ToString("MMMM d, yyyy", CultureInfo.GetCultureInfo("en-US"));
        return this.Confirm(new ConfirmAction
        {
            Heading = $"Retire {Program.Name} ({Program.Code})?",
            WhatWillHappen =
            [
                $"From {from}, no one can start a new application for {Program.Name}; the public program list and the apply page say it no longer accepts applications.",
                "Credentials already issued stay valid: they verify publicly, renew and count in the workforce as before. Applications already started go on.",
            ],
            Quoted = [new("Reason for retiring (seen by staff only)", retire.Reason.Trim())],
            CannotBeUndone = "The retirement is kept in the audit log. You can reopen the program later, but anyone turned away meanwhile is not told.",
            ButtonLabel = $"Retire {Program.Code}",
            Handler = "Retire",
            RouteValues = new Dictionary<string, string> { ["id"] = Id.ToString() },
            Fields =
            [
                new("Retirement.EffectiveOn", retire.EffectiveOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                new("Retirement.Reason", retire.Reason),
            ],
            BackUrl = Url.Page("/Staff/Program", new { id = Id })!,
        });
    }

    public async Task<IActionResult> OnPostReopenAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new ReopenProgram.Command(Id), cancellationToken);
        Confirmation = "The program takes new applications again.";
        return RedirectToPage(new { Id });
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Program = await mediator.Send(new GetProgramConfiguration.Query(Id), cancellationToken);
}
