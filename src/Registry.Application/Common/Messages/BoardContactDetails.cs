namespace Registry.Application.Common.Messages;

/// <summary>Whom a person reaches with questions about a decision: the state's board and the ways to contact it, where the state gave them.</summary>
public sealed record BoardContactDetails(string Name, string? Email, string? Phone, string? WebAddress, string? MailingAddress)
{
    /// <summary>The board's contact in one plain sentence, or null when the state gave no way to reach it.</summary>
    public string? Sentence()
    {
        var ways = new List<string>();
        if (Email is not null) ways.Add($"e-mail {Email}");
        if (Phone is not null) ways.Add($"phone {Phone}");
        if (WebAddress is not null) ways.Add($"web {WebAddress}");
        if (MailingAddress is not null) ways.Add($"post to {MailingAddress}");
        return ways.Count == 0 ? null : $"Questions about this decision? Contact {Name}: {string.Join("; ", ways)}.";
    }
}
