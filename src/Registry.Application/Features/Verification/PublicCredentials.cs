using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Credentials;

namespace Registry.Application.Features.Verification;

/// <summary>Loads <see cref="PublicCredential"/>s: the one query every verification path uses.</summary>
public static class PublicCredentials
{
    /// <summary>Keeps IN lists well under every provider's parameter limit (SQL Server: 2,100).</summary>
    public const int QueryChunk = 1_000;

    private static readonly CredentialEventKind[] PublicKinds = Enum.GetValues<CredentialEventKind>().Where(k => k.IsPublicAction()).ToArray();

    /// <summary>The public view of the given credentials, in two queries per chunk (rows, then their public actions).</summary>
    public static async Task<List<PublicCredential>> LoadAsync(IRegistryDbContext db, IQueryable<Credential> credentials, CancellationToken cancellationToken)
    {
        var rows = await credentials
            .Join(db.People, c => c.HolderPersonId, p => p.Id, (c, p) => new { c, p.LegalFirstName, p.LegalLastName })
            .Join(db.Programs, x => x.c.ProgramId, p => p.Id, (x, p) => new { x.c, x.LegalFirstName, x.LegalLastName, p.Code, p.Name, p.Requirements.GracePeriodDays })
            .Join(db.Jurisdictions, x => x.c.StateCode, j => j.Code, (x, j) => new
            {
                x.c.Id, x.c.Number, x.LegalFirstName, x.LegalLastName, ProgramCode = x.Code, ProgramName = x.Name, x.c.StateCode, StateName = j.Name,
                x.c.Status, x.c.IssuedOn, x.c.ExpiresOn, x.GracePeriodDays,
                LastUpdated = x.c.History.OrderByDescending(e => e.Sequence).Select(e => e.RecordedAt).First(),
                // The last move into the present status: a renewal or a reprimand leaves the status as it was.
                StatusSince = x.c.History.Where(e => e.ToStatus == x.c.Status && e.FromStatus != null && e.FromStatus != e.ToStatus)
                    .OrderByDescending(e => e.Sequence).Select(e => (DateOnly?)e.EffectiveOn).FirstOrDefault(),
            })
            .AsNoTracking()
            .ToListAsync(cancellationToken);

        var actions = new Dictionary<Guid, List<PublicAction>>();
        foreach (var chunk in rows.Select(r => r.Id).Chunk(QueryChunk))
        {
            var found = await db.Credentials.AsNoTracking()
                .Where(c => chunk.Contains(c.Id))
                .SelectMany(c => c.History)
                .Where(e => PublicKinds.Contains(e.Kind))
                .Select(e => new { e.CredentialId, e.Kind, e.EffectiveOn, e.Sequence })
                .ToListAsync(cancellationToken);
            foreach (var action in found.OrderBy(a => a.EffectiveOn).ThenBy(a => a.Sequence))
                (actions.TryGetValue(action.CredentialId, out var list) ? list : actions[action.CredentialId] = []).Add(new PublicAction(action.Kind, action.EffectiveOn));
        }

        return rows.Select(r => new PublicCredential(
                r.Number.Value, $"{r.LegalFirstName} {r.LegalLastName}", r.ProgramCode, r.ProgramName, r.StateCode.Value,
                r.Status, r.IssuedOn, r.ExpiresOn, actions.TryGetValue(r.Id, out var list) ? list : [], r.LastUpdated)
            {
                StateName = r.StateName,
                StatusSince = r.StatusSince,
                GraceEndsOn = r.Status == CredentialStatus.Expired ? r.ExpiresOn.AddDays(r.GracePeriodDays) : null,
            })
            .ToList();
    }
}
