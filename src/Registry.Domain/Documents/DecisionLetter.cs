using Registry.Domain.Common;
using Registry.Domain.Jurisdictions;

namespace Registry.Domain.Documents;

/// <summary>Which decision a letter tells about.</summary>
public enum DecisionLetterKind
{
    Approval,
    Denial,
    InformationRequest,
    DisciplineNotice,
    DisciplineDecision,
}

/// <summary>
/// The formal letter a person was sent about a decision, kept as the exact PDF that went out: it is written once,
/// when the decision is made, and never regenerated, so later changes to the program's wording or the board's
/// contact do not change what the person was told. It belongs to an application (approval, denial, request for
/// information) or to a discipline case on a credential (notice, decision); <see cref="NotificationId"/> is the
/// e-mail it was attached to, when the person has an e-mail address.
/// </summary>
public sealed class DecisionLetter
{
    /// <summary>A letter is a few pages of text in an embedded subset of one font: tens of kilobytes.</summary>
    public const int MaximumBytes = 1024 * 1024;

    private DecisionLetter() { }

    public DecisionLetter(Guid personId, StateCode stateCode, DecisionLetterKind kind, Guid? applicationId, Guid? credentialId, Guid? disciplineCaseId,
        string fileName, byte[] pdf, DateTimeOffset createdAt)
    {
        if (applicationId is null && disciplineCaseId is null) throw new ArgumentException("A letter belongs to an application or a discipline case.");
        if (pdf.Length is 0 or > MaximumBytes) throw new ArgumentException("A letter is between one byte and a megabyte.", nameof(pdf));
        Id = Guid.CreateVersion7();
        PersonId = personId;
        StateCode = stateCode;
        Kind = kind;
        ApplicationId = applicationId;
        CredentialId = credentialId;
        DisciplineCaseId = disciplineCaseId;
        FileName = fileName;
        Pdf = pdf;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    /// <summary>The person the letter is addressed to.</summary>
    public Guid PersonId { get; private set; }

    /// <summary>The state whose board wrote it; its staff may download it.</summary>
    public StateCode StateCode { get; private set; }

    public DecisionLetterKind Kind { get; private set; }
    public Guid? ApplicationId { get; private set; }
    public Guid? CredentialId { get; private set; }
    public Guid? DisciplineCaseId { get; private set; }

    /// <summary>The e-mail the letter went with; null when the person has no e-mail address (the board posts it).</summary>
    public Guid? NotificationId { get; private set; }

    public string FileName { get; private set; } = "";

    /// <summary>The PDF as sent. It holds the decision's reasons, so it is private to the person and their state's staff.</summary>
    [PrivateData] public byte[] Pdf { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public void AttachTo(Guid notificationId) => NotificationId = notificationId;
}
