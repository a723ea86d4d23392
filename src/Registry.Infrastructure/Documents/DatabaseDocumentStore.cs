using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Infrastructure.Persistence;

namespace Registry.Infrastructure.Documents;

/// <summary>
/// Evidence bytes in the registry's database, so every web server reads what any of them stored. A file is kept
/// as rows of at most <see cref="ChunkBytes"/>, written one by one as the upload is read and read back one at a
/// time, so no server holds a whole file for the store. All rows of a file commit together: a reader finds the
/// whole file or nothing, and a failed or aborted save leaves nothing.
/// </summary>
public sealed class DatabaseDocumentStore(IDbContextFactory<SharedStorageDbContext> contexts) : IDocumentStore
{
    public const int ChunkBytes = 512 * 1024;

    public async Task SaveAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        CheckKey(key);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var start = content.CanSeek ? content.Position : (long?)null;
        var attempts = 0;
        await db.InTransactionAsync(async ct =>
        {
            // A dropped connection retries the whole save, from the start of the content if it can be read again.
            if (attempts++ > 0)
                content.Position = start ?? throw new IOException("The database connection failed while a document was stored, and its content cannot be read again.");
            var document = new StoredDocument(key);
            db.StoredDocuments.Add(document);
            await db.SaveChangesAsync(ct);
            var (size, count) = (0L, 0);
            while (await ReadChunkAsync(content, ct) is { Length: > 0 } bytes)
            {
                var chunk = new StoredDocumentChunk(key, count, bytes);
                db.StoredDocumentChunks.Add(chunk);
                await db.SaveChangesAsync(ct);
                db.Entry(chunk).State = EntityState.Detached; // only one chunk is held at a time
                (size, count) = (size + bytes.Length, count + 1);
            }
            document.Complete(size, count);
            await db.SaveChangesAsync(ct);
            await db.Database.CurrentTransaction!.CommitAsync(ct);
            return count;
        }, cancellationToken);
    }

    public async Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        CheckKey(key);
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        try
        {
            var document = await db.StoredDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Key == key, cancellationToken)
                ?? throw new FileNotFoundException($"No document is stored under the key {key}.");
            return new ChunkedReadStream(db, document);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        CheckKey(key);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.InTransactionAsync(async ct =>
        {
            await db.StoredDocumentChunks.Where(c => c.Key == key).ExecuteDeleteAsync(ct);
            var deleted = await db.StoredDocuments.Where(d => d.Key == key).ExecuteDeleteAsync(ct);
            await db.Database.CurrentTransaction!.CommitAsync(ct);
            return deleted;
        }, cancellationToken);
    }

    public async Task<bool> ContainsAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.StoredDocuments.AnyAsync(d => d.Key == key, cancellationToken);
    }

    private static void CheckKey(string key)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > StoredDocument.MaximumKeyLength)
            throw new ArgumentException($"A document key is 1 to {StoredDocument.MaximumKeyLength} characters.", nameof(key));
    }

    /// <summary>The next chunk's bytes: a full chunk, the shorter last one, or none at the end.</summary>
    private static async Task<byte[]> ReadChunkAsync(Stream content, CancellationToken cancellationToken)
    {
        var buffer = new byte[ChunkBytes];
        var filled = await content.ReadAtLeastAsync(buffer, ChunkBytes, throwOnEndOfStream: false, cancellationToken);
        if (filled < ChunkBytes) Array.Resize(ref buffer, filled);
        return buffer;
    }

    /// <summary>A stored document's bytes, fetched one chunk at a time as they are read; disposing it ends its context.</summary>
    private sealed class ChunkedReadStream(SharedStorageDbContext db, StoredDocument document) : Stream
    {
        private byte[] _chunk = [];
        private int _offset;
        private int _nextIndex;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_offset == _chunk.Length)
            {
                if (_nextIndex == document.ChunkCount) return 0;
                _chunk = await ChunkQuery().SingleOrDefaultAsync(cancellationToken) ?? throw Removed();
                (_offset, _nextIndex) = (0, _nextIndex + 1);
            }
            return Take(buffer.Span);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_offset == _chunk.Length)
            {
                if (_nextIndex == document.ChunkCount) return 0;
                _chunk = ChunkQuery().SingleOrDefault() ?? throw Removed();
                (_offset, _nextIndex) = (0, _nextIndex + 1);
            }
            return Take(buffer);
        }

        private IQueryable<byte[]> ChunkQuery()
        {
            var index = _nextIndex;
            return db.StoredDocumentChunks.Where(c => c.Key == document.Key && c.Index == index).Select(c => c.Bytes);
        }

        private int Take(Span<byte> buffer)
        {
            var count = Math.Min(buffer.Length, _chunk.Length - _offset);
            _chunk.AsSpan(_offset, count).CopyTo(buffer);
            _offset += count;
            return count;
        }

        private IOException Removed() => new($"The document {document.Key} was removed while it was being read.");

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) db.Dispose();
            base.Dispose(disposing);
        }

        public override async ValueTask DisposeAsync()
        {
            await db.DisposeAsync();
            await base.DisposeAsync();
        }
    }
}
