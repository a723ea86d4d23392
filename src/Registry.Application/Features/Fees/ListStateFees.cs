using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Paging;
using Registry.Application.Common.Security;
using Registry.Domain.Fees;

namespace Registry.Application.Features.Fees;

/// <summary>A state's fees for its staff, newest owed first, optionally of one status or one program, a page at a time.</summary>
public static class ListStateFees
{
    [AllowedRoles(Roles.Reviewer, Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Query : IRequest<CursorPage<Row>>, IStateScoped
    {
        public string StateCode { get; init; } = "";
        public FeeStatus? Status { get; init; }
        public Guid? ProgramId { get; init; }
        public string? Cursor { get; init; }
        public int Limit { get; init; } = Common.Paging.Cursor.DefaultLimit;
    }

    public sealed record Row(Guid Id, string PersonName, string Program, FeeKind Kind, decimal Amount, decimal Balance, FeeStatus Status,
        DateTimeOffset OwedAt, Guid? ApplicationId);

    /// <summary>Where a page ended: when the last fee became owed, and its id.</summary>
    public sealed record Key(DateTimeOffset OwedAt, Guid Id);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Status).IsInEnum();
            RuleFor(q => q.Limit).WithinPageLimit().OverridePropertyName("limit");
        }
    }

    public sealed class Handler(IRegistryDbContext db) : IRequestHandler<Query, CursorPage<Row>>
    {
        public async Task<CursorPage<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            var after = Cursor.Decode<Key>(query.Cursor);
            var state = Domain.Jurisdictions.StateCode.Parse(query.StateCode);
            var fees = db.Fees.AsNoTracking().Where(f => f.StateCode == state);
            if (query.Status is { } status) fees = fees.Where(f => f.Status == status);
            if (query.ProgramId is { } programId) fees = fees.Where(f => f.ProgramId == programId);
            if (after is not null) fees = fees.Where(f => f.OwedAt < after.OwedAt || (f.OwedAt == after.OwedAt && f.Id.CompareTo(after.Id) < 0));

            var rows = await fees
                .Join(db.People, f => f.PersonId, p => p.Id, (f, p) => new { Fee = f, p.LegalFirstName, p.LegalLastName })
                .Join(db.Programs, x => x.Fee.ProgramId, g => g.Id, (x, g) => new
                {
                    x.Fee.Id, x.LegalFirstName, x.LegalLastName, g.Code, x.Fee.Kind, x.Fee.Amount, x.Fee.PaidAmount, x.Fee.Status, x.Fee.OwedAt, x.Fee.ApplicationId,
                })
                .OrderByDescending(x => x.OwedAt).ThenByDescending(x => x.Id)
                .Take(query.Limit + 1)
                .ToListAsync(cancellationToken);
            return Cursor.Page(rows, query.Limit, x => new Key(x.OwedAt, x.Id), x => new Row(x.Id, $"{x.LegalFirstName} {x.LegalLastName}", x.Code, x.Kind,
                x.Amount, x.Status == FeeStatus.Owed ? x.Amount - x.PaidAmount : 0m, x.Status, x.OwedAt, x.ApplicationId));
        }
    }
}
