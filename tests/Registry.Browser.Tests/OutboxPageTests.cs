using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Registry.Domain.Notifications;
using Registry.Infrastructure.Persistence;
using Registry.Infrastructure.Seeding;

using Registry.Testing;

namespace Registry.Browser.Tests;

[Collection(nameof(BrowserCollection))]
public sealed class OutboxPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_system_admin_finds_a_failed_message_and_retries_it()
    {
        var label = $"Undeliverable {Guid.NewGuid():N}";
        var recipient = $"bounce-{Guid.NewGuid():N}@test.example";
        var message = TestMessages.WithPrivateLink(recipient, label, "http://localhost/secret", fixture.Clock.GetUtcNow());
        for (var attempt = 0; attempt < Notification.MaxAttempts; attempt++) message.MarkFailed("550 5.1.1 Mailbox unavailable", fixture.Clock.GetUtcNow());
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            db.Notifications.Add(message);
            await db.SaveChangesAsync();
        }

        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mail address").FillAsync("admin@registry.example");
        await page.GetByLabel("Password").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Last.ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Outbox" }).ClickAsync();
        Assert.Equal("Outbox", await page.Locator("h1").InnerTextAsync());
        var row = page.Locator("tbody tr", new() { HasText = recipient });
        Assert.Contains("550 5.1.1 Mailbox unavailable", await row.InnerTextAsync());
        Assert.DoesNotContain("secret", await page.ContentAsync());
        await page.AssertAccessibleAsync();

        await row.GetByRole(AriaRole.Button, new() { Name = "Retry now" }).ClickAsync();
        Assert.Contains("queued again", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        await page.AssertAccessibleAsync();
    }
}
