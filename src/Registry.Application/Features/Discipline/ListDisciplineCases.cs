using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Paging;
using Registry.Application.Common.Security;
using Registry.Domain.Credentials;

namespace Registry.Application.Features.Discipline;

/// <summary>
/// A state's discipline cases for its staff: open ones first, then decided ones, each newest opened first; or
/// only open (or only decided) ones. A row says where a case stands; the notice, the holder's response and the
/// decision notes stay on the credential's record.
/// </summary>
public static class ListDisciplineCases
{
    [AllowedRoles(Roles.Reviewer, Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Query : IRequest<CursorPage<Row>>, IStateScoped
    {
        public string StateCode { get; init; } = "";

        /// <summary>True for open cases only, false for decided ones only, null for both.</summary>
        public bool? Open { get; init; }

        public string? Cursor { get; init; }
        public int Limit { get; init; } = Common.Paging.Cursor.DefaultLimit;
    }

    public enum CaseStatus
    {
        AwaitingResponse,
        ResponseReceived,
        Decided,
    }

    public sealed record Row(Guid CaseId, Guid CredentialId, string CredentialNumber, string HolderName, DateTimeOffset OpenedAt,
        DateOnly ResponseDueOn, CaseStatus Status, DisciplineOutcome? Outcome);

    /// <summary>Where a page ended: whether the last case was decided, when it was opened, and its id.</summary>
    public sealed record Key(bool Decided, DateTimeOffset OpenedAt, Guid Id);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).WithinPageLimit().OverridePropertyName("limit");
    }

    public sealed class Handler(IRegistryDbContext db) : IRequestHandler<Query, CursorPage<Row>>
    {
        public async Task<CursorPage<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            var after = Cursor.Decode<Key>(query.Cursor);
            var state = Domain.Jurisdictions.StateCode.Parse(query.StateCode);
            var cases = db.DisciplineCases.AsNoTracking()
                .Join(db.Credentials.Where(c => c.StateCode == state), d => d.CredentialId, c => c.Id, (d, c) => new { Case = d, c.Number, c.HolderPersonId })
                .Join(db.People, x => x.HolderPersonId, p => p.Id, (x, p) => new
                {
                    x.Case.Id, x.Case.CredentialId, x.Number, p.LegalFirstName, p.LegalLastName, x.Case.OpenedAt, x.Case.ResponseDueOn,
                    Responded = x.Case.RespondedAt != null, Decided = x.Case.DecidedAt != null, x.Case.Outcome,
                });
            if (query.Open is { } open) cases = cases.Where(x => x.Decided != open);

            // Open cases come before decided ones, so past a decided case only decided ones follow.
            if (after is { Decided: true })
                cases = cases.Where(x => x.Decided && (x.OpenedAt < after.OpenedAt || (x.OpenedAt == after.OpenedAt && x.Id.CompareTo(after.Id) < 0)));
            else if (after is not null)
                cases = cases.Where(x => x.Decided || x.OpenedAt < after.OpenedAt || (x.OpenedAt == after.OpenedAt && x.Id.CompareTo(after.Id) < 0));

            var rows = await cases
                .OrderBy(x => x.Decided).ThenByDescending(x => x.OpenedAt).ThenByDescending(x => x.Id)
                .Take(query.Limit + 1)
                .ToListAsync(cancellationToken);
            return Cursor.Page(rows, query.Limit, x => new Key(x.Decided, x.OpenedAt, x.Id), x => new Row(x.Id, x.CredentialId, x.Number.Value,
                $"{x.LegalFirstName} {x.LegalLastName}", x.OpenedAt, x.ResponseDueOn,
                x.Decided ? CaseStatus.Decided : x.Responded ? CaseStatus.ResponseReceived : CaseStatus.AwaitingResponse, x.Outcome));
        }
    }
}
