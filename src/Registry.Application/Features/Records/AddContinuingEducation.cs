using System.Text.Json.Serialization;
using FluentValidation;
using Registry.Application.Common.Validation;
using FluentValidation.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Time;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Application.Features.Applications;
using Registry.Application.Features.Discipline;

namespace Registry.Application.Features.Records;

/// <summary>
/// The holder records continuing education on their renewal or reinstatement: completed inside the
/// current cycle, ethics or not, optionally with an uploaded certificate as evidence.
/// </summary>
public static class AddContinuingEducation
{
    [AllowedRoles(Roles.Applicant)]
    public sealed record Command : ICommand<RecordAdded>, IApplicationScoped
    {
        public Guid ApplicationId { get; init; }
        public string Course { get; init; } = "";
        public string Provider { get; init; } = "";
        public decimal Hours { get; init; }
        public DateOnly CompletedOn { get; init; }
        [JsonRequired] public bool IsEthics { get; init; }
        public Guid? EvidenceDocumentId { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Course).NotEmpty().WithMessage("Enter the course name.").MaximumLength(200).ReadableText();
            RuleFor(c => c.Provider).NotEmpty().WithMessage("Enter the education provider.").MaximumLength(200).ReadableText();
            RuleFor(c => c.Hours).GreaterThan(0).WithMessage("Enter the hours; they must be more than zero.")
                .LessThanOrEqualTo(RecordShape.MaximumHours).WithMessage(RecordShape.TooManyHours);
            RuleFor(c => c.CompletedOn).NotEmpty().WithMessage("Enter the completion date.");
        }
    }

    public sealed class Handler(IRegistryDbContext db, IRegistryCalendar calendar) : IRequestHandler<Command, RecordAdded>
    {
        public async Task<RecordAdded> Handle(Command command, CancellationToken cancellationToken)
        {
            var application = await db.Applications.LoadAsync(command.ApplicationId, cancellationToken);
            if (command.EvidenceDocumentId is { } documentId
                && !await db.Documents.AnyAsync(d => d.Id == documentId && d.OwnerPersonId == application.PersonId, cancellationToken))
                throw new ValidationException([new ValidationFailure(nameof(Command.EvidenceDocumentId), "That evidence file is not one you uploaded.")]);

            var record = application.AddContinuingEducation(command.Course, command.Provider, command.Hours, command.CompletedOn, command.IsEthics,
                command.EvidenceDocumentId, await calendar.TodayForProgramAsync(application.ProgramId, cancellationToken));
            return new RecordAdded(record.Id);
        }
    }
}
