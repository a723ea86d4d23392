using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Behaviours;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messages;
using Registry.Application.Common.Messages.Templates;
using Registry.Application.Common.Time;
using Registry.Application.Features.Jurisdictions;
using Registry.Application.Features.Letters;
using Registry.Domain.Applications;
using Registry.Domain.Documents;

namespace Registry.Application.Features.Notifications;

/// <summary>
/// Every status change of an application is told to its applicant, with the reason, through the outbox; except
/// an approval, which always issues, renews or reinstates a credential, and that change's message is the one the
/// applicant gets (<see cref="TellHolderAboutCredentialChange"/>); and a denial overturned on appeal, told by
/// <see cref="TellApplicantAboutAppeal"/>. A denial or a request for information is also a letter (<see cref="DecisionLetters"/>),
/// kept with the application and attached to the e-mail.
/// </summary>
public sealed class TellApplicantAboutStatusChange(IRegistryDbContext db, IDecisionLetterRenderer letters, IRegistryCalendar calendar)
    : INotificationHandler<DomainEventNotification<ApplicationStatusChanged>>
{
    public async Task Handle(DomainEventNotification<ApplicationStatusChanged> notification, CancellationToken cancellationToken)
    {
        var change = notification.Event;
        if (change.From is null) return; // starting a draft is the applicant's own act; nothing to tell
        if (change.To == ApplicationStatus.Approved) return;
        if (change.From == ApplicationStatus.Denied) return; // an overturned appeal: TellApplicantAboutAppeal words it
        var letter = change.To switch
        {
            ApplicationStatus.Denied => await WriteLetterAsync(DecisionLetterKind.Denial, change, cancellationToken),
            ApplicationStatus.InfoRequested => await WriteLetterAsync(DecisionLetterKind.InformationRequest, change, cancellationToken),
            _ => null,
        };
        var recipient = await db.People.Where(p => p.Id == change.PersonId).Select(p => new { p.Email, Name = p.PreferredName ?? p.LegalFirstName }).SingleAsync(cancellationToken);
        if (recipient.Email is null) return; // applicants have accounts, so an e-mail; only imported records may lack one
        var program = await db.Programs.Where(p => p.Id == change.ProgramId).Select(p => new { p.Name, p.StateCode }).SingleAsync(cancellationToken);
        var board = await BoardContacts.OfStateAsync(db, program.StateCode, cancellationToken);
        // An endorsement application's messages name the endorsement beside the program.
        var application = await db.Applications.FindAsync([change.ApplicationId], cancellationToken);
        var endorsement = application is null ? null : await DecisionLetters.EndorsementAppliedForAsync(db, application, cancellationToken);
        var subject = endorsement is null ? program.Name : $"{program.Name}: {endorsement} endorsement";
        var message = Outbox.Message(recipient.Email!, new ApplicationStatusMessage(recipient.Name, subject, change.To, change.Reason, board),
            change.At, change.PersonId, deduplicationKey: $"application-status:{change.HistoryEntryId}");
        db.Notifications.Add(message);
        letter?.AttachTo(message.Id);
    }

    private async Task<DecisionLetter> WriteLetterAsync(DecisionLetterKind kind, ApplicationStatusChanged change, CancellationToken cancellationToken)
    {
        var application = await db.Applications.FindAsync([change.ApplicationId], cancellationToken)
            ?? throw new InvalidOperationException($"Application {change.ApplicationId} changed but cannot be found.");
        return await DecisionLetters.ForApplicationAsync(db, letters, calendar, application, kind, change.Reason, null, change.At, cancellationToken);
    }
}
