using Registry.Application.Common.Interfaces;
using Registry.Infrastructure.Persistence;

namespace Registry.Infrastructure.Documents;

/// <summary>
/// Evidence files under one folder. Keys are made by the registry (year/month/guid); a key that would
/// leave the folder is refused all the same.
/// </summary>
public sealed class FileSystemDocumentStore(string root) : IDocumentStore
{
    public string Root { get; } = Path.GetFullPath(root);

    public async Task SaveAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        OwnerOnly.CreateFolder(Path.GetDirectoryName(path)!);
        // Written beside the target and moved into place, so a reader never sees half a file; only the service's user may read it.
        var partial = path + ".partial";
        try
        {
            await using (var file = OwnerOnly.CreateNew(partial, 81920, useAsync: true))
                await content.CopyToAsync(file, cancellationToken);
            File.Move(partial, path);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken = default) =>
        Task.FromResult<Stream>(new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true));

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    private string PathOf(string key)
    {
        if (string.IsNullOrWhiteSpace(key) || Path.IsPathRooted(key)) throw new ArgumentException("A document key is a relative path.", nameof(key));
        var path = Path.GetFullPath(Path.Combine(Root, key));
        if (!path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException("A document key must stay inside the document folder.", nameof(key));
        return path;
    }
}
