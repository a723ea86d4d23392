using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Registry.Web.Pages.Shared;

/// <summary>
/// The page shown before an action that cannot be undone: what will happen, what cannot be undone, one button
/// that posts the same form again with <see cref="Confirmation.Field"/> set, and a way back. Only that second
/// post acts; a post without the flag (a first click, or a crafted request) only ever shows this page.
/// </summary>
public sealed record ConfirmAction
{
    /// <summary>The page's title and heading, a question naming who or what is concerned ("Relinquish credential PA-CPS-000123?").</summary>
    public required string Heading { get; init; }

    /// <summary>What will happen, one sentence each.</summary>
    public required IReadOnlyList<string> WhatWillHappen { get; init; }

    public required string CannotBeUndone { get; init; }

    public required string ButtonLabel { get; init; }

    /// <summary>The page handler that acts, and the route values it was first posted with.</summary>
    public required string Handler { get; init; }
    public IDictionary<string, string> RouteValues { get; init; } = new Dictionary<string, string>();

    /// <summary>The fields first posted (e.g. the reason for a denial), sent again unchanged.</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Fields { get; init; } = [];

    /// <summary>Quoted words the person typed and others will read, shown as they will be kept (e.g. the denial's reason).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Quoted { get; init; } = [];

    /// <summary>Where the person came from.</summary>
    public required string BackUrl { get; init; }
}

public static class Confirmation
{
    /// <summary>The form field the confirmation page alone sends; without it a handler asks instead of acting.</summary>
    public const string Field = "confirmed";

    /// <summary>Shows the confirmation page in the site's layout, in place of the page the form was posted from.</summary>
    public static PartialViewResult Confirm(this PageModel page, ConfirmAction action) => page.Partial("_ConfirmAction", action);

    /// <summary>
    /// Runs the request's validators before anything is confirmed, so a form that would be refused is refused
    /// with its field errors first (the same check the pipeline makes again when the confirmed request is sent).
    /// </summary>
    public static async Task ValidateAsync<TRequest>(this PageModel page, TRequest request, CancellationToken cancellationToken)
    {
        var context = new ValidationContext<TRequest>(request);
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in page.HttpContext.RequestServices.GetServices<IValidator<TRequest>>())
            failures.AddRange((await validator.ValidateAsync(context, cancellationToken)).Errors);
        if (failures.Count > 0) throw new ValidationException(failures);
    }
}
