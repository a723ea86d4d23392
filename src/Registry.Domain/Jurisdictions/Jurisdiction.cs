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

    /// <summary>Where applicants and holders reach the state's board with questions; null until the state gives it.</summary>
    public string? ContactEmail { get; private set; }

    public string? ContactPhone { get; private set; }

    public void ChangeContact(string? email, string? phone)
    {
        ContactEmail = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        ContactPhone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
    }

    public DateOnly Today(TimeProvider clock) => RegistryDay.Today(clock, TimeZone);
    public IReadOnlyList<CredentialProgram> Programs => _programs;

    public CredentialProgram AddProgram(string code, string name, ProgramRequirements requirements)
    {
        if (_programs.Any(p => p.Code.Equals(code, StringComparison.OrdinalIgnoreCase)))
            throw new Common.DomainRuleException($"{Name} already has a program with the code {code}.");
        var program = new CredentialProgram(Code, code, name, requirements);
        _programs.Add(program);
        return program;
    }

    /// <summary>Whether a holder claiming their record must also give the date of birth on it (the state decides).</summary>
    public bool ClaimRequiresDateOfBirth { get; private set; }

    public void SetClaimRules(bool requireDateOfBirth) => ClaimRequiresDateOfBirth = requireDateOfBirth;
}
