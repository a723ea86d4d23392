using System.Security.Cryptography;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Features.Records;
using Registry.Domain.Applications;
using Registry.Domain.Documents;
using Registry.Infrastructure.Documents;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Records;

/// <summary>Evidence is what its bytes say it is, at most 10 MB, and only its owner and the staff of the states it is attached in may read it.</summary>
public sealed class EvidenceTests(SliceFixture fixture) : SliceTest(fixture)
{
    public static readonly byte[] Pdf = [.. "%PDF-1.7\n% certificate\n"u8, .. new byte[200]];
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[100]];

    /// <summary>The files the host's store holds: in its folder on SQLite, in the database on PostgreSQL (each provider's default).</summary>
    private async Task<int> StoredFilesAsync() => Fixture.GetService<IDocumentStore>() switch
    {
        FileSystemDocumentStore folder => Directory.Exists(folder.Root) ? Directory.GetFiles(folder.Root, "*", SearchOption.AllDirectories).Length : 0,
        DatabaseDocumentStore => await Fixture.CountAsync<StoredDocument>(),
        var other => throw new InvalidOperationException($"Unknown document store {other.GetType().Name}."),
    };

    private static UploadEvidence.Command File(byte[] bytes, string name) => new(new MemoryStream(bytes), name, bytes.Length);

    private async Task<string> ReadAllAsync(DownloadEvidence.Model download)
    {
        await using var content = download.Content;
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy);
        return Convert.ToHexStringLower(SHA256.HashData(copy.ToArray()));
    }

    [Fact]
    public async Task A_pdf_is_stored_with_its_hash_and_read_back_by_its_owner()
    {
        var scenario = await RecordsScenario.ArrangeAsync(Fixture);
        var filesBefore = await StoredFilesAsync();

        var uploaded = await Fixture.SendAsync(File(Pdf, "../../etc/My certificate.pdf"), scenario.AsApplicant);

        var expectedHash = Convert.ToHexStringLower(SHA256.HashData(Pdf));
        Assert.Equal((EvidenceFileType.Pdf, "My certificate.pdf", expectedHash), (uploaded.Type, uploaded.FileName, uploaded.Sha256));
        Assert.Equal(filesBefore + 1, await StoredFilesAsync());
        var saved = await Fixture.QueryAsync(db => db.Documents.SingleAsync());
        Assert.Equal((scenario.Applicant.Id, (long)Pdf.Length), (saved.OwnerPersonId, saved.SizeBytes));
        Assert.DoesNotContain("certificate", saved.StorageKey); // keys never come from the user
        var download = await Fixture.SendAsync(new DownloadEvidence.Query(uploaded.DocumentId), scenario.AsApplicant);
        Assert.Equal("application/pdf", download.ContentType);
        Assert.Equal(expectedHash, await ReadAllAsync(download));
    }

    [Fact]
    public async Task A_png_named_pdf_is_kept_as_a_png()
    {
        var scenario = await RecordsScenario.ArrangeAsync(Fixture);

        var uploaded = await Fixture.SendAsync(File(Png, "scan.pdf"), scenario.AsApplicant);

        Assert.Equal((EvidenceFileType.Png, "scan.png"), (uploaded.Type, uploaded.FileName));
    }

    public static TheoryData<byte[], long, string> Refused() => new()
    {
        { "Just some text, not a PDF at all."u8.ToArray(), 33, "not a PDF, PNG or JPEG" },
        { [], 0, "empty" },
        { new byte[EvidenceDocument.MaximumBytes + 1], EvidenceDocument.MaximumBytes + 1, "larger than 10 MB" },
        // The declared length lies: the bytes are what count.
        { [.. "%PDF-"u8, .. new byte[EvidenceDocument.MaximumBytes]], 1000, "larger than 10 MB" },
        { [], 500, "empty" },
    };

    [Theory]
    [MemberData(nameof(Refused), DisableDiscoveryEnumeration = true)]
    public async Task A_file_that_is_not_what_it_claims_empty_or_too_large_is_refused_and_nothing_is_kept(byte[] bytes, long declaredLength, string reason)
    {
        var scenario = await RecordsScenario.ArrangeAsync(Fixture);
        var filesBefore = await StoredFilesAsync();

        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            Fixture.SendAsync(new UploadEvidence.Command(new MemoryStream(bytes), "certificate.pdf", declaredLength), scenario.AsApplicant));

        Assert.Contains(refused.Errors, e => e.PropertyName == "Evidence" && e.ErrorMessage.Contains(reason));
        Assert.Equal(0, await Fixture.CountAsync<EvidenceDocument>());
        Assert.Equal(filesBefore, await StoredFilesAsync());
    }

    [Fact]
    public async Task When_the_row_cannot_be_saved_the_stored_bytes_are_removed()
    {
        await RecordsScenario.ArrangeAsync(Fixture);
        var filesBefore = await StoredFilesAsync();
        var noSuchPerson = TestUsers.Applicant(Guid.NewGuid()); // the owner's row is missing, so the save fails

        await Assert.ThrowsAnyAsync<Exception>(() => Fixture.SendAsync(File(Pdf, "certificate.pdf"), noSuchPerson));

        Assert.Equal(0, await Fixture.CountAsync<EvidenceDocument>());
        Assert.Equal(filesBefore, await StoredFilesAsync());
    }

    [Fact]
    public async Task Training_can_point_at_the_applicants_own_evidence_only()
    {
        var scenario = await RecordsScenario.ArrangeAsync(Fixture);
        var mine = await Fixture.SendAsync(File(Pdf, "mine.pdf"), scenario.AsApplicant);
        var theirs = await Fixture.SendAsync(File(Pdf, "theirs.pdf"), TestUsers.Applicant(scenario.OtherApplicant.Id));
        AddTrainingRecord.Command Course(Guid documentId) => new()
        {
            ApplicationId = scenario.Draft.Id, Course = "Ethics", Provider = "State", Hours = 6, CompletedOn = RecordsScenario.Today.AddDays(-3), EvidenceDocumentId = documentId,
        };

        var refused = await Assert.ThrowsAsync<ValidationException>(() => Fixture.SendAsync(Course(theirs.DocumentId), scenario.AsApplicant));
        await Fixture.SendAsync(Course(mine.DocumentId), scenario.AsApplicant);

        Assert.Equal("EvidenceDocumentId", Assert.Single(refused.Errors).PropertyName);
        Assert.Equal(mine.DocumentId, await Fixture.QueryAsync(db => db.Set<TrainingRecord>().Select(t => t.EvidenceDocumentId).SingleAsync()));
    }

    [Fact]
    public async Task Evidence_is_read_by_its_owner_their_states_staff_and_system_administrators_only()
    {
        var scenario = await RecordsScenario.ArrangeAsync(Fixture); // the applicant has applied in Tennessee only
        var uploaded = await Fixture.SendAsync(File(Pdf, "certificate.pdf"), scenario.AsApplicant);
        var query = new DownloadEvidence.Query(uploaded.DocumentId);
        // Staff see a file once it is attached to a record of an application in their state.
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.SendAsync(query, TestUsers.Reviewer("TN")));
        await Fixture.SendAsync(new AddTrainingRecord.Command
        {
            ApplicationId = scenario.Draft.Id, Course = "Ethics", Provider = "State", Hours = 6, CompletedOn = RecordsScenario.Today.AddDays(-3), EvidenceDocumentId = uploaded.DocumentId,
        }, scenario.AsApplicant);

        foreach (var allowed in new[] { scenario.AsApplicant, TestUsers.Reviewer("TN"), TestUsers.StateAdmin("TN"), TestUsers.SystemAdmin() })
            (await Fixture.SendAsync(query, allowed)).Content.Dispose();

        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.SendAsync(query, TestUsers.Applicant(scenario.OtherApplicant.Id)));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.SendAsync(query, TestUsers.Reviewer("PA")));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.SendAsync(new DownloadEvidence.Query(Guid.NewGuid()), scenario.AsApplicant));
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(query, TestUsers.Employer(Guid.NewGuid())));
    }
}
