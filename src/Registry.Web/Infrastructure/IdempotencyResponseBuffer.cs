namespace Registry.Web.Infrastructure;

/// <summary>
/// Holds an answer back until it has been kept, so a retry never finds the work done but its answer missing. An
/// answer larger than <paramref name="limit"/> bytes is not kept: from there on it goes straight to the client.
/// </summary>
public sealed class IdempotencyResponseBuffer(Stream client, int limit) : Stream
{
    private MemoryStream? _held = new();

    /// <summary>The whole answer, or null once it outgrew the limit and went to the client.</summary>
    public byte[]? Held => _held?.ToArray();

    /// <summary>Sends what was held back.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        if (_held is not { Length: > 0 } held) return;
        held.Position = 0;
        await held.CopyToAsync(client, cancellationToken);
        _held = new MemoryStream();
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_held is { } held && held.Length + buffer.Length <= limit)
        {
            held.Write(buffer.Span);
            return;
        }
        if (_held is not null)
        {
            await ReleaseAsync(cancellationToken);
            _held = null;
        }
        await client.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override Task FlushAsync(CancellationToken cancellationToken) => _held is null ? client.FlushAsync(cancellationToken) : Task.CompletedTask;

    public override void Flush() => FlushAsync().GetAwaiter().GetResult();

    /// <summary>
    /// While held back, the answer can be cleared (SetLength(0)): the exception handler does that before it writes a
    /// failure's problem details in place of whatever was half-written.
    /// </summary>
    public override bool CanSeek => _held is not null;

    public override void SetLength(long value)
    {
        if (value != 0 || _held is null) throw new NotSupportedException();
        _held.SetLength(0);
    }

    public override long Length => _held?.Length ?? throw new NotSupportedException();
    public override long Position { get => Length; set => throw new NotSupportedException(); }
    public override bool CanRead => false;
    public override bool CanWrite => true;
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
}
