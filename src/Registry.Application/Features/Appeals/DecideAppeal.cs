using FluentValidation;
using MediatR;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Application.Features.Applications;
using Registry.Domain.Applications;

namespace Registry.Application.Features.Appeals;

/// <summary>State staff decide an open appeal: the denial is upheld, or overturned and the application is under review again; with a reason the applicant reads.</summary>
public static class DecideAppeal
{
    [AllowedRoles(Roles.Reviewer, Roles.StateAdmin)]
    public sealed record Command(Guid ApplicationId, AppealStatus Outcome, string? Reason) : ICommand<ApplicationStatus>, IApplicationScoped;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Outcome).Must(o => o is AppealStatus.Upheld or AppealStatus.Overturned)
                .WithMessage("Choose whether the denial stands (upheld) or is overturned.");
            RuleFor(c => c.Reason).NotEmpty().WithMessage("Give the reason for the decision; the applicant will read it.").MaximumLength(4000);
        }
    }

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<Command, ApplicationStatus>
    {
        public async Task<ApplicationStatus> Handle(Command command, CancellationToken cancellationToken)
        {
            var application = await db.Applications.LoadWithAppealsAsync(command.ApplicationId, cancellationToken);
            if (command.Outcome == AppealStatus.Overturned) application.OverturnDenial(user.UserId!.Value, clock.GetUtcNow(), command.Reason!);
            else application.UpholdDenial(user.UserId!.Value, clock.GetUtcNow(), command.Reason!);
            return application.Status;
        }
    }
}
