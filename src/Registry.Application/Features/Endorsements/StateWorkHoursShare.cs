using FluentValidation;
using MediatR;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Application.Features.Applications;

namespace Registry.Application.Features.Endorsements;

/// <summary>On an endorsement application, the applicant states the share (0 to 100 percent) of their work hours spent with the endorsement's population.</summary>
public static class StateWorkHoursShare
{
    [AllowedRoles(Roles.Applicant)]
    public sealed record Command(Guid ApplicationId, int Percent) : ICommand<Unit>, IApplicationScoped;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Percent).InclusiveBetween(0, 100).WithName("Share of work hours");
    }

    public sealed class Handler(IRegistryDbContext db) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var application = await db.Applications.LoadAsync(command.ApplicationId, cancellationToken);
            application.StateWorkHoursShare(command.Percent);
            return Unit.Value;
        }
    }
}
