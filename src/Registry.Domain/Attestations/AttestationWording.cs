using Registry.Domain.Common;

namespace Registry.Domain.Attestations;

public enum AttestationKind
{
    /// <summary>The applicant agrees to a statement (code of ethics, truthfulness, lived experience).</summary>
    Agreement,

    /// <summary>The applicant answers a self-disclosure question yes or no (e.g. criminal charges).</summary>
    Disclosure,
}

/// <summary>
/// One published version of the words an applicant signs. New wording is a new version; what someone
/// signed keeps its own copy of the text, so a later change never rewrites it.
/// </summary>
public sealed class AttestationWording
{
    private AttestationWording() { }

    public AttestationWording(string code, int version, AttestationKind kind, string title, string text, bool asksForStatement, DateTimeOffset publishedAt)
    {
        if (string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(title) || string.IsNullOrWhiteSpace(text))
            throw new DomainRuleException("Wording needs a code, a title and its text.");
        if (version < 1) throw new DomainRuleException("Wording versions start at 1.");
        Id = Guid.CreateVersion7();
        Code = code.Trim();
        Version = version;
        Kind = kind;
        Title = title.Trim();
        Text = text.Trim();
        AsksForStatement = asksForStatement;
        PublishedAt = publishedAt;
    }

    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";
    public int Version { get; private set; }
    public AttestationKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public string Text { get; private set; } = "";

    /// <summary>Lived experience asks for the applicant's own statement; disclosures ask for an explanation of a "yes".</summary>
    public bool AsksForStatement { get; private set; }

    public DateTimeOffset PublishedAt { get; private set; }
}

/// <summary>What an applicant signed, with a copy of the exact words and the time.</summary>
public sealed class SignedAttestation
{
    private SignedAttestation() { }

    internal SignedAttestation(Guid applicationId, AttestationWording wording, bool? disclosedYes, string? statement, DateTimeOffset signedAt)
    {
        Id = Guid.CreateVersion7();
        ApplicationId = applicationId;
        WordingId = wording.Id;
        Code = wording.Code;
        WordingVersion = wording.Version;
        Kind = wording.Kind;
        Title = wording.Title;
        SignedText = wording.Text;
        DisclosedYes = disclosedYes;
        Statement = statement;
        SignedAt = signedAt;
    }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public Guid WordingId { get; private set; }
    public string Code { get; private set; } = "";
    public int WordingVersion { get; private set; }
    public AttestationKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public string SignedText { get; private set; } = "";

    /// <summary>The answer to a disclosure question; null for an agreement.</summary>
    public bool? DisclosedYes { get; private set; }

    /// <summary>The lived-experience statement, or the explanation of a disclosure: never public.</summary>
    [PrivateData] public string? Statement { get; private set; }

    public DateTimeOffset SignedAt { get; private set; }
}
