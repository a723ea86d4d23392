using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Domain.Applications;
using Registry.Domain.Fees;

namespace Registry.Application.Features.Applications;

/// <summary>The applicant withdraws an open application; nothing is deleted, and a fee not yet paid is cancelled.</summary>
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
            var now = clock.GetUtcNow();
            application.Withdraw(user.UserId!.Value, now, command.Reason);
            // Nothing is owed for a withdrawn application; money already paid towards it stays for staff to refund.
            var owed = await db.Fees.Where(f => f.ApplicationId == application.Id && f.Status == FeeStatus.Owed && f.PaidAmount == 0).ToListAsync(cancellationToken);
            foreach (var fee in owed) fee.Cancel("The application was withdrawn before the fee was paid.", now);
            return application.Status;
        }
    }
}
