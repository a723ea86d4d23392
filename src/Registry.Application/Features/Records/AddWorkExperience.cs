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

/// <summary>The applicant records a period of peer work, paid or volunteer.</summary>
public static class AddWorkExperience
{
    [AllowedRoles(Roles.Applicant)]
    public sealed record Command : ICommand<RecordAdded>, IApplicationScoped
    {
        public Guid ApplicationId { get; init; }
        [JsonRequired] public WorkKind Kind { get; init; }
        public string Organisation { get; init; } = "";
        public string? Role { get; init; }
        public DateOnly StartOn { get; init; }
        public DateOnly EndOn { get; init; }
        public decimal Hours { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Kind).IsInEnum().WithMessage("Choose paid or volunteer work.");
            RuleFor(c => c.Organisation).NotEmpty().WithMessage("Enter the organisation.").MaximumLength(200).ReadableText();
            RuleFor(c => c.Role).MaximumLength(200).ReadableText();
            RuleFor(c => c.StartOn).NotEmpty().WithMessage("Enter the start date.");
            RuleFor(c => c.EndOn).NotEmpty().WithMessage("Enter the end date.");
            RuleFor(c => c.Hours).GreaterThan(0).WithMessage("Enter the hours; they must be more than zero.")
                .LessThanOrEqualTo(RecordShape.MaximumHours).WithMessage(RecordShape.TooManyHours);
        }
    }

    public sealed class Handler(IRegistryDbContext db, IRegistryCalendar calendar) : IRequestHandler<Command, RecordAdded>
    {
        public async Task<RecordAdded> Handle(Command command, CancellationToken cancellationToken)
        {
            var application = await db.Applications.LoadAsync(command.ApplicationId, cancellationToken);
            var dates = await db.RecordDatesAsync(application, calendar, cancellationToken);
            var record = application.AddWorkExperience(command.Kind, command.Organisation, command.Role, command.StartOn, command.EndOn, command.Hours, dates);
            return new RecordAdded(record.Id);
        }
    }
}
