using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Credentials;

namespace Registry.Application.Features.Discipline;

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
