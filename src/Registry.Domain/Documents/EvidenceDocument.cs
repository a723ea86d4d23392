using Registry.Domain.Common;

namespace Registry.Domain.Documents;

/// <summary>An uploaded proof (certificate, letter). The bytes live in the document store under <see cref="StorageKey"/>.</summary>
public sealed class EvidenceDocument
{
    public const long MaximumBytes = 10 * 1024 * 1024;

    private EvidenceDocument() { }

    public EvidenceDocument(Guid ownerPersonId, string fileName, EvidenceFileType type, long sizeBytes, string sha256, string storageKey, DateTimeOffset uploadedAt)
    {
        if (sizeBytes <= 0) throw new DomainRuleException("The file is empty.");
        if (sizeBytes > MaximumBytes) throw new DomainRuleException("The file is larger than 10 MB.");
        Id = Guid.CreateVersion7();
        OwnerPersonId = ownerPersonId;
        FileName = SafeName(fileName, type);
        Type = type;
        SizeBytes = sizeBytes;
        Sha256 = sha256;
        StorageKey = storageKey;
        UploadedAt = uploadedAt;
    }

    public Guid Id { get; private set; }
    public Guid OwnerPersonId { get; private set; }
    public string FileName { get; private set; } = "";
    public EvidenceFileType Type { get; private set; }
    public long SizeBytes { get; private set; }
    public string Sha256 { get; private set; } = "";
    public string StorageKey { get; private set; } = "";
    public DateTimeOffset UploadedAt { get; private set; }

    public string ContentType => Type.ContentType();

    /// <summary>The name shown and offered on download: no path, no odd characters, the right extension.</summary>
    private static string SafeName(string fileName, EvidenceFileType type)
    {
        var name = Path.GetFileNameWithoutExtension(fileName ?? "");
        var cleaned = new string(name.Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '.').ToArray()).Trim();
        if (cleaned.Length == 0) cleaned = "evidence";
        if (cleaned.Length > 100) cleaned = cleaned[..100];
        return cleaned + type.Extension();
    }
}

public enum EvidenceFileType
{
    Pdf,
    Png,
    Jpeg,
}

public static class EvidenceFileTypes
{
    /// <summary>The type a file really is, read from its first bytes; null when it is none of PDF, PNG or JPEG.</summary>
    public static EvidenceFileType? Detect(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith("%PDF-"u8)) return EvidenceFileType.Pdf;
        if (header.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return EvidenceFileType.Png;
        if (header.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return EvidenceFileType.Jpeg;
        return null;
    }

    public static string ContentType(this EvidenceFileType type) => type switch
    {
        EvidenceFileType.Pdf => "application/pdf",
        EvidenceFileType.Png => "image/png",
        _ => "image/jpeg",
    };

    public static string Extension(this EvidenceFileType type) => type switch
    {
        EvidenceFileType.Pdf => ".pdf",
        EvidenceFileType.Png => ".png",
        _ => ".jpg",
    };
}
