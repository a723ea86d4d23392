using FluentValidation;
using MediatR;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Domain.Applications;

namespace Registry.Application.Features.Applications;

/// <summary>The applicant withdraws an open application; nothing is deleted.</summary>
public static class WithdrawApplication
{
    [AllowedRoles(Roles.Applicant)]
    public sealed record Command(Guid ApplicationId, string? Reason) : ICommand<ApplicationStatus>, IApplicationScoped;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Reason).MaximumLength(2000);
    }

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<Command, ApplicationStatus>
    {
        public async Task<ApplicationStatus> Handle(Command command, CancellationToken cancellationToken)
        {
            var application = await db.Applications.LoadAsync(command.ApplicationId, cancellationToken);
            application.Withdraw(user.UserId!.Value, clock.GetUtcNow(), command.Reason);
            return application.Status;
        }
    }
}
