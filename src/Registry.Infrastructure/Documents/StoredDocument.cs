namespace Registry.Infrastructure.Documents;

/// <summary>
/// An evidence file kept in the database (see <see cref="DatabaseDocumentStore"/>): its key and size; the bytes are
/// its <see cref="StoredDocumentChunk"/> rows. Storage plumbing, not a record of the registry: the
/// <c>EvidenceDocument</c> row that points at it is what is audited.
/// </summary>
public sealed class StoredDocument(string key)
{
    public const int MaximumKeyLength = 256;

    public string Key { get; private set; } = key;

    public long SizeBytes { get; private set; }

    public int ChunkCount { get; private set; }

    internal void Complete(long sizeBytes, int chunkCount)
    {
        SizeBytes = sizeBytes;
        ChunkCount = chunkCount;
    }
}

/// <summary>One piece of a stored document's bytes, numbered from 0.</summary>
public sealed class StoredDocumentChunk(string key, int index, byte[] bytes)
{
    public string Key { get; private set; } = key;

    public int Index { get; private set; } = index;

    public byte[] Bytes { get; private set; } = bytes;
}
