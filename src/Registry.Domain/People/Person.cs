using Registry.Domain.Common;
using Registry.Domain.Jurisdictions;

namespace Registry.Domain.People;

/// <summary>An applicant or certified peer. Contact and identity details that are private are marked so.</summary>
public sealed class Person
{
    private readonly List<ResidenceChange> _residenceHistory = [];

    private Person() { }

    /// <summary>A person with no e-mail address is one whose record came from a state's old register without one.</summary>
    public Person(string legalFirstName, string legalLastName, string? email)
    {
        Id = Guid.CreateVersion7();
        Rename(legalFirstName, legalLastName, null);
        if (!string.IsNullOrWhiteSpace(email)) ChangeEmail(email);
    }

    public Guid Id { get; private set; }
    public string LegalFirstName { get; private set; } = "";
    public string LegalLastName { get; private set; } = "";
    public string? PreferredName { get; private set; }
    /// <summary>Null only for a record imported without one: such a holder claims it with a code the state gives them.</summary>
    public string? Email { get; private set; }
    public string? Phone { get; private set; }

    [PrivateData] public DateOnly? DateOfBirth { get; private set; }
    [PrivateData] public PostalAddress? MailingAddress { get; private set; }

    /// <summary>Where the person lived (state and county), from which date: workforce counts by county read it as of a period's end.</summary>
    public IReadOnlyList<ResidenceChange> ResidenceHistory => _residenceHistory;

    /// <summary>The number of residence changes recorded, so a new one is numbered without loading the others.</summary>
    public int ResidenceChangeCount { get; private set; }

    /// <summary>
    /// The holder's individual National Provider Identifier (<see cref="People.Npi"/>), public as NPPES makes it: it
    /// appears on the verification answer and the roster, for plans that verify certification before paying.
    /// </summary>
    public string? Npi { get; private set; }

    /// <summary>Whether the holder's NPI is registered with the peer specialist taxonomy, <see cref="People.Npi.PeerSpecialistTaxonomy"/>.</summary>
    public bool NpiHasPeerSpecialistTaxonomy { get; private set; }

    /// <summary>The name shown on public records: legal first and last name.</summary>
    public string PublicName => $"{LegalFirstName} {LegalLastName}";

    public void Rename(string legalFirstName, string legalLastName, string? preferredName)
    {
        if (string.IsNullOrWhiteSpace(legalFirstName) || string.IsNullOrWhiteSpace(legalLastName))
            throw new DomainRuleException("Both a legal first name and a legal last name are needed.");
        LegalFirstName = ReadableText.Normalise(legalFirstName);
        LegalLastName = ReadableText.Normalise(legalLastName);
        PreferredName = string.IsNullOrWhiteSpace(preferredName) ? null : ReadableText.Normalise(preferredName);
    }

    /// <summary>Records the holder's NPI and whether it carries the peer specialist taxonomy; no NPI clears both.</summary>
    public void RecordNpi(Npi? npi, bool peerSpecialistTaxonomy)
    {
        if (npi is null && peerSpecialistTaxonomy) throw new DomainRuleException("A taxonomy goes with an NPI: enter the NPI too.");
        Npi = npi?.Value;
        NpiHasPeerSpecialistTaxonomy = npi is not null && peerSpecialistTaxonomy;
    }

    public void ChangeEmail(string email)
    {
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@')) throw new DomainRuleException("An e-mail address is needed.");
        Email = email.Trim();
    }

    /// <summary>
    /// Changes the contact details. A move to another state or county is recorded in the residence history
    /// from <paramref name="changedOn"/>; without a date (seeding, tests) the address counts from the start of records.
    /// </summary>
    public void UpdateContact(string? phone, DateOnly? dateOfBirth, PostalAddress? mailingAddress, DateOnly? changedOn = null)
    {
        Phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        DateOfBirth = dateOfBirth;
        var county = string.IsNullOrWhiteSpace(mailingAddress?.County) ? null : mailingAddress.County.Trim();
        var moved = MailingAddress?.State != mailingAddress?.State || MailingAddress?.CountyCode != mailingAddress?.CountyCode
            || !string.Equals(MailingAddress?.County?.Trim(), county, StringComparison.OrdinalIgnoreCase);
        MailingAddress = mailingAddress;
        if (!moved) return;
        ResidenceChangeCount++;
        _residenceHistory.Add(new ResidenceChange(Id, ResidenceChangeCount, mailingAddress?.State, county, mailingAddress?.CountyCode, changedOn ?? DateOnly.MinValue));
    }

    /// <summary>Gives an address whose county was given as text, before counties were codes, the code that text matched. Not a move.</summary>
    public void MatchCounty(CountyCode county)
    {
        if (MailingAddress is { CountyCode: null } address) MailingAddress = address with { CountyCode = county };
    }
}

/// <summary>
/// A mailing address. <see cref="CountyCode"/> is the county chosen from the Census list and <see cref="County"/> its name;
/// an address given before counties were codes keeps the text given, with the code it was matched to, or none.
/// </summary>
public sealed record PostalAddress(string Line1, string? Line2, string City, string County, StateCode State, string PostalCode, CountyCode? CountyCode = null)
{
    private readonly CountyCode? _countyCode = InState(CountyCode, State);

    public CountyCode? CountyCode { get => _countyCode; init => _countyCode = InState(value, State); }

    /// <summary>An address in a county from the list: its state is the county's, its county text the county's name.</summary>
    public static PostalAddress InCounty(string line1, string? line2, string city, CountyCode county, string postalCode) =>
        new(line1, line2, city, Counties.Name(county), county.State, postalCode, county);

    private static CountyCode? InState(CountyCode? county, StateCode state) =>
        county is { } code && code.State != state ? throw new DomainRuleException($"{Counties.Label(code)} is not in {state}.") : county;
}

/// <summary>One entry of a person's append-only residence history: the state and county they lived in from a date (null when no address was given).</summary>
public sealed class ResidenceChange
{
    private ResidenceChange() { }

    internal ResidenceChange(Guid personId, int sequence, StateCode? state, string? county, CountyCode? countyCode, DateOnly effectiveOn)
    {
        Id = Guid.CreateVersion7();
        PersonId = personId;
        Sequence = sequence;
        StateCode = state;
        County = county;
        CountyCode = countyCode;
        EffectiveOn = effectiveOn;
    }

    public Guid Id { get; private set; }
    public Guid PersonId { get; private set; }
    public int Sequence { get; private set; }
    public StateCode? StateCode { get; private set; }
    /// <summary>The county as given; for an address from before counties were codes, free text.</summary>
    [PrivateData] public string? County { get; private set; }
    /// <summary>The county from the Census list; null when none was given or old free text matched none.</summary>
    [PrivateData] public CountyCode? CountyCode { get; private set; }
    public DateOnly EffectiveOn { get; private set; }
}
