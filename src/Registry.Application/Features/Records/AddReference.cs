using FluentValidation;
using Registry.Application.Common.Validation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Application.Features.Applications;

namespace Registry.Application.Features.Records;

/// <summary>The applicant names a referee; the reference counts once the referee confirms it.</summary>
public static class AddReference
{
    [AllowedRoles(Roles.Applicant)]
    public sealed record Command : ICommand<RecordAdded>, IApplicationScoped
    {
        public Guid ApplicationId { get; init; }
        public string RefereeName { get; init; } = "";
        public string RefereeEmail { get; init; } = "";
        public string Relationship { get; init; } = "";
    }

    public const string OwnReferee = "A referee speaks for you, so enter their e-mail address, not one of yours.";

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IRegistryDbContext db, ICurrentUser user, IIdentityService identity)
        {
            RuleFor(c => c.RefereeName).NotEmpty().WithMessage("Enter the referee's name.").MaximumLength(200).ReadableText();
            RuleFor(c => c.RefereeEmail).NotEmpty().WithMessage("Enter the referee's e-mail address.").MaximumLength(256)
                .EmailAddress().WithMessage("Enter an e-mail address like name@example.org.")
                .NotTheApplicantsOwn(db, user, identity, OwnReferee);
            RuleFor(c => c.Relationship).NotEmpty().WithMessage("Say how the referee knows you.").MaximumLength(200).ReadableText();
        }
    }

    public sealed class Handler(IRegistryDbContext db) : IRequestHandler<Command, RecordAdded>
    {
        public async Task<RecordAdded> Handle(Command command, CancellationToken cancellationToken)
        {
            var application = await db.Applications.LoadAsync(command.ApplicationId, cancellationToken);
            var program = await db.Programs.AsNoTracking().SingleAsync(p => p.Id == application.ProgramId, cancellationToken);
            var reference = application.AddReference(program.Requirements.ReferencesRequired, command.RefereeName, command.RefereeEmail, command.Relationship);
            return new RecordAdded(reference.Id);
        }
    }
}
