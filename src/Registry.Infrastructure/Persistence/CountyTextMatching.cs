using Microsoft.EntityFrameworkCore;
using Registry.Domain.Jurisdictions;
using Registry.Domain.People;

namespace Registry.Infrastructure.Persistence;

/// <summary>
/// The data step of the CountyCodes migration, run after migrating: counties given as free text before counties were
/// codes are matched to the Census list (<see cref="Counties.Match"/>, the same matcher on every provider).
/// Only rows without a code are read, so after the first run it reads just the texts that matched nothing;
/// staff see those on the unmatched-counties page.
/// </summary>
public sealed class CountyTextMatching(RegistryDbContext db, AuditContext audit)
{
    public async Task<int> MatchAsync(CancellationToken cancellationToken = default)
    {
        audit.Action = "MatchCountiesGivenAsText";
        var matched = 0;

        var addressTexts = await db.People.AsNoTracking()
            .Where(p => p.MailingAddress != null && p.MailingAddress.CountyCode == null && p.MailingAddress.County != "")
            .Select(p => new { p.MailingAddress!.State, p.MailingAddress.County })
            .Distinct()
            .ToListAsync(cancellationToken);
        foreach (var text in addressTexts)
        {
            if (Counties.Match(text.State, text.County) is not { } code) continue;
            matched += await MatchAddressesAsync(text.State, text.County, code, cancellationToken);
        }

        // Residence history is append-only for the application; setting the code it lacked changes no fact it records.
        var residenceTexts = await db.Set<ResidenceChange>().AsNoTracking()
            .Where(r => r.StateCode != null && r.CountyCode == null && r.County != null)
            .Select(r => new { r.StateCode, r.County })
            .Distinct()
            .ToListAsync(cancellationToken);
        foreach (var text in residenceTexts)
        {
            if (Counties.Match(text.StateCode!.Value, text.County) is not { } code) continue;
            matched += await db.Set<ResidenceChange>()
                .Where(r => r.StateCode == text.StateCode && r.County == text.County && r.CountyCode == null)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.CountyCode, code), cancellationToken);
        }
        return matched;
    }

    private const int PeoplePerSave = 1_000;

    /// <summary>
    /// The address is an owned part of the person, rewritten whole, so the audit log shows the change; people are
    /// loaded a thousand at a time so memory stays bounded however many share one spelling.
    /// </summary>
    private async Task<int> MatchAddressesAsync(StateCode state, string county, CountyCode code, CancellationToken cancellationToken)
    {
        var matched = 0;
        while (true)
        {
            var people = await db.People
                .Where(p => p.MailingAddress != null && p.MailingAddress.CountyCode == null && p.MailingAddress.State == state && p.MailingAddress.County == county)
                .OrderBy(p => p.Id)
                .Take(PeoplePerSave)
                .ToListAsync(cancellationToken);
            foreach (var person in people) person.MatchCounty(code);
            var written = people.Count == 0 ? 0 : await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            matched += people.Count;
            if (people.Count < PeoplePerSave || written == 0) return matched;
        }
    }
}
