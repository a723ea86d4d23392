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
/// The holder of a confirmation link confirms what it names: a supervisor their sessions, a referee their
/// reference, each with an optional statement that only the applicant's state staff read. The link works once. No one is signed in, so the audit log's actor is empty.
/// </summary>
public static class ConfirmRecords
{
    [PublicRequest]
    public sealed record Command : ICommand<Confirmed>
    {
        public string Token { get; init; } = "";

        /// <summary>The referee's or supervisor's own words, kept with the reference or with each confirmed session.</summary>
        public string? Statement { get; init; }
    }

    public sealed record Confirmed(ConfirmationPurpose Purpose, int Records);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Token).NotEmpty().MaximumLength(2000).WithMessage(ConfirmationLetters.NotValid);
            RuleFor(c => c.Statement).MaximumLength(4000);
        }
    }

    public sealed class Handler(IRegistryDbContext db, IConfirmationLinks links, TimeProvider clock) : IRequestHandler<Command, Confirmed>
    {
        public async Task<Confirmed> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var request = await db.RequestForAsync(links, command.Token, now, track: true, cancellationToken);
            request.Use(now);
            var application = await db.Applications.LoadAsync(request.ApplicationId, cancellationToken);

            if (request.Purpose == ConfirmationPurpose.Reference)
            {
                application.ConfirmReference(request.SubjectIds.Single(), request.Email, command.Statement, now);
                return new Confirmed(request.Purpose, 1);
            }

            var confirmed = application.ConfirmSupervision(request.Email, request.SubjectIds, now, command.Statement);
            if (confirmed == 0) throw new DomainRuleException("The sessions in this link are no longer on the application; nothing is needed.");
            return new Confirmed(request.Purpose, confirmed);
        }
    }
}
