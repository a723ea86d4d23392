using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messages;
using Registry.Application.Common.Messages.Templates;
using Registry.Domain.Applications;
using Registry.Domain.Common;
using Registry.Domain.Confirmations;
using Registry.Domain.Notifications;

namespace Registry.Application.Features.Records;

/// <summary>The e-mails that carry confirmation links, and reading a link back.</summary>
internal static class ConfirmationLetters
{
    public const string NotValid = "This link is not valid. It may have expired or been copied only in part; please ask the applicant to send a new one.";

    /// <summary>The request a token names, refused with the domain's own words when it is used or expired.</summary>
    public static async Task<ConfirmationRequest> RequestForAsync(this IRegistryDbContext db, IConfirmationLinks links, string token, DateTimeOffset now, bool track, CancellationToken cancellationToken)
    {
        var id = links.Read(token) ?? throw new DomainRuleException(NotValid);
        var requests = track ? db.ConfirmationRequests : db.ConfirmationRequests.AsNoTracking();
        var request = await requests.SingleOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new DomainRuleException(NotValid);
        if (!request.IsUsable(now)) request.Use(now); // throws "already used" or "expired"
        return request;
    }

    public static Notification Supervision(ConfirmationRequest request, string applicantName, IReadOnlyList<SupervisionLog> logs, string link) =>
        Outbox.Message(request.Email, new SupervisionConfirmationMessage(applicantName,
                logs.Select(l => new SupervisionConfirmationMessage.Session(l.HeldOn, l.Hours, l.Format)).ToList(), link, request.ExpiresAt),
            request.CreatedAt, deduplicationKey: $"confirmation:{request.Id}");

    public static Notification Reference(ConfirmationRequest request, string applicantName, Reference reference, string link) =>
        Outbox.Message(request.Email, new ReferenceConfirmationMessage(reference.RefereeName, applicantName, reference.Relationship, link, request.ExpiresAt),
            request.CreatedAt, deduplicationKey: $"confirmation:{request.Id}");
}
