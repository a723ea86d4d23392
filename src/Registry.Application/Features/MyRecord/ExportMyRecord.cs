using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messages;
using Registry.Application.Common.Security;
using Registry.Application.Features.Applications;

namespace Registry.Application.Features.MyRecord;

/// <summary>Everything the registry holds about the signed-in person, for them to download.</summary>
public static class ExportMyRecord
{
    [AllowedRoles(Roles.Applicant)]
    public sealed record Query : IRequest<Model>, IAuditedRead
    {
        string IAuditedRead.AuditedType => "Person";
        string? IAuditedRead.AuditedId => null; // the sender's own
    }

    public sealed record Model(DateTimeOffset GeneratedAt, ProfileModel Profile, IReadOnlyList<ApplicationModel> Applications,
        IReadOnlyList<CredentialModel> Credentials, IReadOnlyList<ExamModel> ExamAttempts, IReadOnlyList<DocumentModel> Documents,
        IReadOnlyList<MessageModel> Messages, IReadOnlyList<DisciplineCaseModel> DisciplineCases);

    public sealed record ProfileModel(string LegalFirstName, string LegalLastName, string? PreferredName, string? Email, string? Phone,
        DateOnly? DateOfBirth, string? AddressLine1, string? AddressLine2, string? City, string? County, string? CountyCode, string? State, string? PostalCode);

    public sealed record ApplicationModel(Guid Id, string Program, string State, string Type, string Status, DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt,
        IReadOnlyList<HistoryModel> History, IReadOnlyList<TrainingModel> Training, IReadOnlyList<WorkModel> Work,
        IReadOnlyList<SupervisionModel> Supervision, IReadOnlyList<ReferenceModel> References, IReadOnlyList<AttestationModel> Attestations,
        IReadOnlyList<ContinuingEducationModel> ContinuingEducation);

    public sealed record HistoryModel(DateTimeOffset At, string? From, string To, string? Reason);
    public sealed record TrainingModel(string Course, string Provider, string Domain, decimal Hours, DateOnly CompletedOn, string Review);
    public sealed record WorkModel(string Kind, string Organisation, string? Role, DateOnly StartOn, DateOnly EndOn, decimal Hours, string Review);
    public sealed record SupervisionModel(DateOnly HeldOn, decimal Hours, string Format, string Topics, string Supervisor, string SupervisorCredential, string SupervisorEmail, DateTimeOffset? ConfirmedAt);
    public sealed record ContinuingEducationModel(string Course, string Provider, decimal Hours, DateOnly CompletedOn, bool IsEthics, string Review);
    public sealed record ReferenceModel(string Referee, string Email, string Relationship, DateTimeOffset? ConfirmedAt);
    public sealed record AttestationModel(string Title, int WordingVersion, string SignedText, bool? DisclosedYes, string? Statement, DateTimeOffset SignedAt);
    public sealed record CredentialModel(string Number, string Program, string Status, DateOnly IssuedOn, DateOnly ExpiresOn, IReadOnlyList<CredentialEventModel> History);
    public sealed record CredentialEventModel(DateOnly EffectiveOn, string Kind, string Status, string? Reason);
    public sealed record ExamModel(string Program, DateOnly TakenOn, int AttemptNumber, int Score, bool Passed);
    public sealed record DocumentModel(string FileName, string Type, long SizeBytes, DateTimeOffset UploadedAt);
    public sealed record MessageModel(DateTimeOffset CreatedAt, string Subject, DateTimeOffset? SentAt);

