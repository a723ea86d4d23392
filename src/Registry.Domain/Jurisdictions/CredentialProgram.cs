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

    public const int RetirementReasonMaxLength = 500;

    /// <summary>The first day the program takes no new applications; null while it is open. Its credentials stay valid and renew.</summary>
    public DateOnly? RetiredOn { get; private set; }

    /// <summary>Why the state retired the program, in its own words; shown to staff only.</summary>
    public string? RetirementReason { get; private set; }

    /// <summary>Whether an application for the program may be started on <paramref name="day"/> (a day in the state's calendar).</summary>
    public bool AcceptsApplicationsOn(DateOnly day) => RetiredOn is not { } retiredOn || day < retiredOn;

    /// <summary>Stops new applications from <paramref name="effectiveOn"/>; existing credentials, renewals and open applications go on.</summary>
    public void Retire(DateOnly effectiveOn, string reason, DateOnly today)
    {
        if (RetiredOn is not null) throw new DomainRuleException($"{Name} is already retired.");
        if (effectiveOn < today) throw new DomainRuleException("A program is retired from today or a later day, not a past one.");
        var why = string.IsNullOrWhiteSpace(reason) ? "" : ReadableText.Normalise(reason);
        if (why.Length == 0) throw new DomainRuleException("Give the reason for retiring the program.");
        if (why.Length > RetirementReasonMaxLength) throw new DomainRuleException($"The reason is at most {RetirementReasonMaxLength} characters.");
        RetiredOn = effectiveOn;
        RetirementReason = why;
    }

    /// <summary>Undoes a retirement: the program takes new applications again.</summary>
    public void Reopen()
    {
        if (RetiredOn is null) throw new DomainRuleException($"{Name} is not retired.");
        RetiredOn = null;
        RetirementReason = null;
    }
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
