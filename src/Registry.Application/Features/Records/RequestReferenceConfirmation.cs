using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Application.Features.Applications;
using Registry.Domain.Common;
using Registry.Domain.Confirmations;

namespace Registry.Application.Features.Records;

/// <summary>The applicant asks a referee to confirm their reference through an e-mailed link.</summary>
public static class RequestReferenceConfirmation
{
    [AllowedRoles(Roles.Applicant)]
    public sealed record Command(Guid ApplicationId, Guid ReferenceId) : ICommand<ConfirmationRequested>, IApplicationScoped;

    /// <summary>A reference named before own addresses were refused is not sent to the applicant either.</summary>
    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IRegistryDbContext db, ICurrentUser user, IIdentityService identity) =>
            RuleFor(c => c.ReferenceId).MustAsync(async (command, referenceId, cancellationToken) =>
                    !await ApplicantsOwnAddresses.IsOwnAsync(db, user, identity, await db.Applications.AsNoTracking()
                        .Where(a => a.Id == command.ApplicationId && a.PersonId == user.PersonId)
                        .SelectMany(a => a.References).Where(r => r.Id == referenceId).Select(r => r.RefereeEmail)
                        .SingleOrDefaultAsync(cancellationToken), cancellationToken))
                .WithMessage(AddReference.OwnReferee);
    }

    public sealed class Handler(IRegistryDbContext db, IConfirmationLinks links, TimeProvider clock) : IRequestHandler<Command, ConfirmationRequested>
    {
        public async Task<ConfirmationRequested> Handle(Command command, CancellationToken cancellationToken)
        {
            var application = await db.Applications.LoadAsync(command.ApplicationId, cancellationToken);
            if (!application.IsOpen) throw new DomainRuleException("This application is closed; nothing on it needs confirming.");
            var reference = application.References.SingleOrDefault(r => r.Id == command.ReferenceId)
                ?? throw new NotFoundException("Reference", command.ReferenceId);
            if (reference.IsConfirmed) throw new DomainRuleException($"{reference.RefereeName} has already confirmed this reference.");

            var request = new ConfirmationRequest(ConfirmationPurpose.Reference, application.Id, reference.RefereeEmail, [reference.Id], clock.GetUtcNow(), links.Lifetime);
            var link = links.UrlFor(links.TokenFor(request.Id));
            var applicantName = await db.ApplicantNameAsync(application.PersonId, cancellationToken);
            db.ConfirmationRequests.Add(request);
            db.Notifications.Add(ConfirmationLetters.Reference(request, applicantName, reference, link));
            return new ConfirmationRequested(request.Id, request.Email, 1, request.ExpiresAt);
        }
    }
}
