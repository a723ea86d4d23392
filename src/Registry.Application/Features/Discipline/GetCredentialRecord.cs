using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Credentials;

namespace Registry.Application.Features.Discipline;

/// <summary>One credential with its history, endorsements and discipline cases, for its holder or their state's staff.</summary>
public static class GetCredentialRecord
{
    [AllowedRoles(Roles.Applicant, Roles.Reviewer, Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Query(Guid CredentialId) : IRequest<Model>, ICredentialScoped;

    public sealed record Model(Guid Id, string Number, string HolderName, string ProgramName, CredentialStatus Status, DateOnly IssuedOn, DateOnly ExpiresOn,
        IReadOnlyList<EventModel> History, IReadOnlyList<CaseModel> Cases)
    {
        /// <summary>The specialty endorsements the credential carries or carried, with their dates and (for the holder and staff) why one was withdrawn.</summary>
        public IReadOnlyList<EndorsementModel> Endorsements { get; init; } = [];
    }

    public sealed record EventModel(DateOnly EffectiveOn, CredentialEventKind Kind, CredentialStatus Status, bool IsPublic, string? Reason)
    {
        /// <summary>For an endorsement granted or withdrawn: its code.</summary>
        public string? EndorsementCode { get; init; }
    }

    public sealed record EndorsementModel(string Code, string Name, EndorsementStatus Status, DateOnly GrantedOn, DateOnly? WithdrawnOn, string? WithdrawalReason);

    public sealed record CaseModel(Guid Id, DateTimeOffset OpenedAt, string Notice, DateOnly ResponseDueOn, string? Response, DisciplineOutcome? Outcome,
        string? DecisionNotes, DateOnly? AppealUntil);

    public sealed class Handler(IRegistryDbContext db) : IRequestHandler<Query, Model>
    {
        public async Task<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            var credential = await db.Credentials.AsNoTracking().Include(c => c.History).Include(c => c.Endorsements).SingleOrDefaultAsync(c => c.Id == query.CredentialId, cancellationToken)
                ?? throw new NotFoundException("Credential", query.CredentialId);
            var holder = await db.People.Where(p => p.Id == credential.HolderPersonId).Select(p => p.LegalFirstName + " " + p.LegalLastName).SingleAsync(cancellationToken);
            var program = await db.Programs.AsNoTracking().SingleAsync(p => p.Id == credential.ProgramId, cancellationToken);
            var cases = await db.DisciplineCases.AsNoTracking().Where(c => c.CredentialId == credential.Id)
                .OrderByDescending(c => c.OpenedAt)
                .Select(c => new CaseModel(c.Id, c.OpenedAt, c.Notice, c.ResponseDueOn, c.HolderResponse, c.Outcome, c.DecisionNotes, c.AppealUntil))
                .ToListAsync(cancellationToken);
            return new Model(credential.Id, credential.Number.Value, holder, program.Name, credential.Status, credential.IssuedOn, credential.ExpiresOn,
                credential.History.OrderBy(e => e.Sequence)
                    .Select(e => new EventModel(e.EffectiveOn, e.Kind, e.ToStatus, e.IsPublicAction, e.Reason) { EndorsementCode = e.EndorsementCode }).ToList(),
                cases)
            {
                Endorsements = credential.Endorsements.OrderBy(e => e.Code, StringComparer.Ordinal).ThenBy(e => e.GrantedOn)
                    .Select(e => new EndorsementModel(e.Code, program.Requirements.Endorsement(e.Code)?.Name ?? e.Code, e.StatusWith(credential.Status), e.GrantedOn,
                        e.WithdrawnOn, e.WithdrawalReason))
                    .ToList(),
            };
        }
    }
}
