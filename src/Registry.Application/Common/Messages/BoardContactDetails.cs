namespace Registry.Application.Common.Messages;

/// <summary>Whom a person reaches with questions about a decision: the state's board and the ways to contact it, where the state gave them.</summary>
public sealed record BoardContactDetails(string Name, string? Email, string? Phone, string? WebAddress, string? MailingAddress)
{
    public const string AboutDecision = "Questions about this decision?";

    /// <summary>The board's contact in one plain sentence after the opening given, or null when the state gave no way to reach it.</summary>
    public string? Sentence(string opening = AboutDecision)
    {
        var ways = new List<string>();
        if (Email is not null) ways.Add($"e-mail {Email}");
        if (Phone is not null) ways.Add($"phone {Phone}");
        if (WebAddress is not null) ways.Add($"web {WebAddress}");
        if (MailingAddress is not null) ways.Add($"post to {MailingAddress}");
        return ways.Count == 0 ? null : $"{opening} Contact {Name}: {string.Join("; ", ways)}.";
    }
}
