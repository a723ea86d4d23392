using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Registry.Infrastructure.Persistence;

namespace Registry.Infrastructure.Documents;

/// <summary>
/// <c>documents import --from FOLDER</c>, run instead of the web host: copies a documents folder (the file-system
/// store's) into the database store. A key already in the database is skipped, so it can be run again after a
/// failure or a second time with nothing new to do. Exit code 0 when every file is in the database, 1 if any failed,
/// 2 for a wrong command line.
/// </summary>
public static class DocumentsCommand
{
    public const string Usage = "Usage: dotnet Registry.Web.dll documents import --from <documents folder>";

    public static bool IsDocumentsCommand(string[] args) => args is ["documents", ..];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter errors)
    {
        if (args is not ["documents", "import", "--from", { Length: > 0 } folder, ..])
        {
            await errors.WriteLineAsync(Usage);
            return 2;
        }
        if (!Directory.Exists(folder))
        {
            await errors.WriteLineAsync($"There is no folder {folder}.");
            return 1;
        }
        try
        {
            await using var scope = services.CreateAsyncScope();
            var configuration = scope.ServiceProvider.GetRequiredService<IConfiguration>();
            // The same start as the web host's: the database is brought to the latest migration where the host would do it.
            if (configuration.GetValue("Database:MigrateOnStartup", true))
                await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
            var counts = await scope.ServiceProvider.GetRequiredService<DocumentFolderImport>().ImportAsync(folder, errors);
            await output.WriteLineAsync(
                $"Imported {counts.Imported} documents ({counts.ImportedBytes} bytes); skipped {counts.Skipped} already in the database; {counts.Failed} failed.");
            if (StoreLocations.Chosen(configuration, "Documents") != StoreLocation.Database)
                await output.WriteLineAsync("Documents:Store is FileSystem: the registry still reads the folder until it is set to Database.");
            return counts.Failed == 0 ? 0 : 1;
        }
        catch (Exception e)
        {
            await errors.WriteLineAsync($"The import stopped: {e.Message}");
            return 1;
        }
    }
}

/// <summary>Copies the files under a folder into the database store, each under its path relative to the folder (the file-system store's key).</summary>
public sealed class DocumentFolderImport(DatabaseDocumentStore database)
{
    public sealed record Counts(int Imported, long ImportedBytes, int Skipped, int Failed);

    public async Task<Counts> ImportAsync(string folder, TextWriter errors, CancellationToken cancellationToken = default)
    {
        var root = Path.GetFullPath(folder);
        var (imported, bytes, skipped, failed) = (0, 0L, 0, 0);
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (path.EndsWith(".partial", StringComparison.Ordinal)) continue; // an upload the file-system store never finished
            var key = Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
            try
            {
                if (await database.ContainsAsync(key, cancellationToken))
                {
                    skipped++;
                    continue;
                }
                await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
                await database.SaveAsync(key, file, cancellationToken);
                (imported, bytes) = (imported + 1, bytes + file.Length);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed++;
                await errors.WriteLineAsync($"Could not import {key}: {e.Message}");
            }
        }
        return new Counts(imported, bytes, skipped, failed);
    }
}
