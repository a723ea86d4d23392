using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Applications;

namespace Registry.Application.Features.Records;

/// <summary>Every training, work, supervision, reference and continuing-education record on one application, with what the program asks.</summary>
public static class GetRecords
{
    [AllowedRoles(Roles.Applicant, Roles.Reviewer, Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Query(Guid ApplicationId) : IRequest<Model>, IApplicationScoped;

    public sealed record Model(Guid ApplicationId, string ProgramName, ApplicationStatus Status, bool IsEditable, int ReferencesRequired,
        IReadOnlyList<DomainModel> TrainingDomains, IReadOnlyList<TrainingModel> Training, IReadOnlyList<WorkModel> Work,
        IReadOnlyList<SupervisionModel> Supervision, IReadOnlyList<ReferenceModel> References)
    {
        public ApplicationType Type { get; init; }

        /// <summary>Renewals and reinstatements record continuing education only; other applications never do.</summary>
        public bool IsContinuing => Type is ApplicationType.Renewal or ApplicationType.Reinstatement;

        /// <summary>For a renewal or reinstatement: CE counts from this day to today.</summary>
        public DateOnly? CycleStartsOn { get; init; }

        public IReadOnlyList<ContinuingEducationModel> ContinuingEducation { get; init; } = [];
    }

    public sealed record ContinuingEducationModel(Guid Id, string Course, string Provider, decimal Hours, DateOnly CompletedOn, bool IsEthics,
        Guid? EvidenceDocumentId, string? EvidenceFileName, RecordReview Review, string? ReviewReason);

    public sealed record DomainModel(string Code, string Name);

    public sealed record TrainingModel(Guid Id, string Course, string Provider, string? DomainName, decimal Hours, DateOnly CompletedOn,
        Guid? EvidenceDocumentId, string? EvidenceFileName);

    public sealed record WorkModel(Guid Id, WorkKind Kind, string Organisation, string? Role, DateOnly StartOn, DateOnly EndOn, decimal Hours);

    public sealed record SupervisionModel(Guid Id, DateOnly HeldOn, decimal Hours, SupervisionFormat Format, string Topics,
        string SupervisorName, string SupervisorCredential, string SupervisorEmail, bool IsConfirmed);

    public sealed record ReferenceModel(Guid Id, string RefereeName, string RefereeEmail, string Relationship, bool IsConfirmed);

    public sealed class Handler(IRegistryDbContext db) : IRequestHandler<Query, Model>
    {
        public async Task<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            var application = await db.Applications.AsNoTracking()
                .Include(a => a.TrainingRecords).Include(a => a.WorkExperience).Include(a => a.SupervisionLogs).Include(a => a.References)
                .Include(a => a.ContinuingEducation)
                .SingleOrDefaultAsync(a => a.Id == query.ApplicationId, cancellationToken)
                ?? throw new NotFoundException("Application", query.ApplicationId);
            var program = await db.Programs.AsNoTracking().SingleAsync(p => p.Id == application.ProgramId, cancellationToken);
            var documentIds = application.TrainingRecords.Select(t => t.EvidenceDocumentId)
                .Concat(application.ContinuingEducation.Select(c => c.EvidenceDocumentId)).OfType<Guid>().ToList();
            var fileNames = await db.Documents.AsNoTracking().Where(d => documentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.FileName, cancellationToken);
            var domains = program.Requirements.TrainingDomains.ToDictionary(d => d.Code, d => d.Name);

            return new Model(application.Id, program.Name, application.Status, application.IsEditable, program.Requirements.ReferencesRequired,
                program.Requirements.TrainingDomains.Select(d => new DomainModel(d.Code, d.Name)).ToList(),
                application.TrainingRecords.OrderBy(t => t.CompletedOn).Select(t => new TrainingModel(t.Id, t.Course, t.Provider,
                    domains.GetValueOrDefault(t.DomainCode), t.Hours, t.CompletedOn, t.EvidenceDocumentId,
                    t.EvidenceDocumentId is { } id ? fileNames.GetValueOrDefault(id) : null)).ToList(),
                application.WorkExperience.OrderBy(w => w.StartOn).Select(w => new WorkModel(w.Id, w.Kind, w.Organisation, w.Role, w.StartOn, w.EndOn, w.Hours)).ToList(),
                application.SupervisionLogs.OrderBy(l => l.HeldOn).Select(l => new SupervisionModel(l.Id, l.HeldOn, l.Hours, l.Format, l.Topics,
                    l.SupervisorName, l.SupervisorCredential, l.SupervisorEmail, l.IsConfirmed)).ToList(),
                application.References.Select(r => new ReferenceModel(r.Id, r.RefereeName, r.RefereeEmail, r.Relationship, r.IsConfirmed)).ToList())
            {
                Type = application.Type,
                CycleStartsOn = application.CycleStartsOn,
                ContinuingEducation = application.ContinuingEducation.OrderBy(c => c.CompletedOn).Select(c => new ContinuingEducationModel(c.Id, c.Course, c.Provider,
                    c.Hours, c.CompletedOn, c.IsEthics, c.EvidenceDocumentId, c.EvidenceDocumentId is { } id ? fileNames.GetValueOrDefault(id) : null,
                    c.Review, c.ReviewReason)).ToList(),
            };
        }
    }
}
