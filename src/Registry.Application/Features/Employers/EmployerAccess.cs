using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Common;
using Registry.Domain.Employers;

namespace Registry.Application.Features.Employers;

/// <summary>
/// Employer users act only for the organisation their account belongs to: the organisation always comes
/// from the sender's claim, never from the request.
/// </summary>
public static class EmployerAccess
{
    public static Guid EmployerIdOf(ICurrentUser user) =>
        user.EmployerId ?? throw new ForbiddenException("Your account does not belong to an employer.");

    /// <summary>The sender's organisation, tracked; refused until the registry has approved it.</summary>
    public static async Task<Employer> ApprovedEmployerAsync(IRegistryDbContext db, ICurrentUser user, CancellationToken cancellationToken)
    {
        var id = EmployerIdOf(user);
        var employer = await db.Employers.SingleOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw new NotFoundException("Employer", id);
        if (!employer.IsApproved)
            throw new DomainRuleException($"{employer.Name} is waiting for the registry's approval; verification tools open once it is approved.");
        return employer;
    }
}
