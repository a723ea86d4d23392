using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Jurisdictions;
using Registry.Application.Common.Security;
using Registry.Application.Features.Applications;
using Registry.Domain.Applications;

namespace Registry.Application.Features.Review;

/// <summary>
/// One application as its state's staff review it: the applicant's checklist, exam and history exactly as
/// the applicant sees them (from <see cref="GetApplicationOverview"/>), plus every record with its review
/// state, the evidence documents, the signed statements, the supervisors' statements and any waiver. Private data
/// (the applicant's date of birth and address, to check who they are) is shown to same-state staff only, not to a system administrator.
/// </summary>
public static class GetApplicationForReview
{
    [AllowedRoles(Roles.Reviewer, Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Query(Guid ApplicationId) : IRequest<Model>, IApplicationScoped;

    public sealed record Model(GetApplicationOverview.Model Overview, string ApplicantName, string? ApplicantEmail, DateTimeOffset? SubmittedAt,
        IReadOnlyList<TrainingModel> Training, IReadOnlyList<WorkModel> Work, IReadOnlyList<SupervisionModel> Supervision,
        IReadOnlyList<ReferenceModel> References, IReadOnlyList<StatementModel> Statements, string? WaiverReason, string? DecisionReason)
    {
        /// <summary>Continuing education on a renewal or reinstatement, each entry with its review.</summary>
        public IReadOnlyList<ContinuingEducationModel> ContinuingEducation { get; init; } = [];

        /// <summary>Entries staff have not yet verified or rejected: approval waits for them.</summary>
        public PendingEntries Pending { get; init; }

        public Guid PersonId { get; init; }
        public Guid ProgramId { get; init; }

        /// <summary>The program's passing score when it has an exam, for the form that records a result.</summary>
        public int? ExamPassingScore { get; init; }

        /// <summary>The applicant's date of birth and address, for their own state's staff to check who they are; null for anyone else.</summary>
        public IdentityModel? Identity { get; init; }
    }

    public sealed record IdentityModel(DateOnly? DateOfBirth, string? Address);

    public sealed record ContinuingEducationModel(Guid Id, string Course, string Provider, decimal Hours, DateOnly CompletedOn, bool IsEthics,
        Guid? EvidenceDocumentId, string? EvidenceFileName, RecordReview Review, string? ReviewReason);

    public sealed record TrainingModel(Guid Id, string Course, string Provider, string DomainCode, string? DomainName, decimal Hours, DateOnly CompletedOn,
        Guid? EvidenceDocumentId, string? EvidenceFileName, RecordReview Review, string? ReviewReason);

    public sealed record WorkModel(Guid Id, WorkKind Kind, string Organisation, string? Role, DateOnly StartOn, DateOnly EndOn, decimal Hours,
        RecordReview Review, string? ReviewReason);

    public sealed record SupervisionModel(Guid Id, DateOnly HeldOn, decimal Hours, SupervisionFormat Format, string Topics,
        string SupervisorName, string SupervisorCredential, bool IsConfirmed, string? SupervisorStatement);

    public sealed record ReferenceModel(Guid Id, string RefereeName, string RefereeEmail, string Relationship, bool IsConfirmed, string? Statement);

    public sealed record StatementModel(string Title, bool? DisclosedYes, string? Statement);

    public sealed class Handler(IRegistryDbContext db, IMediator sender, ICurrentUser user) : IRequestHandler<Query, Model>
    {
        public async Task<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            var overview = await sender.Send(new GetApplicationOverview.Query(query.ApplicationId), cancellationToken);
            var application = await db.Applications.AsNoTracking().Whole()
                .SingleOrDefaultAsync(a => a.Id == query.ApplicationId, cancellationToken)
                ?? throw new NotFoundException("Application", query.ApplicationId);
            var person = await db.People.AsNoTracking().Where(p => p.Id == application.PersonId)
                .Select(p => new { p.LegalFirstName, p.LegalLastName, p.Email, p.DateOfBirth, p.MailingAddress }).SingleAsync(cancellationToken);
            var requirements = await db.Programs.AsNoTracking().Where(p => p.Id == application.ProgramId).Select(p => p.Requirements).SingleAsync(cancellationToken);
            // The record-access check has kept other states' staff out; a system administrator is not the applicant's state staff.
            var identity = Roles.StateStaff.Any(user.IsInRole)
                ? new IdentityModel(person.DateOfBirth, person.MailingAddress is { } a
                    ? string.Join(", ", new[] { a.Line1, a.Line2, a.City, a.CountyCode is { } county ? Counties.Name(county) : $"{a.County} County", $"{a.State} {a.PostalCode}" }.Where(l => !string.IsNullOrWhiteSpace(l)))
                    : null)
                : null;
            var documentIds = application.TrainingRecords.Select(t => t.EvidenceDocumentId)
                .Concat(application.ContinuingEducation.Select(c => c.EvidenceDocumentId)).OfType<Guid>().ToList();
            var fileNames = await db.Documents.AsNoTracking().Where(d => documentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.FileName, cancellationToken);

            return new Model(overview, $"{person.LegalFirstName} {person.LegalLastName}", person.Email, application.SubmittedAt,
                application.TrainingRecords.OrderBy(t => t.CompletedOn).Select(t => new TrainingModel(t.Id, t.Course, t.Provider, t.DomainCode,
                    requirements.TrainingDomains.FirstOrDefault(d => d.Code == t.DomainCode)?.Name, t.Hours,
                    t.CompletedOn, t.EvidenceDocumentId, t.EvidenceDocumentId is { } id ? fileNames.GetValueOrDefault(id) : null, t.Review, t.ReviewReason)).ToList(),
                application.WorkExperience.OrderBy(w => w.StartOn).Select(w => new WorkModel(w.Id, w.Kind, w.Organisation, w.Role, w.StartOn, w.EndOn,
                    w.Hours, w.Review, w.ReviewReason)).ToList(),
                application.SupervisionLogs.OrderBy(l => l.HeldOn).Select(l => new SupervisionModel(l.Id, l.HeldOn, l.Hours, l.Format, l.Topics,
                    l.SupervisorName, l.SupervisorCredential, l.IsConfirmed, l.SupervisorStatement)).ToList(),
                application.References.Select(r => new ReferenceModel(r.Id, r.RefereeName, r.RefereeEmail, r.Relationship, r.IsConfirmed, r.Statement)).ToList(),
                application.Attestations.Where(a => a.Statement is not null || a.DisclosedYes is not null)
                    .Select(a => new StatementModel(a.Title, a.DisclosedYes, a.Statement)).ToList(),
                application.WaiverReason, application.DecisionReason)
            {
                ContinuingEducation = application.ContinuingEducation.OrderBy(c => c.CompletedOn).Select(c => new ContinuingEducationModel(c.Id, c.Course, c.Provider,
                    c.Hours, c.CompletedOn, c.IsEthics, c.EvidenceDocumentId, c.EvidenceDocumentId is { } id ? fileNames.GetValueOrDefault(id) : null,
                    c.Review, c.ReviewReason)).ToList(),
                Pending = application.PendingEntries,
                PersonId = application.PersonId,
                ProgramId = application.ProgramId,
                ExamPassingScore = requirements.Exam?.PassingScore,
                Identity = identity,
            };
        }
    }
}
