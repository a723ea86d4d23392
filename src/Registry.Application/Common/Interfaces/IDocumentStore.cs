namespace Registry.Application.Common.Interfaces;

/// <summary>Where evidence bytes live. Keys are made by the registry (never from user input).</summary>
public interface IDocumentStore
{
    Task SaveAsync(string key, Stream content, CancellationToken cancellationToken = default);

    Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Removes the bytes; a key that holds nothing is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken = default);
}
