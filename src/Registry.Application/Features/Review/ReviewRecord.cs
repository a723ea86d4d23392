using FluentValidation;
using MediatR;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Application.Features.Applications;
using Registry.Domain.Applications;

namespace Registry.Application.Features.Review;

/// <summary>A reviewer verifies or rejects one training, work or continuing-education entry; a rejection says why, for the applicant.</summary>
public static class ReviewRecord
{
    [AllowedRoles(Roles.Reviewer, Roles.StateAdmin)]
    public sealed record Command(Guid ApplicationId, Guid RecordId, bool Verified, string? Reason) : ICommand<RecordReview>, IApplicationScoped;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reason).NotEmpty().When(c => !c.Verified).WithMessage("Say why the entry is rejected; the applicant will read it.");
            RuleFor(c => c.Reason).MaximumLength(2000);
        }
    }

    public sealed class Handler(IRegistryDbContext db) : IRequestHandler<Command, RecordReview>
    {
        public async Task<RecordReview> Handle(Command command, CancellationToken cancellationToken)
        {
            var application = await db.Applications.LoadAsync(command.ApplicationId, cancellationToken);
            application.ReviewRecord(command.RecordId, command.Verified, command.Reason);
            return command.Verified ? RecordReview.Verified : RecordReview.Rejected;
        }
    }
}
