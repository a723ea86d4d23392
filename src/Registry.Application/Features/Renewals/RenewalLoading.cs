using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Applications;
using Registry.Domain.Credentials;

namespace Registry.Application.Features.Renewals;

internal static class RenewalLoading
{
    /// <summary>
    /// One open renewal or reinstatement per credential (and, as the database's unique index also says,
    /// one open application per person and program).
    /// </summary>
    public static async Task RequireNoOpenApplicationAsync(this IRegistryDbContext db, Credential credential, CancellationToken cancellationToken)
    {
        var open = ApplicationStatusRules.OpenStatuses;
        if (await db.Applications.AnyAsync(a => a.CredentialId == credential.Id && open.Contains(a.Status), cancellationToken))
            throw new ConflictException($"You already have an open renewal or reinstatement for credential {credential.Number}; continue that one.");
        if (await db.Applications.AnyAsync(a => a.PersonId == credential.HolderPersonId && a.ProgramId == credential.ProgramId && open.Contains(a.Status), cancellationToken))
            throw new ConflictException("You already have an open application for this program; finish or withdraw it first.");
    }
}
