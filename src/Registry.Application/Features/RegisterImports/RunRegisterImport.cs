using System.Security.Cryptography;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Application.Common.Time;
using Registry.Domain.Credentials;
using Registry.Domain.People;

namespace Registry.Application.Features.RegisterImports;

/// <summary>
/// The background job's work on a register import. A dry run (status Checking) checks every row and writes one report
/// line for each, chunk by chunk so the page shows its progress, and nothing else. An import (status Importing) runs
/// the same checks again on the stored file — which must have the hash the dry run saw — and writes people and
/// credentials a chunk at a time inside one transaction, forgetting each chunk once saved so memory stays bounded:
/// any problem (the registry may have changed since the dry run) rolls everything back, and the report's lines say
/// why. People and credentials added are summed up by the import's own audit entry, not one entry each.
/// A job that finds the import finished (a retry after a crash) does nothing.
/// </summary>
public static class RunRegisterImport
{
    [AllowedRoles(Roles.SystemAdmin)]
    public sealed record Command(Guid RegisterImportId) : ICommand<Outcome>;

    public sealed record Outcome(RegisterImportStatus Status);

    /// <summary>Ends the import's transaction without writing: some rows have problems.</summary>
    private sealed class RowsRefused(IReadOnlyList<RegisterRowPlanner.Plan> problems, RegisterImportCounts counts) : Exception("The import found problems.")
    {
        public IReadOnlyList<RegisterRowPlanner.Plan> Problems { get; } = problems;
        public RegisterImportCounts Counts { get; } = counts;
    }

