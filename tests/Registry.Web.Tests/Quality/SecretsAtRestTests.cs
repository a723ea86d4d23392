using System.Net;
using System.Net.Http.Headers;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Application.Common.Security;
using Registry.Infrastructure.Persistence;
using Registry.Testing;
using Registry.Web.Tests.Records;

namespace Registry.Web.Tests.Quality;

/// <summary>
/// What the registry keeps on disk is the service user's alone (folders 0700, files 0600): the Data Protection key
/// ring, the SQLite database with the files SQLite makes beside it, and uploaded evidence. With a certificate
/// configured the ring's key secrets are encrypted to it, in the folder and in the database alike.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class SecretsAtRestTests
{
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const string UnprotectedWarning = "DataProtection:CertificatePath";

    /// <summary>A folder of the test's own that does not exist yet, so the host creates what is inside it.</summary>
    private static string NewFolder() => Path.Combine(Path.GetTempPath(), "registry-tests", $"at-rest-{Guid.NewGuid():N}");

    private static RegistryFactory Host(string folder, params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Registry"] = $"Data Source={Path.Combine(folder, "data", "registry.db")}",
            ["DataProtection:KeysFolder"] = Path.Combine(folder, "keys"),
        };
        foreach (var (key, value) in settings) all[key] = value;
        return new RegistryFactory(TestDatabase.Sqlite("at-rest"), settings: all);
    }

    private static void AssertMode(UnixFileMode expected, string path) =>
        Assert.True(File.GetUnixFileMode(path) == expected, $"{path} is {File.GetUnixFileMode(path)}, not {expected}.");

    [Fact]
    public async Task The_key_ring_the_SQLite_database_and_uploaded_evidence_are_readable_by_the_service_user_only()
    {
        var folder = NewFolder();
        await using var factory = Host(folder);
        var web = new WebFixture(factory);
        var person = TestData.Person();
        await web.InsertAsync(person);
        await web.CreateUserAsync("applicant@test.example", Roles.Applicant, personId: person.Id);
        var evidence = new ByteArrayContent(RecordsWebScenario.Pdf);
        evidence.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var uploaded = await (await web.ApiClientAsync("applicant@test.example")).PostAsync("/api/v1/documents",
            new MultipartFormDataContent { { evidence, "evidence", "certificate.pdf" } });
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);

        var keys = Path.Combine(folder, "keys");
        AssertMode(Folder, keys);
        Assert.NotEmpty(Directory.GetFiles(keys, "*.xml"));
        Assert.All(Directory.GetFiles(keys), key => AssertMode(File600, key));

        var database = Path.Combine(folder, "data", "registry.db");
        AssertMode(Folder, Path.GetDirectoryName(database)!);
        AssertMode(File600, database);
        // SQLite gives the files it makes beside the database the database's mode: here the write-ahead log and its index.
        await using (var connection = new SqliteConnection($"Data Source={database};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode=WAL; SELECT count(*) FROM \"AspNetUsers\";";
            await wal.ExecuteScalarAsync();
            Assert.All(new[] { database + "-wal", database + "-shm" }, file => AssertMode(File600, file));
        }

        var documents = factory.DocumentsRoot;
        var stored = Assert.Single(Directory.GetFiles(documents, "*", SearchOption.AllDirectories));
        AssertMode(File600, stored);
        for (var parent = Path.GetDirectoryName(stored)!; parent.Length >= documents.Length; parent = Path.GetDirectoryName(parent)!)
            AssertMode(Folder, parent);
        Assert.Contains(factory.Log.Entries, e => e.Message.Contains(UnprotectedWarning));
    }

    [Theory]
    [InlineData("FileSystem")]
    [InlineData("Database")]
    public async Task A_key_ring_protected_by_a_certificate_round_trips_and_stores_no_plaintext_master_key(string store)
    {
        var folder = NewFolder();
        Directory.CreateDirectory(folder);
        var certificate = Path.Combine(folder, "key-ring.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=Registry key ring test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var selfSigned = request.CreateSelfSigned(TestClock.Start.AddDays(-1), TestClock.Start.AddYears(5));
            await File.WriteAllBytesAsync(certificate, selfSigned.Export(X509ContentType.Pkcs12, "pfx-password"));
        }
        (string, string)[] settings =
            [("DataProtection:Store", store), ("DataProtection:CertificatePath", certificate), ("DataProtection:CertificatePassword", "pfx-password")];

        string protectedText;
        IReadOnlyList<string> storedKeys;
        await using (var first = Host(folder, settings))
        {
            protectedText = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("at-rest").Protect("a secret");
            if (store == "FileSystem")
                storedKeys = Directory.GetFiles(Path.Combine(folder, "keys"), "*.xml").Select(File.ReadAllText).ToList();
            else
            {
                await using var shared = await first.Services.GetRequiredService<IDbContextFactory<SharedStorageDbContext>>().CreateDbContextAsync();
                storedKeys = await shared.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
            }
            Assert.DoesNotContain(first.Log.Entries, e => e.Message.Contains(UnprotectedWarning));
        }

        Assert.NotEmpty(storedKeys);
        Assert.All(storedKeys, xml =>
        {
            Assert.Contains("<encryptedSecret", xml);
            Assert.DoesNotContain("<masterKey", xml);
        });
        // Another start reads the ring back through the certificate alone (no certificate store).
        await using var second = Host(folder, settings);
        Assert.Equal("a secret", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("at-rest").Unprotect(protectedText));
    }
}
