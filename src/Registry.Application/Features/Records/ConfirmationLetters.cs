using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Applications;
using Registry.Domain.Common;
using Registry.Domain.Confirmations;
using Registry.Domain.Notifications;

namespace Registry.Application.Features.Records;

/// <summary>The e-mails that carry confirmation links, and reading a link back.</summary>
internal static class ConfirmationLetters
{
    public const string NotValid = "This link is not valid. It may have expired or been copied only in part; please ask the applicant to send a new one.";

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    /// <summary>The request a token names, refused with the domain's own words when it is used or expired.</summary>
    public static async Task<ConfirmationRequest> RequestForAsync(this IRegistryDbContext db, IConfirmationLinks links, string token, DateTimeOffset now, bool track, CancellationToken cancellationToken)
    {
        var id = links.Read(token) ?? throw new DomainRuleException(NotValid);
        var requests = track ? db.ConfirmationRequests : db.ConfirmationRequests.AsNoTracking();
        var request = await requests.SingleOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new DomainRuleException(NotValid);
        if (!request.IsUsable(now)) request.Use(now); // throws "already used" or "expired"
        return request;
    }

    public static Notification Supervision(ConfirmationRequest request, string applicantName, IReadOnlyList<SupervisionLog> logs, string link)
    {
        var body = new StringBuilder()
            .AppendLine($"{applicantName} has asked you to confirm {Sessions(logs.Count)} of supervision you gave them:")
            .AppendLine();
        foreach (var log in logs)
            body.AppendLine(string.Create(English, $"- {log.HeldOn:MMMM d, yyyy}: {log.Hours:0.##} hours, {log.Format.ToString().ToLowerInvariant()}"));
        body.AppendLine()
            .AppendLine("Open this link to review and confirm the sessions:")
            .AppendLine(link)
            .AppendLine()
            .AppendLine(Footer(request));
        return new Notification(request.Email, "supervision-confirmation", $"Please confirm supervision for {applicantName}",
            body.ToString(), request.CreatedAt, deduplicationKey: $"confirmation:{request.Id}");
    }

    public static Notification Reference(ConfirmationRequest request, string applicantName, Reference reference, string link)
    {
        var body = $"""
            Dear {reference.RefereeName},

            {applicantName} has named you as a reference ({reference.Relationship}) in their application for peer specialist certification.

            Open this link to confirm the reference; you may add a short statement:
            {link}

            {Footer(request)}
            """;
        return new Notification(request.Email, "reference-confirmation", $"Reference for {applicantName}", body, request.CreatedAt,
            deduplicationKey: $"confirmation:{request.Id}");
    }

    private static string Sessions(int count) => count == 1 ? "one session" : $"{count} sessions";

    private static string Footer(ConfirmationRequest request) =>
        string.Create(English, $"The link works once and expires on {request.ExpiresAt:MMMM d, yyyy}. If you do not know this person, you can ignore this message.");
}
