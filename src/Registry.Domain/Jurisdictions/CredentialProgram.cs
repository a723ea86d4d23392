using Registry.Domain.Common;
using Registry.Domain.Credentials;

namespace Registry.Domain.Jurisdictions;

/// <summary>A state's credential (e.g. Tennessee's Certified Peer Recovery Specialist) and its rules.</summary>
public sealed class CredentialProgram : IVersioned
{
    private CredentialProgram() { }

    internal CredentialProgram(StateCode state, string code, string name, ProgramRequirements requirements)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 12 || !code.All(char.IsAsciiLetterOrDigit))
            throw new DomainRuleException("A program code is 1 to 12 letters or digits.");
        if (string.IsNullOrWhiteSpace(name)) throw new DomainRuleException("A program needs a name.");
        Id = Guid.CreateVersion7();
        StateCode = state;
        Code = code.ToUpperInvariant();
        Name = ReadableText.Normalise(name);
        Requirements = requirements;
    }

    public Guid Id { get; private set; }
    public StateCode StateCode { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public ProgramRequirements Requirements { get; private set; } = null!;

    /// <summary>The sequence part of the last credential number issued; numbers are never reused.</summary>
    public int LastCredentialSequence { get; private set; }

    public int Version { get; private set; }

    /// <summary>The version of <see cref="Requirements"/> in force; an application is judged by the version it was submitted under.</summary>
    public int RequirementsVersion { get; private set; } = 1;

    /// <summary>Puts new requirements in force and returns the outgoing version, to be kept for applications already submitted under it.</summary>
    public ProgramRequirementsVersion ChangeRequirements(ProgramRequirements requirements, Guid actorUserId, DateTimeOffset at)
    {
        var outgoing = new ProgramRequirementsVersion(Id, RequirementsVersion, Requirements, actorUserId, at);
        Requirements = requirements;
        RequirementsVersion++;
        return outgoing;
    }

    public CredentialNumber AllocateCredentialNumber()
    {
        LastCredentialSequence++;
        return CredentialNumber.Create(StateCode, Code, LastCredentialSequence);
    }

    /// <summary>An imported number is kept, so new numbers continue after the highest one imported.</summary>
    public void KeepImportedNumber(CredentialNumber number)
    {
        if (!number.Value.StartsWith($"{StateCode.Value}-{Code}-", StringComparison.Ordinal))
            throw new DomainRuleException($"Credential number {number} is not a number of program {Code}.");
        LastCredentialSequence = Math.Max(LastCredentialSequence, number.Sequence);
    }

    public bool AcceptsByReciprocity(Guid otherProgramId) => Requirements.ReciprocityProgramIds.Contains(otherProgramId);
}

/// <summary>A superseded version of a program's requirements, kept so earlier applications are judged by their own rules.</summary>
public sealed class ProgramRequirementsVersion
{
    private ProgramRequirementsVersion() { }

    internal ProgramRequirementsVersion(Guid programId, int version, ProgramRequirements requirements, Guid supersededByUserId, DateTimeOffset supersededAt)
    {
        Id = Guid.CreateVersion7();
        ProgramId = programId;
        Version = version;
        Requirements = requirements;
        SupersededByUserId = supersededByUserId;
        SupersededAt = supersededAt;
    }

    public Guid Id { get; private set; }
    public Guid ProgramId { get; private set; }
    public int Version { get; private set; }
    public ProgramRequirements Requirements { get; private set; } = null!;
    public Guid SupersededByUserId { get; private set; }
    public DateTimeOffset SupersededAt { get; private set; }
}
