using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Behaviours;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messages;
using Registry.Application.Common.Messages.Templates;
using Registry.Domain.Applications;

namespace Registry.Application.Features.Notifications;

/// <summary>
/// Each step of an appeal (received, upheld, overturned) is told to the applicant through the outbox; an overturn
/// also moves the application under review, and this message is the one the applicant gets for it.
/// </summary>
public sealed class TellApplicantAboutAppeal(IRegistryDbContext db) : INotificationHandler<DomainEventNotification<ApplicationAppealChanged>>
{
    public async Task Handle(DomainEventNotification<ApplicationAppealChanged> notification, CancellationToken cancellationToken)
    {
        var step = notification.Event;
        var recipient = await db.People.Where(p => p.Id == step.PersonId).Select(p => new { p.Email, Name = p.PreferredName ?? p.LegalFirstName }).SingleAsync(cancellationToken);
        if (recipient.Email is null) return; // applicants have accounts, so an e-mail; only imported records may lack one
        var program = await db.Programs.Where(p => p.Id == step.ProgramId).Select(p => p.Name).SingleAsync(cancellationToken);
        db.Notifications.Add(Outbox.Message(recipient.Email!, new ApplicationAppealMessage(recipient.Name, program, step.ApplicationId, step.Status, step.Reason),
            step.At, step.PersonId, deduplicationKey: $"application-appeal:{step.AppealId}:{step.Status}"));
    }
}
