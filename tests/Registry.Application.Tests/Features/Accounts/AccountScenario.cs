using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Features.Accounts;
using Registry.Domain.Notifications;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Accounts;

/// <summary>Accounts made through the commands, and the links their e-mails carry.</summary>
public static partial class AccountScenario
{
    public const string Password = "Correct-Horse-Battery-9";

    public static Task RegisterAsync(this SliceFixture fixture, string email = "dana@test.example") =>
        fixture.SendAsync(new RegisterAccount.Command { LegalFirstName = "Dana", LegalLastName = "Okafor", Email = email, Password = Password }, TestUsers.Anonymous);

    public static async Task<Notification> LatestEmailAsync(this SliceFixture fixture, string email, string template) =>
        (await fixture.QueryAsync(db => db.Notifications.Where(n => n.RecipientEmail == email && n.Template == template).ToListAsync())).MaxBy(n => n.CreatedAt)!;

    /// <summary>The query values (userId, email, code) of the link in the latest e-mail of this kind.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> LinkAsync(this SliceFixture fixture, string email, string template)
    {
        var link = new Uri(Link().Match((await fixture.LatestEmailAsync(email, template)).Rendered().Text).Value);
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query).ToDictionary(q => q.Key, q => q.Value.ToString());
    }

    public static Task<bool> AuditedAsync(this SliceFixture fixture, string action, string? entityType = null) =>
        fixture.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == action && (entityType == null || a.EntityType == entityType)));

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
