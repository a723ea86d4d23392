using System.Text.Json.Serialization;
using FluentValidation;
using Registry.Application.Common.Validation;
using MediatR;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Time;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Application.Features.Applications;
using Registry.Domain.Applications;

namespace Registry.Application.Features.Records;

/// <summary>The applicant logs a supervision session; it counts once the supervisor confirms it.</summary>
public static class AddSupervisionLog
{
    [AllowedRoles(Roles.Applicant)]
    public sealed record Command : ICommand<RecordAdded>, IApplicationScoped
    {
        public Guid ApplicationId { get; init; }
        public DateOnly HeldOn { get; init; }
        public decimal Hours { get; init; }
        [JsonRequired] public SupervisionFormat Format { get; init; }
        public string Topics { get; init; } = "";
        public string SupervisorName { get; init; } = "";
        public string SupervisorCredential { get; init; } = "";
        public string SupervisorEmail { get; init; } = "";
    }

    public const string OwnSupervisor = "Your supervisor confirms your sessions, so enter their e-mail address, not one of yours.";

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IRegistryDbContext db, ICurrentUser user, IIdentityService identity)
        {
            RuleFor(c => c.HeldOn).NotEmpty().WithMessage("Enter the date of the session.");
            RuleFor(c => c.Hours).GreaterThan(0).WithMessage("Enter the hours; they must be more than zero.")
                .LessThanOrEqualTo(RecordShape.MaximumHours).WithMessage(RecordShape.TooManyHours);
            RuleFor(c => c.Format).IsInEnum().WithMessage("Choose individual or group supervision.");
            RuleFor(c => c.Topics).NotEmpty().WithMessage("Enter the topics discussed.").MaximumLength(2000);
            RuleFor(c => c.SupervisorName).NotEmpty().WithMessage("Enter your supervisor's name.").MaximumLength(200).ReadableText();
            RuleFor(c => c.SupervisorCredential).NotEmpty().WithMessage("Enter your supervisor's credential.").MaximumLength(100).ReadableText();
            RuleFor(c => c.SupervisorEmail).NotEmpty().WithMessage("Enter your supervisor's e-mail address.").MaximumLength(256)
                .EmailAddress().WithMessage("Enter an e-mail address like name@example.org.")
                .NotTheApplicantsOwn(db, user, identity, OwnSupervisor);
        }
    }

    public sealed class Handler(IRegistryDbContext db, IRegistryCalendar calendar) : IRequestHandler<Command, RecordAdded>
    {
        public async Task<RecordAdded> Handle(Command command, CancellationToken cancellationToken)
        {
            var application = await db.Applications.LoadAsync(command.ApplicationId, cancellationToken);
            var dates = await db.RecordDatesAsync(application, calendar, cancellationToken);
            var log = application.AddSupervisionLog(command.HeldOn, command.Hours, command.Format, command.Topics,
                command.SupervisorName, command.SupervisorCredential, command.SupervisorEmail, dates);
            return new RecordAdded(log.Id);
        }
    }
}
