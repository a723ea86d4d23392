using System.IO.Compression;
using System.Text;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Jurisdictions;
using Registry.Infrastructure.Identity;
using Registry.Infrastructure.Jobs;
using Registry.Infrastructure.Persistence;

namespace Registry.Infrastructure.Exports.StateData;

/// <summary>
/// Writes a state's export: each file of <see cref="StateDataTables.Files"/> as a part of its own in the document store
/// (streamed through an owner-only temporary file, rows read without tracking as a stream, so memory stays bounded),
/// recorded on the <see cref="StateExport"/> once finished; a run after a crash or an error skips the finished parts.
/// Then the zip (README.md, manifest.json, the parts and the evidence files) is assembled, stored, and the parts removed.
/// </summary>
[AutomaticRetry(Attempts = StateExportJob.MaximumAttempts - 1)]
public sealed class StateExportJob(RegistryDbContext db, IServiceScopeFactory scopes, IDocumentStore store, IAuditContext audit,
    TimeProvider clock, ILogger<StateExportJob> logger)
{
    public const int MaximumAttempts = 4;

    /// <summary>Rows between two saves of the progress within a file.</summary>
    public const int ProgressEvery = 5000;

    public const string ZipName = "export.zip";

    /// <summary>Raised after each part is written and recorded, with its file name (for progress listeners).</summary>
    public event Action<string>? PartWritten;

    public static string KeyOf(Guid exportId, string part) => $"state-exports/{exportId:N}/{part}";

    public async Task RunAsync(Guid exportId, CancellationToken cancellationToken)
    {
        using var runAs = CurrentUser.RunAs(SystemPrincipal.Jobs);
        audit.Action = "WriteStateExport";
        var export = await db.StateExports.SingleOrDefaultAsync(e => e.Id == exportId, cancellationToken);
        if (export is null || export.IsFinished) return;
        var state = export.StateCode;
        audit.StateCode = () => state;
        if (export.Attempts >= MaximumAttempts)
        {
            export.Fail("The export stopped several times before it was done. Ask for a new one.", clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        export.Start(StateDataTables.Files.Count, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);

        foreach (var table in StateDataTables.Files)
        {
            if (export.FinishedPartRows.ContainsKey(table.FileName)) continue;
            cancellationToken.ThrowIfCancellationRequested();
            var rows = await WritePartAsync(export, table, cancellationToken);
            export.PartFinished(table.FileName, rows);
            await db.SaveChangesAsync(cancellationToken);
            PartWritten?.Invoke(table.FileName);
        }

        export.Writing("export.zip", export.RowsWritten);
        await db.SaveChangesAsync(cancellationToken);
        var size = await AssembleAsync(export, cancellationToken);
        export.Complete(KeyOf(export.Id, ZipName), size, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        foreach (var table in StateDataTables.Files)
            await store.DeleteAsync(KeyOf(export.Id, table.FileName), cancellationToken);
        logger.LogInformation("State export {ExportId} of {State} is ready: {Rows} rows, {Bytes} bytes.", export.Id, state.Value, export.RowsWritten, size);
    }

    /// <summary>Removes the exports (their files and parts) whose time is up; returns how many.</summary>
    public async Task<int> RemoveExpiredAsync(CancellationToken cancellationToken)
    {
        using var runAs = CurrentUser.RunAs(SystemPrincipal.Jobs);
        audit.Action = "RemoveExpiredStateExports";
        var now = clock.GetUtcNow();
        var expired = (await db.StateExports.ToListAsync(cancellationToken)).Where(e => e.ExpiresAt <= now).ToList();
        foreach (var export in expired)
        {
            foreach (var part in StateDataTables.Files.Select(f => f.FileName).Append(ZipName))
                await store.DeleteAsync(KeyOf(export.Id, part), cancellationToken);
            db.StateExports.Remove(export);
        }
        await db.SaveChangesAsync(cancellationToken);
        return expired.Count;
    }

    private async Task<long> WritePartAsync(StateExport export, StateDataTable table, CancellationToken cancellationToken)
    {
        var before = export.RowsWritten;
        export.Writing(table.FileName, before);
        await db.SaveChangesAsync(cancellationToken);

        // Rows stream from a context of their own: this one saves the progress meanwhile.
        await using var readScope = scopes.CreateAsyncScope();
        var reader = readScope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        await using var temporary = new TemporaryFile();
        long rows = 0;
        await using (var writer = new StreamWriter(temporary.Create(), new UTF8Encoding(false)))
        {
            await CsvText.WriteLineAsync(writer, table.Columns(reader.Model).Select(c => c.Name));
            await foreach (var line in table.RowsAsync(reader, export.StateCode, cancellationToken))
            {
                await CsvText.WriteLineAsync(writer, line);
                if (++rows % ProgressEvery == 0)
                {
                    export.Writing(table.FileName, before + rows);
                    await db.SaveChangesAsync(cancellationToken);
                }
            }
        }
        await using (var written = temporary.OpenRead())
            await store.SaveAsync(KeyOf(export.Id, table.FileName), written, cancellationToken);
        return rows;
    }

    /// <summary>The zip, written to a temporary file entry by entry (nothing held whole) and then stored; returns its size.</summary>
    private async Task<long> AssembleAsync(StateExport export, CancellationToken cancellationToken)
    {
        await using var readScope = scopes.CreateAsyncScope();
        var reader = readScope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var rows = export.FinishedPartRows;
        await using var temporary = new TemporaryFile();
        await using (var file = temporary.Create())
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            foreach (var table in StateDataTables.Files)
            {
                await using var part = await store.OpenReadAsync(KeyOf(export.Id, table.FileName), cancellationToken);
                await using var entry = zip.CreateEntry(table.FileName, CompressionLevel.Optimal).Open();
                await part.CopyToAsync(entry, cancellationToken);
            }

            var evidence = 0;
            var missing = new List<Guid>();
            var documents = reader.Documents.AsNoTracking().Where(d => StateDataTables.People(reader, export.StateCode).Contains(d.OwnerPersonId))
                .OrderBy(d => d.Id).Select(d => new { d.Id, d.FileName, d.StorageKey }).AsAsyncEnumerable();
            await foreach (var document in documents.WithCancellation(cancellationToken))
            {
                Stream content;
                try { content = await store.OpenReadAsync(document.StorageKey, cancellationToken); }
                catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or KeyNotFoundException)
                {
                    missing.Add(document.Id);
                    continue;
                }
                await using (content)
                await using (var entry = zip.CreateEntry(StateExportReadme.EvidencePath(document.Id, document.FileName), CompressionLevel.NoCompression).Open())
                    await content.CopyToAsync(entry, cancellationToken);
                evidence++;
            }

            var generatedAt = clock.GetUtcNow();
            await WriteTextAsync(zip, "README.md", StateExportReadme.Readme(reader.Model, export.StateCode, generatedAt, rows, evidence, missing), cancellationToken);
            await WriteTextAsync(zip, "manifest.json", StateExportReadme.Manifest(reader.Model, export.StateCode, generatedAt, rows, evidence, missing), cancellationToken);
        }
        await using var zipped = temporary.OpenRead();
        var size = zipped.Length;
        await store.SaveAsync(KeyOf(export.Id, ZipName), zipped, cancellationToken);
        return size;
    }

    private static async Task WriteTextAsync(ZipArchive zip, string name, string text, CancellationToken cancellationToken)
    {
        await using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        await entry.WriteAsync(new UTF8Encoding(false).GetBytes(text), cancellationToken);
    }

    /// <summary>A file only the service's user may read, in the temporary folder, deleted when disposed.</summary>
    private sealed class TemporaryFile : IAsyncDisposable
    {
        private readonly string _path;

        public TemporaryFile()
        {
            var folder = Path.Combine(Path.GetTempPath(), "registry-state-exports");
            OwnerOnly.CreateFolder(folder);
            _path = Path.Combine(folder, $"{Guid.NewGuid():N}.part");
        }

        public FileStream Create() => OwnerOnly.CreateNew(_path, 81920, useAsync: true);

        public FileStream OpenRead() => new(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

        public ValueTask DisposeAsync()
        {
            File.Delete(_path);
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>Puts a saved state export on the default queue.</summary>
public sealed class StateExportQueue(IBackgroundJobClient jobs) : IStateExportQueue
{
    public void Enqueue(Guid stateExportId) => jobs.Enqueue<StateExportJob>(job => job.RunAsync(stateExportId, CancellationToken.None));
}

/// <summary>Schedules <see cref="StateExportJob.RemoveExpiredAsync"/> as the recurring job <see cref="JobId"/>, daily at 03:40 UTC.</summary>
public sealed class StateExportCleanupSchedule(IRecurringJobManager recurringJobs) : IHostedService
{
    public const string JobId = "state-export-cleanup";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<StateExportJob>(JobId, job => job.RemoveExpiredAsync(CancellationToken.None), "40 3 * * *");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