    public sealed class Handler(IRegistryDbContext db, IRegisterReader reader, IDocumentStore store, IDatabaseTransactions transactions, IRegistryCalendar calendar,
        IAuditContext audit, TimeProvider clock) : IRequestHandler<Command, Outcome>
    {
        public async Task<Outcome> Handle(Command command, CancellationToken cancellationToken)
        {
            var import = await db.RegisterImports.SingleOrDefaultAsync(i => i.Id == command.RegisterImportId, cancellationToken);
            if (import is null || !import.IsRunning) return new Outcome(import?.Status ?? RegisterImportStatus.Failed);
            audit.StateCode = () => import.StateCode;

            byte[] bytes;
            await using (var stored = await store.OpenReadAsync(import.DocumentKey, cancellationToken))
            using (var copy = new MemoryStream())
            {
                await stored.CopyToAsync(copy, cancellationToken);
                bytes = copy.ToArray();
            }
            if (Convert.ToHexString(SHA256.HashData(bytes)) != import.FileHash)
            {
                import.Failed("The stored file is not the file that was checked; upload it again.", clock.GetUtcNow());
                await db.SaveChangesAsync(cancellationToken);
                return new Outcome(import.Status);
            }
            var sheet = reader.Check(bytes);
            if (sheet.Problem is { } problem)
            {
                import.Failed(problem, clock.GetUtcNow());
                await db.SaveChangesAsync(cancellationToken);
                return new Outcome(import.Status);
            }

            if (import.Status == RegisterImportStatus.Checking) await DryRunAsync(import, bytes, cancellationToken);
            else await ImportAsync(import.Id, bytes, cancellationToken);
            return new Outcome((await db.RegisterImports.AsNoTracking().SingleAsync(i => i.Id == command.RegisterImportId, cancellationToken)).Status);
        }

        private async Task DryRunAsync(RegisterImport import, byte[] bytes, CancellationToken cancellationToken)
        {
            // A retried run (the first was killed) starts its report again.
            var leftOver = await db.RegisterImportLines.Where(l => l.RegisterImportId == import.Id).ToListAsync(cancellationToken);
            db.RegisterImportLines.RemoveRange(leftOver);
            await db.SaveChangesAsync(cancellationToken);

            var planner = await PlannerAsync(import, cancellationToken);
            foreach (var chunk in reader.Rows(bytes).Chunk(RegisterRowPlanner.ChunkSize))
            {
                var plans = await planner.PlanAsync(chunk, cancellationToken);
                db.RegisterImportLines.AddRange(plans.Select(p => new RegisterImportLine(import.Id, p.Row, p.Outcome, p.Message)));
                import.Progress(planner.Rows);
                await db.SaveChangesAsync(cancellationToken);
                db.ForgetTracked();
                db.RegisterImports.Attach(import);
            }
            import.Checked(planner.Counts, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }

        private async Task ImportAsync(Guid importId, byte[] bytes, CancellationToken cancellationToken)
        {
            audit.SummarisedAdditions.Add(typeof(Person));
            audit.SummarisedAdditions.Add(typeof(Credential));
            try
            {
                await transactions.InTransactionAsync(async ct =>
                {
                    var import = await db.RegisterImports.AsNoTracking().SingleAsync(i => i.Id == importId, ct);
                    var planner = await PlannerAsync(import, ct);
                    var problems = new List<RegisterRowPlanner.Plan>();
                    foreach (var chunk in reader.Rows(bytes).Chunk(RegisterRowPlanner.ChunkSize))
                    {
                        var plans = await planner.PlanAsync(chunk, ct);
                        problems.AddRange(plans.Where(p => p.Outcome == RegisterRowOutcome.Problem));
                        if (problems.Count > 0) continue; // checking on, writing no more: it will all be rolled back
                        foreach (var plan in plans)
                        {
                            if (plan.NewPerson is { } person) db.People.Add(person);
                            if (plan.NewCredential is { } credential) db.Credentials.Add(credential);
                        }
                        await db.SaveChangesAsync(ct);
                        db.ForgetTracked();
                    }
                    if (problems.Count > 0) throw new RowsRefused(problems, planner.Counts);

                    var highest = planner.HighestSequences;
                    var programIds = highest.Keys.ToList();
                    foreach (var program in await db.Programs.Where(p => programIds.Contains(p.Id)).ToListAsync(ct))
                        program.KeepImportedNumber(Domain.Credentials.CredentialNumber.Create(program.StateCode, program.Code, highest[program.Id]));
                    var tracked = await db.RegisterImports.SingleAsync(i => i.Id == importId, ct);
                    tracked.Imported(planner.Counts, clock.GetUtcNow());
                    await db.SaveChangesAsync(ct);
                    return 0;
                }, cancellationToken);
            }
            catch (RowsRefused refused)
            {
                // Nothing was written; the report's lines for the rows found wrong say why.
                var import = await db.RegisterImports.SingleAsync(i => i.Id == importId, cancellationToken);
                var first = refused.Problems[0];
                import.Refused(refused.Counts, $"Nothing was imported: {refused.Problems.Count:N0} row(s) have problems that the dry run did not find " +
                                              $"(the registry has changed since). The first is row {first.Row:N0}: {first.Message}");
                foreach (var chunk in refused.Problems.Chunk(RegisterRowPlanner.ChunkSize))
                {
                    var rows = chunk.Select(p => p.Row).ToList();
                    var lines = await db.RegisterImportLines.Where(l => l.RegisterImportId == importId && rows.Contains(l.Row)).ToDictionaryAsync(l => l.Row, cancellationToken);
                    foreach (var plan in chunk)
                        if (lines.TryGetValue(plan.Row, out var line)) line.Replace(plan.Outcome, plan.Message);
                        else db.RegisterImportLines.Add(new RegisterImportLine(importId, plan.Row, plan.Outcome, plan.Message));
                }
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        private async Task<RegisterRowPlanner> PlannerAsync(RegisterImport import, CancellationToken cancellationToken)
        {
            var programs = await db.Programs.AsNoTracking().Where(p => p.StateCode == import.StateCode).OrderBy(p => p.Code).ToListAsync(cancellationToken);
            var elsewhere = (await db.Programs.AsNoTracking().Where(p => p.StateCode != import.StateCode).Select(p => new { p.Code, p.StateCode }).ToListAsync(cancellationToken))
                .GroupBy(p => p.Code).ToDictionary(g => g.Key, g => g.First().StateCode.Value);
            var today = await calendar.TodayAsync(import.StateCode, cancellationToken);
            return new RegisterRowPlanner(db, import, programs, elsewhere, today, clock.GetUtcNow());
        }
    }
}
