using Registry.Domain.Common;

namespace Registry.Domain.Jurisdictions;

/// <summary>
/// A state (or DC) that certifies peer specialists through its own programs. Its time zone (an IANA id, where its
/// board sits) says what day it is for its credentials: see <see cref="RegistryDay"/>.
/// </summary>
public sealed class Jurisdiction
{
    private readonly List<CredentialProgram> _programs = [];

    private Jurisdiction() { }

    public Jurisdiction(StateCode code, string name, string timeZone)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A state needs a name.", nameof(name));
        Code = code;
        Name = ReadableText.Normalise(name);
        TimeZone = RegistryDay.Zone(timeZone.Trim()).Id;
    }

    public StateCode Code { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>The IANA time zone its credentials' dates are days in, such as <c>America/Chicago</c>.</summary>
    public string TimeZone { get; private set; } = "";

    /// <summary>The board applicants and holders write to, such as "Texas Certification Board"; null until the state gives it.</summary>
    public string? BoardName { get; private set; }

    public string? MailingAddress { get; private set; }

    /// <summary>Where applicants and holders reach the state's board with questions; null until the state gives it.</summary>
    public string? ContactEmail { get; private set; }

    public string? ContactPhone { get; private set; }

    public string? WebAddress { get; private set; }

    public BoardContact Contact => new(BoardName, MailingAddress, ContactEmail, ContactPhone, WebAddress);

    public void ChangeContact(BoardContact contact)
    {
        BoardName = Tidy(contact.BoardName);
        MailingAddress = Tidy(contact.MailingAddress);
        ContactEmail = Tidy(contact.Email);
        ContactPhone = Tidy(contact.Phone);
        WebAddress = Tidy(contact.WebAddress);
    }

    public void Rename(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A state needs a name.", nameof(name));
        Name = ReadableText.Normalise(name);
    }

    /// <summary>Moves the state to another zone; refused once it has credentials, whose dates are days in the old one.</summary>
    public void ChangeTimeZone(string timeZone, bool hasCredentials)
    {
        var zone = RegistryDay.Zone(timeZone.Trim()).Id;
        if (zone == TimeZone) return;
        if (hasCredentials)
            throw new DomainRuleException($"{Name} already has credentials, whose dates are days in {TimeZone}; its time zone can no longer change.");
        TimeZone = zone;
    }

    private static string? Tidy(string? text) => string.IsNullOrWhiteSpace(text) ? null : ReadableText.Normalise(text);

    public DateOnly Today(TimeProvider clock) => RegistryDay.Today(clock, TimeZone);
    public IReadOnlyList<CredentialProgram> Programs => _programs;

    public CredentialProgram AddProgram(string code, string name, ProgramRequirements requirements)
    {
        if (_programs.Any(p => p.Code.Equals(code, StringComparison.OrdinalIgnoreCase)))
            throw new DomainRuleException($"{Name} already has a program with the code {code}.");
        var program = new CredentialProgram(Code, code, name, requirements);
        _programs.Add(program);
        return program;
    }

    /// <summary>Whether a holder claiming their record must also give the date of birth on it (the state decides).</summary>
    public bool ClaimRequiresDateOfBirth { get; private set; }

    public void SetClaimRules(bool requireDateOfBirth) => ClaimRequiresDateOfBirth = requireDateOfBirth;
}

/// <summary>How applicants and holders reach a state's board; every part is optional.</summary>
public sealed record BoardContact(string? BoardName, string? MailingAddress, string? Email, string? Phone, string? WebAddress)
{
    public static readonly BoardContact None = new(null, null, null, null, null);
}
