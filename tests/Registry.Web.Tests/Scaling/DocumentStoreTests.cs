using System.Diagnostics;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Registry.Application.Common.Interfaces;
using Registry.Infrastructure.Documents;
using Registry.Infrastructure.Persistence;

namespace Registry.Web.Tests.Scaling;

/// <summary>
/// Evidence bytes in the database (<c>Documents:Store=Database</c>, the default on PostgreSQL): stored in chunks,
/// read back exactly, all or nothing, removed whole; and the command that imports an existing documents folder.
/// </summary>
public sealed class DocumentStoreTests(WebFixture fixture) : WebTest(fixture)
{
    private DatabaseDocumentStore Store => Fixture.Factory.Services.GetRequiredService<DatabaseDocumentStore>();

    /// <summary>A PDF's first bytes and then <paramref name="length"/> bytes in all, the same every run.</summary>
    public static byte[] Pdf(int length)
    {
        var bytes = new byte[length];
        new Random(15).NextBytes(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    private Task<(int Documents, int Chunks)> RowsAsync() =>
        Fixture.QueryAsync(async db => (await db.Set<StoredDocument>().CountAsync(), await db.Set<StoredDocumentChunk>().CountAsync()));

    private static bool Same(byte[] expected, byte[] actual) => expected.AsSpan().SequenceEqual(actual);

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        await using var _ = stream;
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, bufferSize: 7000); // reads that straddle chunk boundaries
        return copy.ToArray();
    }

    [Fact]
    public async Task The_PostgreSQL_host_keeps_its_keys_and_evidence_in_the_database()
    {
        Assert.IsType<DatabaseDocumentStore>(Fixture.Factory.Services.GetRequiredService<IDocumentStore>());
        Assert.IsType<EntityFrameworkCoreXmlRepository<SharedStorageDbContext>>(
            Fixture.Factory.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository);
        Fixture.Factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("a key exists");
        Assert.NotEqual(0, await Fixture.QueryAsync(db => db.Set<DataProtectionKey>().CountAsync()));
    }

    [Fact]
    public async Task A_nine_megabyte_document_round_trips_exactly_in_chunks_and_delete_removes_every_chunk()
    {
        var bytes = Pdf(9 * 1024 * 1024 + 123);

        await Store.SaveAsync("2027/06/large", new MemoryStream(bytes));

        Assert.Equal((1, bytes.Length / DatabaseDocumentStore.ChunkBytes + 1), await RowsAsync());
        var read = await ReadAllAsync(await Store.OpenReadAsync("2027/06/large"));
        Assert.Equal(bytes.Length, read.Length);
        Assert.True(Same(bytes, read), "The bytes read back differ from those stored.");

        await Store.DeleteAsync("2027/06/large");

        Assert.Equal((0, 0), await RowsAsync());
        await Assert.ThrowsAsync<FileNotFoundException>(() => Store.OpenReadAsync("2027/06/large"));
        await Store.DeleteAsync("2027/06/large"); // nothing there is not an error
    }

    [Fact]
    public async Task A_document_is_unreadable_while_it_is_stored_and_a_failed_or_aborted_store_leaves_nothing()
    {
        var bytes = Pdf(3 * DatabaseDocumentStore.ChunkBytes + 77);
        var failing = new PausingStream(bytes, pauseAt: 2 * DatabaseDocumentStore.ChunkBytes + 100);
        var saving = Store.SaveAsync("2027/06/failing", failing);
        await failing.Paused; // two chunks are written, in a transaction not yet committed

        await Assert.ThrowsAsync<FileNotFoundException>(() => Store.OpenReadAsync("2027/06/failing"));
        Assert.Equal((0, 0), await RowsAsync());
        failing.Resume(new IOException("The browser's connection was lost."));
        await Assert.ThrowsAsync<IOException>(() => saving);
        Assert.Equal((0, 0), await RowsAsync());
        Assert.False(await Store.ContainsAsync("2027/06/failing"));

        using var abort = new CancellationTokenSource();
        var aborted = new PausingStream(bytes, pauseAt: DatabaseDocumentStore.ChunkBytes + 1);
        var saveAborted = Store.SaveAsync("2027/06/aborted", aborted, abort.Token);
        await aborted.Paused;
        await abort.CancelAsync();
        aborted.Resume();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => saveAborted);
        Assert.Equal((0, 0), await RowsAsync());

