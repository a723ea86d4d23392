using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Application.Features.Discipline;
using Registry.Application.Features.Endorsements;
using Registry.Application.Features.Letters;
using Registry.Application.Features.Renewals;
using Registry.Web.Infrastructure;
using Registry.Web.Pages.Shared;

namespace Registry.Web.Pages.Credentials;

[Authorize(Roles = Roles.Applicant)]
public sealed class IndexModel(IMediator mediator) : PageModel, IReloadOnFailure
{
    public IReadOnlyList<ListMyCredentials.Row> Credentials { get; private set; } = [];
    public IReadOnlyList<GetCredentialRecord.Model> Records { get; private set; } = [];

    /// <summary>The letters of each credential's discipline cases, by credential id.</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<LetterSummary>> Letters { get; private set; } = new Dictionary<Guid, IReadOnlyList<LetterSummary>>();

    public LetterLinks LettersOf(GetCredentialRecord.Model record) =>
        new(Letters.GetValueOrDefault(record.Id) ?? [], $"Letters about {record.Number}", 3, $"letters-{record.Id}");

    /// <summary>Whether each credential can be renewed or reinstated today, by credential id.</summary>
    public IReadOnlyDictionary<Guid, ListRenewalOptions.Row> Renewals { get; private set; } = new Dictionary<Guid, ListRenewalOptions.Row>();

    /// <summary>The program's endorsements each credential in force does not carry yet.</summary>
    public IReadOnlyList<ListEndorsementOptions.Option> Endorsements { get; private set; } = [];

    public IReadOnlyList<ListEndorsementOptions.Option> EndorsementsOf(Guid credentialId) => Endorsements.Where(e => e.CredentialId == credentialId).ToList();

    [BindProperty]
    public string? HolderResponse { get; set; }

    [TempData]
    public string? Confirmation { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRespondAsync(Guid credentialId, Guid caseId, CancellationToken cancellationToken)
    {
        await mediator.Send(new RespondToDisciplineCase.Command(credentialId, caseId, HolderResponse ?? ""), cancellationToken);
        Confirmation = "Your response has been added to the case.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRelinquishAsync(Guid credentialId, bool confirmed, CancellationToken cancellationToken)
    {
        if (!confirmed)
        {
            var record = await mediator.Send(new GetCredentialRecord.Query(credentialId), cancellationToken);
            return this.Confirm(new ConfirmAction
            {
                Heading = $"Relinquish credential {record.Number}?",
                WhatWillHappen =
                [
                    $"Your {record.ProgramName} credential {record.Number} ends today.",
                    "Anyone who verifies it, including employers, will see that you relinquished it, and from which day.",
                    "You will no longer be credentialed to practise under it. We will e-mail you to confirm.",
                ],
                CannotBeUndone = "A relinquished credential cannot be renewed or reinstated. To practise again you would apply for a new credential and meet the program's requirements again.",
                ButtonLabel = $"Relinquish credential {record.Number}",
                Handler = "Relinquish",
                RouteValues = new Dictionary<string, string> { ["credentialId"] = credentialId.ToString() },
                BackUrl = Url.Page("/Credentials/Index")!,
            });
        }
        await mediator.Send(new RelinquishCredential.Command(credentialId, null), cancellationToken);
        Confirmation = "Your credential is relinquished.";
        return RedirectToPage();
    }

    /// <summary>The certificate of an active credential, as a PDF.</summary>
    public Task<IActionResult> OnGetCertificateAsync(Guid id, [FromServices] IKeptDocuments documents, [FromServices] EmailLinks links, CancellationToken ct) =>
        DocumentAsync(id, KeptDocumentDownloads.CredentialDocument.Certificate, documents, links, ct);

    /// <summary>The wallet card of an active credential, as a PDF.</summary>
    public Task<IActionResult> OnGetWalletCardAsync(Guid id, [FromServices] IKeptDocuments documents, [FromServices] EmailLinks links, CancellationToken ct) =>
        DocumentAsync(id, KeptDocumentDownloads.CredentialDocument.WalletCard, documents, links, ct);

    private async Task<IActionResult> DocumentAsync(Guid credentialId, KeptDocumentDownloads.CredentialDocument kind, IKeptDocuments documents, EmailLinks links,
        CancellationToken ct)
    {
        var (content, fileName) = await KeptDocumentDownloads.CredentialAsync(credentialId, kind, mediator, documents, links, ct);
        return File(content, KeptDocumentDownloads.Pdf, fileName);
    }

    public async Task<IActionResult> OnPostRenewAsync(Guid credentialId, CancellationToken cancellationToken)
    {
        var started = await mediator.Send(new StartRenewal.Command(credentialId), cancellationToken);
        return RedirectToPage("/Applications/Overview", new { id = started.ApplicationId });
    }

    public async Task<IActionResult> OnPostReinstateAsync(Guid credentialId, CancellationToken cancellationToken)
    {
        var started = await mediator.Send(new StartReinstatement.Command(credentialId), cancellationToken);
        return RedirectToPage("/Applications/Overview", new { id = started.ApplicationId });
    }

    public async Task<IActionResult> OnPostApplyForEndorsementAsync(Guid credentialId, string code, CancellationToken cancellationToken)
    {
        var started = await mediator.Send(new StartEndorsementApplication.Command(credentialId, code), cancellationToken);
        return RedirectToPage("/Applications/Overview", new { id = started.ApplicationId });
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        Endorsements = await mediator.Send(new ListEndorsementOptions.Query(), cancellationToken);
        Renewals = (await mediator.Send(new ListRenewalOptions.Query(), cancellationToken)).ToDictionary(r => r.CredentialId);
        Credentials = await mediator.Send(new ListMyCredentials.Query(), cancellationToken);
        var records = new List<GetCredentialRecord.Model>();
        var letters = new Dictionary<Guid, IReadOnlyList<LetterSummary>>();
        foreach (var credential in Credentials) // a person holds a handful of credentials at most
        {
            records.Add(await mediator.Send(new GetCredentialRecord.Query(credential.Id), cancellationToken));
            letters[credential.Id] = await mediator.Send(new ListCredentialLetters.Query(credential.Id), cancellationToken);
        }
        Records = records;
        Letters = letters;
    }
}
