using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Credentials;

namespace Registry.Application.Features.Discipline;

/// <summary>One credential with its history and discipline cases, for its holder or their state's staff.</summary>
public static class GetCredentialRecord
{
    [AllowedRoles(Roles.Applicant, Roles.Reviewer, Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Query(Guid CredentialId) : IRequest<Model>, ICredentialScoped;

    public sealed record Model(Guid Id, string Number, string HolderName, string ProgramName, CredentialStatus Status, DateOnly IssuedOn, DateOnly ExpiresOn,
        IReadOnlyList<EventModel> History, IReadOnlyList<CaseModel> Cases);

    public sealed record EventModel(DateOnly EffectiveOn, CredentialEventKind Kind, CredentialStatus Status, bool IsPublic, string? Reason);

    public sealed record CaseModel(Guid Id, DateTimeOffset OpenedAt, string Notice, DateOnly ResponseDueOn, string? Response, DisciplineOutcome? Outcome,
        string? DecisionNotes, DateOnly? AppealUntil);

    public sealed class Handler(IRegistryDbContext db) : IRequestHandler<Query, Model>
    {
        public async Task<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            var credential = await db.Credentials.AsNoTracking().Include(c => c.History).SingleOrDefaultAsync(c => c.Id == query.CredentialId, cancellationToken)
                ?? throw new NotFoundException("Credential", query.CredentialId);
            var holder = await db.People.Where(p => p.Id == credential.HolderPersonId).Select(p => p.LegalFirstName + " " + p.LegalLastName).SingleAsync(cancellationToken);
            var program = await db.Programs.Where(p => p.Id == credential.ProgramId).Select(p => p.Name).SingleAsync(cancellationToken);
            var cases = await db.DisciplineCases.AsNoTracking().Where(c => c.CredentialId == credential.Id)
                .OrderByDescending(c => c.OpenedAt)
                .Select(c => new CaseModel(c.Id, c.OpenedAt, c.Notice, c.ResponseDueOn, c.HolderResponse, c.Outcome, c.DecisionNotes, c.AppealUntil))
                .ToListAsync(cancellationToken);
            return new Model(credential.Id, credential.Number.Value, holder, program, credential.Status, credential.IssuedOn, credential.ExpiresOn,
                credential.History.OrderBy(e => e.Sequence).Select(e => new EventModel(e.EffectiveOn, e.Kind, e.ToStatus, e.IsPublicAction, e.Reason)).ToList(),
                cases);
        }
    }
}
