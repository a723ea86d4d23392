using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Employers;

namespace Registry.Application.Features.Employers;

/// <summary>A completed roster verification's result workbook; refused (conflict) while it is queued or running, or when it failed.</summary>
public static class DownloadRosterVerificationResult
{
    [AllowedRoles(Roles.Employer)]
    public sealed record Query(Guid Id) : IRequest<File>, IAuditedRead
    {
        string IAuditedRead.AuditedType => "RosterVerification";
        string? IAuditedRead.AuditedId => Id.ToString();
    }

    public sealed record File(byte[] Content, string FileName);

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<Query, File>
    {
        public async Task<File> Handle(Query query, CancellationToken cancellationToken)
        {
            var employerId = EmployerAccess.EmployerIdOf(user);
            var now = clock.GetUtcNow();
            var found = await db.RosterVerifications.AsNoTracking()
                    .Where(r => r.Id == query.Id && r.EmployerId == employerId && r.ExpiresAt > now)
                    .Select(r => new { r.Status, r.FileName, r.Problem, r.Workbook })
                    .SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Roster verification", query.Id);
            return found switch
            {
                { Status: RosterVerificationStatus.Completed, Workbook: { } workbook } => new File(workbook, $"{Path.GetFileNameWithoutExtension(found.FileName)}-verified.xlsx"),
                { Status: RosterVerificationStatus.Failed } => throw new ConflictException($"The roster could not be verified, so there is no result: {found.Problem}"),
                _ => throw new ConflictException($"The roster is {found.Status.ToString().ToLowerInvariant()}; the result is ready once its status is completed."),
            };
        }
    }
}