        var whole = new PausingStream(bytes, pauseAt: DatabaseDocumentStore.ChunkBytes + 1);
        var saveWhole = Store.SaveAsync("2027/06/whole", whole);
        await whole.Paused;
        whole.Resume();
        await saveWhole;
        Assert.True(Same(bytes, await ReadAllAsync(await Store.OpenReadAsync("2027/06/whole"))));
    }

    [Fact]
    public async Task The_import_command_copies_a_documents_folder_into_the_database_once()
    {
        var folder = Path.Combine(Path.GetTempPath(), "registry-tests", $"import-{Guid.NewGuid():N}");
        var files = new FileSystemDocumentStore(folder);
        var documents = new Dictionary<string, byte[]>
        {
            [$"2026/11/{Guid.NewGuid():N}"] = Pdf(1000),
            [$"2026/11/{Guid.NewGuid():N}"] = Pdf(DatabaseDocumentStore.ChunkBytes * 2 + 5),
            [$"2027/01/{Guid.NewGuid():N}"] = Pdf(12),
        };
        foreach (var (key, bytes) in documents) await files.SaveAsync(key, new MemoryStream(bytes));
        await File.WriteAllTextAsync(Path.Combine(folder, "2026", "11", "unfinished.partial"), "half an upload");

        var first = await RunRegistryAsync("documents", "import", "--from", folder);

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains("Imported 3 documents", first.Output);
        foreach (var (key, bytes) in documents)
            Assert.True(Same(bytes, await ReadAllAsync(await Store.OpenReadAsync(key))), key);
        Assert.Equal(3, (await RowsAsync()).Documents);

        var second = await RunRegistryAsync("documents", "import", "--from", folder);

        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Contains("Imported 0 documents (0 bytes); skipped 3 already in the database; 0 failed.", second.Output);
        Assert.Equal(3, (await RowsAsync()).Documents);
        Assert.Equal(2, (await RunRegistryAsync("documents", "import")).ExitCode);
        Assert.Equal(1, (await RunRegistryAsync("documents", "import", "--from", Path.Combine(folder, "no-such-folder"))).ExitCode);
    }

    /// <summary>Runs the registry's own program, as an operator would (<c>dotnet Registry.Web.dll …</c>), on the tests' database.</summary>
    private async Task<(int ExitCode, string Output)> RunRegistryAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Registry.Web.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = Fixture.Factory.Database.Provider.ToString();
        start.Environment["ConnectionStrings__Registry"] = Fixture.Factory.Database.ConnectionString;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(3)); // a hung command fails the test rather than the run
        await process.WaitForExitAsync(patience.Token);
        return (process.ExitCode, await output + await errors);
    }

    /// <summary>Gives its bytes up to a point, then waits there until released, optionally to fail as a dropped upload does.</summary>
    private sealed class PausingStream(byte[] bytes, int pauseAt) : Stream
    {
        private readonly TaskCompletionSource _paused = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _resumed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _position;

        public Task Paused => _paused.Task;

        public void Resume(Exception? failure = null)
        {
            if (failure is null) _resumed.SetResult();
            else _resumed.SetException(failure);
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_position == pauseAt)
            {
                _paused.TrySetResult();
                await _resumed.Task;
                cancellationToken.ThrowIfCancellationRequested();
            }
            var end = _position < pauseAt ? pauseAt : bytes.Length;
            var count = Math.Min(buffer.Length, end - _position);
            bytes.AsMemory(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
