using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Fees;

namespace Registry.Application.Features.Fees;

/// <summary>The signed-in person's fees, newest first: what each is for, its status and what is still owed.</summary>
public static class ListMyFees
{
    [AllowedRoles(Roles.Applicant)]
    public sealed record Query : IRequest<IReadOnlyList<Model>>;

    public sealed record Model(Guid Id, string StateCode, string ProgramName, Guid? ApplicationId, FeeKind Kind, FeeBasis Basis,
        decimal Amount, FeeStatus Status, decimal Balance, DateTimeOffset OwedAt);

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user) : IRequestHandler<Query, IReadOnlyList<Model>>
    {
        public async Task<IReadOnlyList<Model>> Handle(Query query, CancellationToken cancellationToken)
        {
            if (user.PersonId is not { } personId) return [];
            var fees = await db.Fees.AsNoTracking().Where(f => f.PersonId == personId)
                .Join(db.Programs, f => f.ProgramId, p => p.Id, (f, p) => new { Fee = f, Program = p.Name })
                .Select(x => new { x.Fee.Id, x.Fee.StateCode, x.Program, x.Fee.ApplicationId, x.Fee.Kind, x.Fee.Basis, x.Fee.Amount, x.Fee.Status, x.Fee.PaidAmount, x.Fee.OwedAt })
                .ToListAsync(cancellationToken);
            // Sorted here: SQLite cannot order by a DateTimeOffset column.
            return fees.OrderByDescending(f => f.OwedAt).ThenByDescending(f => f.Id)
                .Select(f => new Model(f.Id, f.StateCode.Value, f.Program, f.ApplicationId, f.Kind, f.Basis, f.Amount, f.Status,
                    f.Status == FeeStatus.Owed ? f.Amount - f.PaidAmount : 0m, f.OwedAt)).ToList();
        }
    }
}
