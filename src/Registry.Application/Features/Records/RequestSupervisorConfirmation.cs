using FluentValidation;
using MediatR;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Application.Features.Applications;
using Registry.Domain.Common;
using Registry.Domain.Confirmations;

namespace Registry.Application.Features.Records;

/// <summary>
/// The applicant asks one supervisor to confirm every session with them still waiting: one link for the
/// batch, e-mailed through the outbox.
/// </summary>
public static class RequestSupervisorConfirmation
{
    [AllowedRoles(Roles.Applicant)]
    public sealed record Command(Guid ApplicationId, string SupervisorEmail) : ICommand<ConfirmationRequested>, IApplicationScoped;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IRegistryDbContext db, ICurrentUser user, IIdentityService identity) =>
            RuleFor(c => c.SupervisorEmail).NotEmpty().WithMessage("Name the supervisor's e-mail address.").MaximumLength(256)
                .NotTheApplicantsOwn(db, user, identity, AddSupervisionLog.OwnSupervisor);
    }

    public sealed class Handler(IRegistryDbContext db, IConfirmationLinks links, TimeProvider clock) : IRequestHandler<Command, ConfirmationRequested>
    {
        public async Task<ConfirmationRequested> Handle(Command command, CancellationToken cancellationToken)
        {
            var application = await db.Applications.LoadAsync(command.ApplicationId, cancellationToken);
            if (!application.IsOpen) throw new DomainRuleException("This application is closed; nothing on it needs confirming.");
            var email = command.SupervisorEmail.Trim();
            var waiting = application.SupervisionLogs
                .Where(l => !l.IsConfirmed && l.SupervisorEmail.Equals(email, StringComparison.OrdinalIgnoreCase))
                .OrderBy(l => l.HeldOn).ToList();
            if (waiting.Count == 0) throw new DomainRuleException($"No sessions with {email} are waiting for confirmation.");

            var request = new ConfirmationRequest(ConfirmationPurpose.Supervision, application.Id, waiting[0].SupervisorEmail,
                waiting.Select(l => l.Id), clock.GetUtcNow(), links.Lifetime);
            var link = links.UrlFor(links.TokenFor(request.Id));
            var applicantName = await db.ApplicantNameAsync(application.PersonId, cancellationToken);
            db.ConfirmationRequests.Add(request);
            db.Notifications.Add(ConfirmationLetters.Supervision(request, applicantName, waiting, link));
            return new ConfirmationRequested(request.Id, request.Email, waiting.Count, request.ExpiresAt);
        }
    }
}
