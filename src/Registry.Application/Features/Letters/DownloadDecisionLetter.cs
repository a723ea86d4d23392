using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Behaviours;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Documents;

namespace Registry.Application.Features.Letters;

/// <summary>
/// A decision letter as it was sent, for the person it is addressed to, for staff of the state whose board wrote it,
/// or for a system administrator; anyone else is told it does not exist. Each download is audited.
/// </summary>
public static class DownloadDecisionLetter
{
    [AllowedRoles(Roles.Applicant, Roles.Reviewer, Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Query(Guid LetterId) : IRequest<Model>, IAuditedRead
    {
        string IAuditedRead.AuditedType => nameof(DecisionLetter);
        string? IAuditedRead.AuditedId => LetterId.ToString();
    }

    public sealed record Model(string FileName, byte[] Pdf);

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, RequestScope scope) : IRequestHandler<Query, Model>
    {
        public async Task<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            var letter = await db.DecisionLetters.AsNoTracking().Where(l => l.Id == query.LetterId)
                .Select(l => new { l.PersonId, l.StateCode, l.FileName, l.Pdf }).SingleOrDefaultAsync(cancellationToken);
            var isPerson = letter is not null && user.IsInRole(Roles.Applicant) && user.PersonId == letter.PersonId;
            var isStaff = letter is not null && (user.IsInRole(Roles.SystemAdmin) || (Roles.StateStaff.Any(user.IsInRole) && user.StateCode == letter.StateCode));
            if (letter is null || !(isPerson || isStaff)) throw new NotFoundException("Letter", query.LetterId);
            scope.StateCode = letter.StateCode;
            return new Model(letter.FileName, letter.Pdf);
        }
    }
}
