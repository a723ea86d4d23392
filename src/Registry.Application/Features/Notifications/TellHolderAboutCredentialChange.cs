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
using Registry.Domain.Credentials;
using Registry.Domain.Documents;
using Registry.Domain.Notifications;

namespace Registry.Application.Features.Notifications;

/// <summary>
/// Every decision about a credential is told to its holder, once, from the credential's own change event:
/// issued (the approval's one message), renewed, reinstated, relinquished, and each step of a discipline case.
/// Changes nobody decided (expiry and lapse) are told by the expiry job; a lapse recorded on the way to a
/// reinstatement is part of that reinstatement's message.
/// An approval of an application, the notice of a discipline case and its decision are also letters
/// (<see cref="DecisionLetters"/>), kept with the application or case and attached to the e-mail.
/// </summary>
public sealed class TellHolderAboutCredentialChange(IRegistryDbContext db, IDecisionLetterRenderer letters, IRegistryCalendar calendar)
    : INotificationHandler<DomainEventNotification<CredentialChanged>>
{
    public async Task Handle(DomainEventNotification<CredentialChanged> notification, CancellationToken cancellationToken)
    {
        var change = notification.Event;
        if (change.ActorUserId is null) return;
        var credential = await db.Credentials.FindAsync([change.CredentialId], cancellationToken)
            ?? throw new InvalidOperationException($"Credential {change.CredentialId} changed but cannot be found.");
        var disciplineCase = change.DisciplineCaseId is { } caseId ? await db.DisciplineCases.FindAsync([caseId], cancellationToken) : null;
        var letter = await WriteLetterAsync(change, credential, disciplineCase, cancellationToken);
        var holder = await db.People.Where(p => p.Id == change.HolderPersonId)
            .Select(p => new { p.Email, Name = p.PreferredName ?? p.LegalFirstName }).SingleAsync(cancellationToken);
        if (holder.Email is null) return; // an imported holder without an e-mail hears from the board by post
        var program = await db.Programs.Where(p => p.Id == change.ProgramId).Select(p => p.Name).SingleAsync(cancellationToken);
        var number = credential.Number.Value;
        var probationUntil = credential.Status == CredentialStatus.Probation ? credential.RestrictionEndsOn : null;
        var reason = credential.History.Single(e => e.Id == change.HistoryEntryId).Reason;
        var key = $"{change.Kind.ToString().ToLowerInvariant()}:{change.HistoryEntryId}";

        void Tell<TMessage>(TMessage message) where TMessage : IMessage
        {
            var notification = Outbox.Message(holder.Email!, message, change.At, change.HolderPersonId, key);
            db.Notifications.Add(notification);
            letter?.AttachTo(notification.Id);
        }

        switch (change.Kind)
        {
            case CredentialEventKind.Issued:
                Tell(new CredentialIssuedMessage(holder.Name, program, number, credential.IssuedOn, credential.ExpiresOn));
                break;
            case CredentialEventKind.Renewed:
                Tell(new CredentialRenewedMessage(holder.Name, program, number, credential.ExpiresOn, probationUntil));
                break;
            case CredentialEventKind.Reinstated:
                Tell(new CredentialReinstatedMessage(holder.Name, program, number, change.From == CredentialStatus.Lapsed, credential.ExpiresOn, probationUntil,
                    change.From == CredentialStatus.Lapsed ? null : reason));
                break;
            case CredentialEventKind.Relinquished:
                Tell(new CredentialRelinquishedMessage(holder.Name, number, change.EffectiveOn));
                break;
            case CredentialEventKind.CaseOpened when disciplineCase is not null:
                Tell(new DisciplineNoticeMessage(holder.Name, number, disciplineCase.Notice, disciplineCase.ResponseDueOn,
                    await BoardContacts.OfStateAsync(db, credential.StateCode, cancellationToken)));
                break;
            case CredentialEventKind.ResponseReceived:
                Tell(new DisciplineResponseMessage(holder.Name, number));
                break;
            case CredentialEventKind.CaseClosed or CredentialEventKind.Reprimanded or CredentialEventKind.ProbationStarted
                or CredentialEventKind.Suspended or CredentialEventKind.Revoked when disciplineCase is { Outcome: { } outcome }:
                Tell(new DisciplineDecisionMessage(holder.Name, number, outcome, disciplineCase.DecisionNotes ?? "", credential.ProbationConditions,
                    credential.RestrictionEndsOn, disciplineCase.AppealUntil, await BoardContacts.OfStateAsync(db, credential.StateCode, cancellationToken)));
                break;
            default:
                Tell(new CredentialChangedMessage(holder.Name, number, change.Kind, change.To, change.EffectiveOn, reason,
                    await BoardContacts.OfStateAsync(db, credential.StateCode, cancellationToken), change.EndorsementCode));
                break;
        }
    }

    /// <summary>
    /// The letter of the decision, if this change is one: an approval is recognised by the application approved in this
    /// same unit of work (tracked, decided at the same instant), so a reinstatement after discipline is not taken for one.
    /// </summary>
    private async Task<DecisionLetter?> WriteLetterAsync(CredentialChanged change, Credential credential, DisciplineCase? disciplineCase, CancellationToken cancellationToken)
    {
        switch (change.Kind)
        {
            case CredentialEventKind.Issued or CredentialEventKind.Renewed or CredentialEventKind.Reinstated or CredentialEventKind.EndorsementGranted:
                var approved = db.Applications.Local.FirstOrDefault(a => a.PersonId == change.HolderPersonId && a.ProgramId == change.ProgramId
                    && a.Status == ApplicationStatus.Approved && a.DecidedAt == change.At);
                return approved is null ? null
                    : await DecisionLetters.ForApplicationAsync(db, letters, calendar, approved, DecisionLetterKind.Approval, null, credential, change.At, cancellationToken);
            case CredentialEventKind.CaseOpened when disciplineCase is not null:
                return await DecisionLetters.ForCaseAsync(db, letters, calendar, credential, disciplineCase, DecisionLetterKind.DisciplineNotice, change.At, cancellationToken);
            case CredentialEventKind.CaseClosed or CredentialEventKind.Reprimanded or CredentialEventKind.ProbationStarted
                or CredentialEventKind.Suspended or CredentialEventKind.Revoked when disciplineCase is { Outcome: not null }:
                return await DecisionLetters.ForCaseAsync(db, letters, calendar, credential, disciplineCase, DecisionLetterKind.DisciplineDecision, change.At, cancellationToken);
            default:
                return null;
        }
    }
}
