using FluentValidation;
using MediatR;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Application.Features.Applications;
using Registry.Domain.Applications;

namespace Registry.Application.Features.Review;

/// <summary>A reviewer asks the applicant for more; the message reaches them with the status change.</summary>
public static class RequestInformation
{
    [AllowedRoles(Roles.Reviewer, Roles.StateAdmin)]
    public sealed record Command(Guid ApplicationId, string? Message) : ICommand<ApplicationStatus>, IApplicationScoped;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Message).NotEmpty().WithMessage("Write the message to the applicant.").MaximumLength(4000);
    }

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<Command, ApplicationStatus>
    {
        public async Task<ApplicationStatus> Handle(Command command, CancellationToken cancellationToken)
        {
            var application = await db.Applications.LoadAsync(command.ApplicationId, cancellationToken);
            application.RequestInformation(user.UserId!.Value, clock.GetUtcNow(), command.Message!);
            return application.Status;
        }
    }
}
