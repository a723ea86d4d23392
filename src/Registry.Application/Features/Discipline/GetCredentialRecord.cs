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

/// <summary>Staff find a credential of their state by number or by the holder's last name.</summary>
public static class FindCredentials
{
    [AllowedRoles(Roles.Reviewer, Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Query(string StateCode, string? Search) : IRequest<IReadOnlyList<Row>>, IStateScoped;

    public sealed record Row(Guid Id, string Number, string HolderName, CredentialStatus Status, DateOnly ExpiresOn);

    public sealed class Handler(IRegistryDbContext db) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            var state = Domain.Jurisdictions.StateCode.Parse(query.StateCode);
            var search = query.Search?.Trim() ?? "";
            var credentials = db.Credentials.AsNoTracking().Where(c => c.StateCode == state)
                .Join(db.People, c => c.HolderPersonId, p => p.Id, (c, p) => new { c.Id, c.Number, p.LegalFirstName, p.LegalLastName, c.Status, c.ExpiresOn });
            if (CredentialNumber.TryParse(search, out var number))
                credentials = credentials.Where(c => c.Number == number);
            else if (search.Length > 0)
                credentials = credentials.Where(c => c.LegalLastName.StartsWith(search));
            var rows = await credentials.OrderBy(c => c.LegalLastName).ThenBy(c => c.LegalFirstName).Take(100).ToListAsync(cancellationToken);
            return rows.Select(c => new Row(c.Id, c.Number.Value, $"{c.LegalFirstName} {c.LegalLastName}", c.Status, c.ExpiresOn)).ToList();
        }
    }
}

/// <summary>The signed-in holder's credentials.</summary>
public static class ListMyCredentials
{
    [AllowedRoles(Roles.Applicant)]
    public sealed record Query : IRequest<IReadOnlyList<Row>>;

    public sealed record Row(Guid Id, string Number, string ProgramName, CredentialStatus Status, DateOnly ExpiresOn, bool HasOpenCase);

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            var rows = await db.Credentials.AsNoTracking().Where(c => c.HolderPersonId == user.PersonId)
                .Join(db.Programs, c => c.ProgramId, p => p.Id, (c, p) => new
                {
                    c.Id, c.Number, ProgramName = p.Name, c.Status, c.ExpiresOn,
                    HasOpenCase = db.DisciplineCases.Any(d => d.CredentialId == c.Id && d.Outcome == null),
                })
                .ToListAsync(cancellationToken);
            return rows.Select(c => new Row(c.Id, c.Number.Value, c.ProgramName, c.Status, c.ExpiresOn, c.HasOpenCase)).ToList();
        }
    }
}
