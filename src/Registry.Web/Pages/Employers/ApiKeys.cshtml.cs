using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Security;
using Registry.Application.Features.Employers;
using Registry.Web.Infrastructure;
using Registry.Web.Pages.Shared;

namespace Registry.Web.Pages.Employers;

/// <summary>The organisation's API keys: make one (shown once), see them by name and prefix, revoke one.</summary>
[Authorize(Roles = Roles.Employer)]
public sealed class ApiKeysModel(IMediator mediator) : PageModel, IReloadOnFailure
{
    [BindProperty]
    public string? KeyName { get; set; }

    public IReadOnlyList<ListApiKeys.Row> Keys { get; private set; } = [];

    /// <summary>Set only on the response that made the key: it is never shown again.</summary>
    public CreateApiKey.Created? NewKey { get; private set; }

    [TempData]
    public string? Confirmation { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        NewKey = await mediator.Send(new CreateApiKey.Command(KeyName ?? ""), cancellationToken);
        KeyName = null;
        await ReloadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid keyId, bool confirmed, CancellationToken cancellationToken)
    {
        if (!confirmed)
        {
            await ReloadAsync(cancellationToken);
            var key = Keys.FirstOrDefault(k => k.Id == keyId && k.RevokedAt is null)
                ?? throw new Application.Common.Exceptions.NotFoundException("API key", keyId);
            return this.Confirm(new ConfirmAction
            {
                Heading = $"Revoke the API key \"{key.Name}\"?",
                WhatWillHappen =
                [
                    $"The key \"{key.Name}\" (beginning {key.Prefix}) stops working at once: every request that sends it is refused.",
                    "Any system that uses it, such as a bulk verification, fails until it is given a new key.",
                ],
                CannotBeUndone = "A revoked key cannot be turned back on. Make a new key and give it to the systems that need one.",
                ButtonLabel = $"Revoke the key {key.Name}",
                Handler = "Revoke",
                RouteValues = new Dictionary<string, string> { ["keyId"] = keyId.ToString() },
                BackUrl = Url.Page("/Employers/ApiKeys")!,
            });
        }
        await mediator.Send(new RevokeApiKey.Command(keyId), cancellationToken);
        Confirmation = "The key is revoked; requests that send it are now refused.";
        return RedirectToPage();
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) => Keys = await mediator.Send(new ListApiKeys.Query(), cancellationToken);
}
