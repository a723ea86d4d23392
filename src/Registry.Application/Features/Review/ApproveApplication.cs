using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Time;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Application.Features.Applications;
using Registry.Application.Features.Discipline;
using Registry.Application.Features.Renewals;
using Registry.Domain.Applications;
using Registry.Domain.Common;
using Registry.Domain.Credentials;
using Registry.Domain.Notifications;

namespace Registry.Application.Features.Review;

/// <summary>
/// A reviewer approves an application under review and, in the same unit of work, the credential is
/// issued (initial, reciprocity), renewed one cycle from its old expiry (renewal), reinstated with a new
/// expiry from today (reinstatement after lapse) or given the endorsement applied for (endorsement).
/// Only a StateAdmin may waive an unmet requirement, and must say why. The application's version token
/// makes a second, concurrent decision fail as a conflict rather than issue a second credential.
/// </summary>
public static class ApproveApplication
{
    [AllowedRoles(Roles.Reviewer, Roles.StateAdmin)]
    public sealed record Command(Guid ApplicationId, string? Note = null, string? WaiverReason = null) : ICommand<CredentialIssued>, IApplicationScoped;

    public sealed record CredentialIssued(Guid CredentialId, string CredentialNumber, DateOnly IssuedOn, DateOnly ExpiresOn)
    {
        /// <summary>What the approval did: Initial and Reciprocity issue a credential, Renewal and Reinstatement keep its number.</summary>
        public ApplicationType ApplicationType { get; init; } = ApplicationType.Initial;

        /// <summary>For an endorsement application: the endorsement the approval granted on the credential.</summary>
        public string? EndorsementCode { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Note).MaximumLength(4000);
            RuleFor(c => c.WaiverReason).MaximumLength(4000);
        }
    }

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock, IRegistryCalendar calendar) : IRequestHandler<Command, CredentialIssued>
    {
        public async Task<CredentialIssued> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!string.IsNullOrWhiteSpace(command.WaiverReason) && !user.IsInRole(Roles.StateAdmin))
                throw new ForbiddenException("Only a state administrator may waive a requirement.");
            var application = await db.Applications.LoadAsync(command.ApplicationId, cancellationToken);
            var eligibility = await db.EvaluateAsync(application, cancellationToken);
            var now = clock.GetUtcNow();
            application.Approve(user.UserId!.Value, now, string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim(), eligibility, command.WaiverReason);

            var today = await calendar.TodayForProgramAsync(application.ProgramId, cancellationToken);
            if (application.IsContinuing) return await RenewalDecisions.ApproveAsync(db, application, user.UserId!.Value, today, now, cancellationToken);
            if (application.Type == ApplicationType.Endorsement) return await GrantAsync(application, today, now, cancellationToken);

            // Tracked: the program's credential sequence moves under its own concurrency token.
            var program = await db.Programs.SingleAsync(p => p.Id == application.ProgramId, cancellationToken);
            var credential = Credential.Issue(program, application.PersonId, today, user.UserId!.Value, now);
            db.Credentials.Add(credential);

            return new CredentialIssued(credential.Id, credential.Number.Value, credential.IssuedOn, credential.ExpiresOn);
        }

        /// <summary>An approved endorsement application grants the endorsement on its credential from today, in the same unit of work.</summary>
        private async Task<CredentialIssued> GrantAsync(CertificationApplication application, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var credential = await db.LoadCredentialAsync(application.CredentialId!.Value, cancellationToken);
            var program = await db.Programs.AsNoTracking().SingleAsync(p => p.Id == application.ProgramId, cancellationToken);
            var definition = program.Requirements.Endorsement(application.EndorsementCode!)
                ?? throw new DomainRuleException($"{program.Name} no longer defines the endorsement {application.EndorsementCode}.");
            credential.GrantEndorsement(definition, today, user.UserId!.Value, now, application.Id, $"Application approved: {definition.Name} ({definition.Code}).");
            return new CredentialIssued(credential.Id, credential.Number.Value, credential.IssuedOn, credential.ExpiresOn)
            {
                ApplicationType = ApplicationType.Endorsement,
                EndorsementCode = definition.Code,
            };
        }
    }
}
