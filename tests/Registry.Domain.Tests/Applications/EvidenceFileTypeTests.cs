using Registry.Domain.Common;
using Registry.Domain.Documents;
using Registry.Domain.Tests.Support;

namespace Registry.Domain.Tests.Applications;

public sealed class EvidenceFileTypeTests
{
    [Fact]
    public void The_type_comes_from_the_content_not_the_name()
    {
        Assert.Equal(EvidenceFileType.Pdf, EvidenceFileTypes.Detect("%PDF-1.7\n"u8));
        Assert.Equal(EvidenceFileType.Png, EvidenceFileTypes.Detect([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]));
        Assert.Equal(EvidenceFileType.Jpeg, EvidenceFileTypes.Detect([0xFF, 0xD8, 0xFF, 0xE0]));
        Assert.Null(EvidenceFileTypes.Detect("hello, I am a .pdf"u8));
        Assert.Null(EvidenceFileTypes.Detect([]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(EvidenceDocument.MaximumBytes + 1)]
    public void Empty_and_oversized_files_are_refused(long size) =>
        Assert.Throws<DomainRuleException>(() => new EvidenceDocument(Guid.NewGuid(), "x.pdf", EvidenceFileType.Pdf, size, "00", "k", Issued.Now));

    [Fact]
    public void The_stored_name_is_safe_and_carries_the_real_extension()
    {
        var document = new EvidenceDocument(Guid.NewGuid(), "../../etc/passwd<script>.pdf", EvidenceFileType.Png, 10, "00", "k", Issued.Now);
        Assert.Equal("passwdscript.png", document.FileName);
    }
}
