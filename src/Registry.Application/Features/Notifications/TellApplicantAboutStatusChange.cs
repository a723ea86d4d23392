using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Behaviours;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Applications;
using Registry.Domain.Notifications;

namespace Registry.Application.Features.Notifications;

/// <summary>Every status change of an application is told to its applicant, with the reason, through the outbox.</summary>
public sealed class TellApplicantAboutStatusChange(IRegistryDbContext db) : INotificationHandler<DomainEventNotification<ApplicationStatusChanged>>
{
    public async Task Handle(DomainEventNotification<ApplicationStatusChanged> notification, CancellationToken cancellationToken)
    {
        var change = notification.Event;
        if (change.From is null) return; // starting a draft is the applicant's own act; nothing to tell
        var recipient = await db.People.Where(p => p.Id == change.PersonId).Select(p => new { p.Email, p.PreferredName, p.LegalFirstName }).SingleAsync(cancellationToken);
        var program = await db.Programs.Where(p => p.Id == change.ProgramId).Select(p => p.Name).SingleAsync(cancellationToken);

        var status = StatusWords(change.To);
        var body = $"Hello {recipient.PreferredName ?? recipient.LegalFirstName},\n\n" +
            $"Your application for {program} is now {status}.\n" +
            (change.Reason is null ? "" : $"\nThe reason given: {change.Reason}\n") +
            (change.To == ApplicationStatus.InfoRequested ? "\nPlease sign in, answer the request and resubmit your application.\n" : "") +
            "\nYou can see your application and its history when you sign in to the registry.\n";
        db.Notifications.Add(new Notification(recipient.Email, "application-status", $"Your application for {program} is {status}", body,
            change.At, change.PersonId, deduplicationKey: $"application-status:{change.HistoryEntryId}"));
    }

    private static string StatusWords(ApplicationStatus status) => status switch
    {
        ApplicationStatus.UnderReview => "under review",
        ApplicationStatus.InfoRequested => "waiting for more information from you",
        _ => status.ToString().ToLowerInvariant(),
    };
}
