using Registry.Domain.Attestations;

namespace Registry.Infrastructure.Seeding;

/// <summary>
/// The first published wording of the attestations and disclosures programs ask for. Changing a text
/// means adding a new version here, never editing one: signatures keep the words they were given.
/// </summary>
public static class StandardWordings
{
    public static IEnumerable<AttestationWording> All(DateTimeOffset publishedAt) =>
    [
        new("lived-experience", 1, AttestationKind.Agreement, "Lived experience",
            "I have my own lived experience of recovery from mental health conditions, trauma or substance use, and I am willing to share it, " +
            "as I choose, to support others in their recovery. My statement below is private: only the registry's staff of my state will read it.",
            asksForStatement: true, publishedAt),
        new("code-of-ethics", 1, AttestationKind.Agreement, "Code of ethics",
            "I have read the program's code of ethics for peer specialists and I agree to follow it in my work, including respect for the people I support, " +
            "their self-determination and their privacy.",
            asksForStatement: false, publishedAt),
        new("truthfulness", 1, AttestationKind.Agreement, "Truthfulness of this application",
            "Everything I have entered in this application is true and complete to the best of my knowledge. I understand that false information " +
            "may lead to denial or to discipline of a credential.",
            asksForStatement: false, publishedAt),
        new("criminal-history", 1, AttestationKind.Disclosure, "Criminal charges",
            "Are there criminal charges pending against you, or have you been convicted of a felony in the last five years? " +
            "A \"yes\" does not by itself prevent certification; please explain so that staff can consider your circumstances.",
            asksForStatement: false, publishedAt),
    ];
}
