using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Application.Common.Time;
using Registry.Application.Common.Validation;
using Registry.Application.Features.Claims;
using Registry.Application.Features.Discipline;
using Registry.Domain.Common;
using Registry.Domain.Credentials;

namespace Registry.Application.Features.Renewals;

/// <summary>
/// Staff record a renewal received on paper for a holder without an account (an unclaimed record), with its reference;
/// the program's renewal rules apply as online. A holder with an account renews online instead.
/// </summary>
public static class RecordPaperRenewal
{
    [AllowedRoles(Roles.Reviewer, Roles.StateAdmin)]
    public sealed record Command : ICommand<Renewed>, ICredentialScoped
    {
        public Guid CredentialId { get; init; }

        /// <summary>Where the paper renewal is kept, or why it was accepted: recorded in the credential's history.</summary>
        public string Reference { get; init; } = "";
    }

    public sealed record Renewed(CredentialStatus Status, DateOnly ExpiresOn);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Reference).NotEmpty().WithMessage("Enter the paper renewal's reference, such as the form's number or date received.")
                .MaximumLength(500).WithMessage("The reference can be up to 500 characters.").ReadableText();
    }

    public sealed class Handler(IRegistryDbContext db, IIdentityService identity, ICurrentUser user, TimeProvider clock, IRegistryCalendar calendar)
        : IRequestHandler<Command, Renewed>
    {
        public async Task<Renewed> Handle(Command command, CancellationToken cancellationToken)
        {
            var credential = await db.LoadCredentialAsync(command.CredentialId, cancellationToken);
            if (await UnclaimedRecords.HasAccountAsync(identity, credential.HolderPersonId, cancellationToken))
                throw new DomainRuleException("The holder has an account: they renew online, and staff review the renewal in the queue.");
            var rules = await db.Programs.AsNoTracking().Where(p => p.Id == credential.ProgramId).Select(p => p.Requirements).SingleAsync(cancellationToken);
            var today = await calendar.TodayAsync(credential.StateCode, cancellationToken);
            credential.EnsureRenewable(rules, today);
            credential.Renew(rules.RenewalCycleMonths, today, user.UserId!.Value, clock.GetUtcNow(), $"Renewal received on paper: {command.Reference.Trim()}");
            return new Renewed(credential.Status, credential.ExpiresOn);
        }
    }
}
