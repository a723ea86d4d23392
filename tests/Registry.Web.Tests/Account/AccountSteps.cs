using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Domain.Notifications;
using Registry.Infrastructure.Persistence;
using Registry.Testing;

namespace Registry.Web.Tests.Account;

/// <summary>What the account tests do through the real host: fill in forms, read the outbox, follow e-mailed links.</summary>
public static partial class AccountSteps
{
    public const string NewPassword = "Fresh-Start-Recovery-42";

    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        var form = await client.GetStringAsync(path);
        fields["__RequestVerificationToken"] = WebFixture.AntiforgeryToken(form);
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    public static Task<HttpResponseMessage> RegisterThroughPageAsync(HttpClient client, string email, string password = WebFixture.Password, string confirm = WebFixture.Password) =>
        PostFormAsync(client, "/Account/Register", new()
        {
            ["Input.LegalFirstName"] = "Dana",
            ["Input.LegalLastName"] = "Okafor",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = confirm,
        });

    public static Task<HttpResponseMessage> RegisterThroughApiAsync(HttpClient client, string email, string password = WebFixture.Password) =>
        client.PostAsJsonAsync("/api/v1/account/register", new { legalFirstName = "Dana", legalLastName = "Okafor", email, password });

    public static async Task<T> QueryAsync<T>(this WebFixture fixture, Func<RegistryDbContext, Task<T>> query)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<RegistryDbContext>());
    }

    public static Task<List<Notification>> OutboxAsync(this WebFixture fixture, string email) =>
        fixture.QueryAsync(db => db.Notifications.AsNoTracking().Where(n => n.RecipientEmail == email).OrderBy(n => n.CreatedAt).ToListAsync());

    /// <summary>Everything a registration writes, to show that a refused one wrote none of it.</summary>
    public static Task<(int Users, int People, int Notifications)> CountsAsync(this WebFixture fixture) =>
        fixture.QueryAsync(async db => (await db.Users.CountAsync(), await db.People.CountAsync(), await db.Notifications.CountAsync()));

    /// <summary>The site-relative address of the one link in an e-mail of the given template.</summary>
    public static async Task<string> LinkFromLatestAsync(this WebFixture fixture, string email, string template)
    {
        var message = (await fixture.OutboxAsync(email)).Last(n => n.Template == template);
        var link = Assert.Single(Link().Matches(message.Rendered().Text)).Value;
        return new Uri(link).PathAndQuery;
    }

    public static async Task ConfirmAsync(this WebFixture fixture, string email)
    {
        var page = await fixture.Client().GetStringAsync(await fixture.LinkFromLatestAsync(email, "confirm-email"));
        Assert.Contains("Your e-mail address is confirmed", page);
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
