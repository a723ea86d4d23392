namespace Registry.Domain.Common;

/// <summary>An aggregate guarded by optimistic concurrency: each save bumps <see cref="Version"/>.</summary>
public interface IVersioned
{
    int Version { get; }
}
