using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Credentials;
using Registry.Domain.Jurisdictions;
using Registry.Domain.People;
using Registry.Infrastructure.Exports.Workforce;
using Registry.Infrastructure.Jobs;
using Registry.Testing;
using static Registry.Application.Tests.Features.Workforce.WorkforceHistory;

namespace Registry.Application.Tests.Features.Workforce;

/// <summary>
/// The workforce ledger, kept by every save and by the expiry job, says what the histories say: for every month end
/// and several periods, its counts equal those the reference statement works out from the histories alone.
/// </summary>
public sealed class WorkforceLedgerTests(SliceFixture fixture) : SliceTest(fixture)
{
    private static readonly StateCode[] States = [StateCode.Parse("TN"), StateCode.Parse("PA")];

    [Fact]
    public async Task The_ledger_counts_equal_the_histories_for_every_past_period()
    {
        await SeedVariedHistoryAsync();

        var periods = new List<(DateOnly From, DateOnly To)>();
        for (var end = D(2023, 1, 31); end <= TestClock.StartDay.AddMonths(2); end = new DateOnly(end.Year, end.Month, 1).AddMonths(2).AddDays(-1))
            periods.Add((new DateOnly(end.Year, end.Month, 1), end));
        periods.AddRange([(D(2024, 1, 1), D(2024, 12, 31)), (From, To), (D(2025, 3, 1), D(2025, 3, 1)), (D(2020, 1, 1), TestClock.StartDay.AddYears(1))]);

        foreach (var (from, to) in periods)
        {
            var (ledger, histories) = await CountsAsync(from, to);
            Assert.True(histories == ledger, $"{from} to {to}:\nfrom the histories:\n{histories}\nfrom the ledger:\n{ledger}");
        }
        var (_, whole) = await CountsAsync(From, To);
        Assert.Contains("Shelby", whole); // the backdated move is there
    }

    [Fact]
    public async Task Rebuilding_the_ledger_after_a_wipe_gives_the_same_rows()
    {
        await SeedVariedHistoryAsync();
        var kept = await LedgerAsync();
        Assert.NotEmpty(kept);

        await Fixture.ExecuteAsync(async db =>
        {
            await db.WorkforceLedgerEntries.ExecuteDeleteAsync();
            await db.Dialect.ExecuteAsync(db, WorkforceLedger.Rebuild(db.Dialect), CancellationToken.None);
        });

        Assert.Equal(kept, await LedgerAsync());
    }

    /// <summary>
    /// The history of <see cref="WorkforceHistory"/>, then later changes each saved on its own: a backdated move of county,
    /// a move to another state, a revocation, a late renewal, a new credential, and the expiry job's expiries and lapses.
    /// </summary>
    private async Task SeedVariedHistoryAsync()
    {
        var history = await SeedAsync(Fixture);
        var today = TestClock.StartDay;
        var staff = Guid.NewGuid();

        await Fixture.ExecuteAsync(async db =>
        {
            var ada = await db.People.Include(p => p.ResidenceHistory).SingleAsync(p => p.Id == history.Holders["Ada"].Id);
            ada.UpdateContact(null, null, new PostalAddress("9 Oak St", null, "Memphis", "Shelby", StateCode.Parse("TN"), "38103"), D(2025, 3, 15)); // backdated
            await db.SaveChangesAsync();
        });
        await Fixture.ExecuteAsync(async db =>
        {
            var pat = await db.People.Include(p => p.ResidenceHistory).SingleAsync(p => p.Id == history.Holders["Pat"].Id);
            pat.UpdateContact(null, null, new PostalAddress("2 Elm St", null, "Nashville", "Davidson", StateCode.Parse("TN"), "37203"), D(2024, 9, 1));
            var gus = await db.Credentials.Include(c => c.History).SingleAsync(c => c.Id == history.Credentials["Gus"].Id);
            gus.Revoke("Upheld.", D(2025, 8, 1), staff, At(D(2025, 8, 1)));
            await db.SaveChangesAsync();
        });
        await Fixture.ExecuteAsync(async db =>
        {
            var kit = await db.Credentials.Include(c => c.History).SingleAsync(c => c.Id == history.Credentials["Kit"].Id);
            kit.Reinstate(D(2025, 9, 1), staff, At(D(2025, 9, 1)), "Cleared.");
            var newcomer = TestData.Person("Newcomer");
            newcomer.UpdateContact(null, null, new PostalAddress("3 Pine St", null, "Knoxville", "Knox", StateCode.Parse("TN"), "37902"), D(2025, 1, 1));
            var program = await db.Programs.SingleAsync(p => p.Id == history.Tennessee.Programs[0].Id);
            db.AddRange(newcomer, Credential.Issue(program, newcomer.Id, D(2025, 5, 5), staff, At(D(2025, 5, 5))));
            await db.SaveChangesAsync();
        });
        // Expired and Lapsed rows for every credential past its expiry (some of them years back), then a late renewal.
        var expiry = await Fixture.RunAsync<CredentialExpiryJob, ExpiryRun>(job => job.RunAsync());
        Assert.True(expiry.Expired > 0);
        await Fixture.ExecuteAsync(async db =>
        {
            var bea = await db.Credentials.Include(c => c.History).SingleAsync(c => c.Id == history.Credentials["Bea"].Id);
            if (bea.Status is CredentialStatus.Expired) bea.Renew(24, today, staff, At(today));
            await db.SaveChangesAsync();
        });
    }

    private async Task<(string Ledger, string Histories)> CountsAsync(DateOnly from, DateOnly to)
    {
        var ledger = await Fixture.RunAsync<IWorkforceCounts, IReadOnlyList<CredentialCountRow>>(c => c.CredentialCountsAsync(from, to, States, CancellationToken.None));
        var histories = await Fixture.RunAsync<IWorkforceCounts, IReadOnlyList<CredentialCountRow>>(c =>
            ((WorkforceSql)c).CredentialCountsFromHistoriesAsync(from, to, States, CancellationToken.None));
        return (Describe(ledger), Describe(histories));
    }

    private static string Describe(IEnumerable<CredentialCountRow> rows) =>
        string.Join("\n", rows.Where(r => r.Counts != WorkforceCounts.None)
            .Select(r => $"{r.State} {r.ProgramId} {r.ResidenceState} {r.County}: {r.Counts}").Order(StringComparer.Ordinal));

    private Task<List<string>> LedgerAsync() => Fixture.QueryAsync(async db =>
        (await db.WorkforceLedgerEntries.AsNoTracking().Where(e => e.Count != 0).ToListAsync())
            .Select(e => $"{e.Day} {e.StateCode} {e.ProgramId} {e.ResidenceState} {e.County} {e.Part} {e.What} {e.Count}").Order(StringComparer.Ordinal).ToList());
}
