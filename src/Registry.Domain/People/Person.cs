using Registry.Domain.Common;
using Registry.Domain.Jurisdictions;

namespace Registry.Domain.People;

/// <summary>An applicant or certified peer. Contact and identity details that are private are marked so.</summary>
public sealed class Person
{
    private Person() { }

    public Person(string legalFirstName, string legalLastName, string email)
    {
        Id = Guid.CreateVersion7();
        Rename(legalFirstName, legalLastName, null);
        ChangeEmail(email);
    }

    public Guid Id { get; private set; }
    public string LegalFirstName { get; private set; } = "";
    public string LegalLastName { get; private set; } = "";
    public string? PreferredName { get; private set; }
    public string Email { get; private set; } = "";
    public string? Phone { get; private set; }

    [PrivateData] public DateOnly? DateOfBirth { get; private set; }
    [PrivateData] public PostalAddress? MailingAddress { get; private set; }

    /// <summary>The name shown on public records: legal first and last name.</summary>
    public string PublicName => $"{LegalFirstName} {LegalLastName}";

    public void Rename(string legalFirstName, string legalLastName, string? preferredName)
    {
        if (string.IsNullOrWhiteSpace(legalFirstName) || string.IsNullOrWhiteSpace(legalLastName))
            throw new DomainRuleException("Both a legal first name and a legal last name are needed.");
        LegalFirstName = legalFirstName.Trim();
        LegalLastName = legalLastName.Trim();
        PreferredName = string.IsNullOrWhiteSpace(preferredName) ? null : preferredName.Trim();
    }

    public void ChangeEmail(string email)
    {
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@')) throw new DomainRuleException("An e-mail address is needed.");
        Email = email.Trim();
    }

    public void UpdateContact(string? phone, DateOnly? dateOfBirth, PostalAddress? mailingAddress)
    {
        Phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        DateOfBirth = dateOfBirth;
        MailingAddress = mailingAddress;
    }
}

public sealed record PostalAddress(string Line1, string? Line2, string City, string County, StateCode State, string PostalCode);
