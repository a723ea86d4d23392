using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Application.Features.Claims;
using Registry.Application.Features.Discipline;
using Registry.Application.Features.Renewals;
using Registry.Web.Infrastructure;
using Registry.Web.Pages.Shared;
using Registry.Domain.Credentials;
using System.Globalization;

namespace Registry.Web.Pages.Staff;

[Authorize(Roles = $"{Roles.Reviewer},{Roles.StateAdmin}")]
public sealed class CredentialModel(IMediator mediator) : PageModel, IReloadOnFailure
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public GetCredentialRecord.Model Record { get; private set; } = null!;

    /// <summary>A holder with an account renews online; claim codes and paper renewals are for holders without one.</summary>
    public bool HolderHasAccount { get; private set; }

    [BindProperty]
    public OpenDisciplineCase.Command Open { get; set; } = new();

    [BindProperty]
    public DecideDisciplineCase.Command Decision { get; set; } = new();

    [BindProperty]
    public string? HolderResponse { get; set; }

    [BindProperty]
    public string? PaperRenewalReference { get; set; }

    [TempData]
    public string? Confirmation { get; set; }

    /// <summary>A claim code just made: shown on this one answer and never again.</summary>
    public CreateClaimCode.Issued? IssuedCode { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public Task<IActionResult> OnPostOpenAsync(CancellationToken ct) => Done(mediator.Send(Open with { CredentialId = Id }, ct), "The case is open and the holder has been sent the notice.");

    public Task<IActionResult> OnPostRespondAsync(Guid caseId, CancellationToken ct) => Done(mediator.Send(new RespondToDisciplineCase.Command(Id, caseId, HolderResponse ?? ""), ct), "The response is recorded.");

    /// <summary>A decision is checked, then confirmed on a page of its own that says what the outcome does, before it is recorded.</summary>
    public async Task<IActionResult> OnPostDecideAsync(Guid caseId, bool confirmed, CancellationToken ct)
    {
        var decide = Decision with { CredentialId = Id, CaseId = caseId };
        if (confirmed) return await Done(mediator.Send(decide, ct), "The decision is recorded and the holder has been told.");

        await this.ValidateAsync(decide, ct);
        await ReloadAsync(ct);
        if (Record.Cases.All(c => c.Id != caseId || c.Outcome is not null))
            throw new Application.Common.Exceptions.NotFoundException("Open case", caseId);
        return this.Confirm(new ConfirmAction
        {
            Heading = OutcomeQuestion(decide.Outcome),
            WhatWillHappen =
            [
                OutcomeSentence(decide),
                $"The case is closed and {Record.HolderName} is e-mailed the decision, with {decide.AppealDays} days to appeal.",
            ],
            Quoted =
            [
                new("Reasons for the decision (private)", decide.Notes.Trim()),
                .. decide.Outcome == DisciplineOutcome.Probation && decide.Conditions is { } conditions ? [new KeyValuePair<string, string>("Probation conditions", conditions.Trim())] : Array.Empty<KeyValuePair<string, string>>(),
            ],
            CannotBeUndone = decide.Outcome == DisciplineOutcome.Revocation
                ? "A revoked credential can never be reinstated, and a recorded decision cannot be changed or withdrawn."
                : "A recorded decision cannot be changed or withdrawn: it stays in the credential's history. A new concern needs a new case.",
            ButtonLabel = "Record the decision",
            Handler = "Decide",
            RouteValues = new Dictionary<string, string> { ["id"] = Id.ToString(), ["caseId"] = caseId.ToString() },
            Fields =
            [
                new("Decision.Outcome", decide.Outcome.ToString()),
                new("Decision.Notes", decide.Notes),
                new("Decision.Conditions", decide.Conditions),
                new("Decision.EndsOn", decide.EndsOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                new("Decision.AppealDays", decide.AppealDays.ToString(CultureInfo.InvariantCulture)),
            ],
            BackUrl = Url.Page("/Staff/Credential", new { id = Id })!,
        });
    }

    public async Task<IActionResult> OnPostReinstateAsync(bool confirmed, CancellationToken ct)
    {
        if (confirmed) return await Done(mediator.Send(new ReinstateCredential.Command(Id, null), ct), "The credential is reinstated.");

        await ReloadAsync(ct);
        return this.Confirm(new ConfirmAction
        {
            Heading = $"Reinstate credential {Record.Number}, {Record.HolderName}?",
            WhatWillHappen =
            [
                $"The suspension of {Record.Number} ends today and the credential is active again; anyone who verifies it sees it active.",
                $"{Record.HolderName} is e-mailed that the credential is reinstated.",
            ],
            CannotBeUndone = "The suspension cannot be put back: suspending the credential again needs a new case, with its notice to the holder.",
            ButtonLabel = $"Reinstate credential {Record.Number}",
            Handler = "Reinstate",
            RouteValues = new Dictionary<string, string> { ["id"] = Id.ToString() },
            BackUrl = Url.Page("/Staff/Credential", new { id = Id })!,
        });
    }

    /// <summary>The certificate of an active credential, as a PDF.</summary>
    public async Task<IActionResult> OnGetCertificateAsync([FromServices] IKeptDocuments documents, [FromServices] EmailLinks links, CancellationToken ct)
    {
        var (content, fileName) = await KeptDocumentDownloads.CredentialAsync(Id, KeptDocumentDownloads.CredentialDocument.Certificate, mediator, documents, links, ct);
        return File(content, KeptDocumentDownloads.Pdf, fileName);
    }

    /// <summary>The wallet card of an active credential, as a PDF.</summary>
    public async Task<IActionResult> OnGetWalletCardAsync([FromServices] IKeptDocuments documents, [FromServices] EmailLinks links, CancellationToken ct)
    {
        var (content, fileName) = await KeptDocumentDownloads.CredentialAsync(Id, KeptDocumentDownloads.CredentialDocument.WalletCard, mediator, documents, links, ct);
        return File(content, KeptDocumentDownloads.Pdf, fileName);
    }

    /// <summary>The code is shown in this answer only (no redirect, nothing kept to show it again).</summary>
    public async Task<IActionResult> OnPostClaimCodeAsync(CancellationToken ct)
    {
        IssuedCode = await mediator.Send(new CreateClaimCode.Command(Id), ct);
        await ReloadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostPaperRenewalAsync(CancellationToken ct) =>
        Done(mediator.Send(new RecordPaperRenewal.Command { CredentialId = Id, Reference = PaperRenewalReference ?? "" }, ct), "The renewal received on paper is recorded.");

    private string OutcomeQuestion(DisciplineOutcome outcome) => outcome switch
    {
        DisciplineOutcome.NoAction => $"Close the case on credential {Record.Number} ({Record.HolderName}) with no action?",
        DisciplineOutcome.Reprimand => $"Reprimand {Record.HolderName} (credential {Record.Number})?",
        DisciplineOutcome.Probation => $"Place credential {Record.Number} ({Record.HolderName}) on probation?",
        DisciplineOutcome.Suspension => $"Suspend credential {Record.Number} ({Record.HolderName})?",
        _ => $"Revoke credential {Record.Number} ({Record.HolderName})?",
    };

    private string OutcomeSentence(DecideDisciplineCase.Command decide) => decide.Outcome switch
    {
        DisciplineOutcome.NoAction => $"No action is taken: credential {Record.Number} stays as it is.",
        DisciplineOutcome.Reprimand => $"A reprimand is recorded on credential {Record.Number}; anyone who verifies it sees the reprimand.",
        DisciplineOutcome.Probation => $"Credential {Record.Number} is on probation from today until {Day(decide.EndsOn)}, with the conditions below; anyone who verifies it sees the probation.",
        DisciplineOutcome.Suspension => decide.EndsOn is { } ends
            ? $"Credential {Record.Number} is suspended from today until {Day(ends)}: {Record.HolderName} may not practise, and anyone who verifies it sees it suspended."
            : $"Credential {Record.Number} is suspended from today with no end date: {Record.HolderName} may not practise until staff reinstate it, and anyone who verifies it sees it suspended.",
        _ => $"Credential {Record.Number} is revoked from today: {Record.HolderName} may no longer practise under it, and anyone who verifies it sees it revoked.",
    };

    private static string Day(DateOnly? day) => day?.ToString("MMMM d, yyyy", CultureInfo.GetCultureInfo("en-US")) ?? "";

    /// <summary>The letters of this credential's discipline cases.</summary>
    public IReadOnlyList<Application.Features.Letters.LetterSummary> Letters { get; private set; } = [];

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        Record = await mediator.Send(new GetCredentialRecord.Query(Id), cancellationToken);
        Letters = await mediator.Send(new Application.Features.Letters.ListCredentialLetters.Query(Id), cancellationToken);
        HolderHasAccount = await mediator.Send(new Application.Features.Claims.HolderHasAccount.Query(Id), cancellationToken);
    }

    private async Task<IActionResult> Done(Task step, string confirmation)
    {
        await step;
        Confirmation = confirmation;
        return RedirectToPage(new { Id });
    }
}