    /// <summary>A case about one of the person's credentials as they were told of it: the notice, their own response, the decision.</summary>
    public sealed record DisciplineCaseModel(string CredentialNumber, DateTimeOffset OpenedAt, string Notice, DateOnly ResponseDueOn,
        string? Response, DateTimeOffset? RespondedAt, string? Outcome, string? DecisionReasons, DateTimeOffset? DecidedAt, DateOnly? AppealUntil);

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock, MessageTemplates templates) : IRequestHandler<Query, Model>
    {
        public async Task<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            var personId = user.PersonId ?? throw new NotFoundException("Person", "you");
            var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, cancellationToken) ?? throw new NotFoundException("Person", personId);
            var programs = await db.Programs.AsNoTracking().Select(p => new { p.Id, p.Name, State = p.StateCode }).ToDictionaryAsync(p => p.Id, cancellationToken);
            var applications = await db.Applications.AsNoTracking().Where(a => a.PersonId == personId).Whole().ToListAsync(cancellationToken);
            var credentials = await db.Credentials.AsNoTracking().Where(c => c.HolderPersonId == personId).Include(c => c.History).ToListAsync(cancellationToken);
            var exams = await db.ExamAttempts.AsNoTracking().Where(e => e.PersonId == personId).ToListAsync(cancellationToken);
            var documents = await db.Documents.AsNoTracking().Where(d => d.OwnerPersonId == personId).ToListAsync(cancellationToken);
            var credentialIds = credentials.Select(c => c.Id).ToList();
            var cases = await db.DisciplineCases.AsNoTracking().Where(d => credentialIds.Contains(d.CredentialId)).ToListAsync(cancellationToken);
            var messages = (await db.Notifications.AsNoTracking().Where(n => n.PersonId == personId).ToListAsync(cancellationToken))
                .Select(n => new MessageModel(n.CreatedAt, templates.Render(n).Subject, n.SentAt)).ToList();

            var address = person.MailingAddress;
            var profile = new ProfileModel(person.LegalFirstName, person.LegalLastName, person.PreferredName, person.Email, person.Phone, person.DateOfBirth,
                address?.Line1, address?.Line2, address?.City, address?.County, address?.CountyCode?.Value, address?.State.Value, address?.PostalCode);

            return new Model(clock.GetUtcNow(), profile,
                applications.OrderBy(a => a.CreatedAt).Select(a => new ApplicationModel(a.Id, programs[a.ProgramId].Name, programs[a.ProgramId].State.Value,
                    a.Type.ToString(), a.Status.ToString(), a.CreatedAt, a.SubmittedAt,
                    a.History.OrderBy(h => h.At).Select(h => new HistoryModel(h.At, h.From?.ToString(), h.To.ToString(), h.Reason)).ToList(),
                    a.TrainingRecords.Select(t => new TrainingModel(t.Course, t.Provider, t.DomainCode, t.Hours, t.CompletedOn, t.Review.ToString())).ToList(),
                    a.WorkExperience.Select(w => new WorkModel(w.Kind.ToString(), w.Organisation, w.Role, w.StartOn, w.EndOn, w.Hours, w.Review.ToString())).ToList(),
                    a.SupervisionLogs.Select(s => new SupervisionModel(s.HeldOn, s.Hours, s.Format.ToString(), s.Topics, s.SupervisorName, s.SupervisorCredential, s.SupervisorEmail, s.ConfirmedAt)).ToList(),
                    a.References.Select(r => new ReferenceModel(r.RefereeName, r.RefereeEmail, r.Relationship, r.ConfirmedAt)).ToList(),
                    a.Attestations.Select(s => new AttestationModel(s.Title, s.WordingVersion, s.SignedText, s.DisclosedYes, s.Statement, s.SignedAt)).ToList(),
                    a.ContinuingEducation.OrderBy(e => e.CompletedOn)
                        .Select(e => new ContinuingEducationModel(e.Course, e.Provider, e.Hours, e.CompletedOn, e.IsEthics, e.Review.ToString())).ToList())).ToList(),
                credentials.Select(c => new CredentialModel(c.Number.Value, programs[c.ProgramId].Name, c.Status.ToString(), c.IssuedOn, c.ExpiresOn,
                    c.History.OrderBy(e => e.Sequence).Select(e => new CredentialEventModel(e.EffectiveOn, e.Kind.ToString(), e.ToStatus.ToString(), e.Reason)).ToList())).ToList(),
                exams.OrderBy(e => e.TakenOn).Select(e => new ExamModel(programs[e.ProgramId].Name, e.TakenOn, e.AttemptNumber, e.Score, e.Passed)).ToList(),
                documents.Select(d => new DocumentModel(d.FileName, d.Type.ToString(), d.SizeBytes, d.UploadedAt)).ToList(),
                messages.OrderBy(m => m.CreatedAt).ToList(),
                cases.OrderBy(d => d.OpenedAt).Select(d => new DisciplineCaseModel(credentials.Single(c => c.Id == d.CredentialId).Number.Value,
                    d.OpenedAt, d.Notice, d.ResponseDueOn, d.HolderResponse, d.RespondedAt, d.Outcome?.ToString(), d.DecisionNotes, d.DecidedAt, d.AppealUntil)).ToList());
        }
    }
}
