using System.Net.Http.Json;
using Registry.Application.Common.Security;
using Registry.Application.Features.Accounts;

namespace Registry.Web.Tests.Account;

/// <summary>Issue #16 item 4, per account: at most three account mails of a kind to one address an hour; past that the same answer and no mail.</summary>
public sealed class AccountMailLimitsTests(WebFixture fixture) : WebTest(fixture)
{
    private async Task<int> MailsAsync(string email, string template) => (await Fixture.OutboxAsync(email)).Count(n => n.Template == template);

    [Fact]
    public async Task Three_reset_mails_an_hour_reach_an_address_and_the_fourth_request_hears_the_same_answer()
    {
        await Fixture.CreateUserAsync("peer@test.example", Roles.Applicant, personId: Guid.NewGuid());
        var answers = new List<string>();

        for (var request = 0; request < 5; request++)
            answers.Add(await (await Fixture.Client().PostAsJsonAsync("/api/v1/account/forgot-password", new { email = "peer@test.example" })).Content.ReadAsStringAsync());
        Assert.Equal(3, await MailsAsync("peer@test.example", "reset-password"));
        Assert.Single(answers.Distinct());

        Fixture.Factory.Clock.Advance(TimeSpan.FromMinutes(59));
        await AccountSteps.PostFormAsync(Fixture.Client(), "/Account/ForgotPassword", new() { ["Input.Email"] = "peer@test.example" });
        Assert.Equal(3, await MailsAsync("peer@test.example", "reset-password"));

        Fixture.Factory.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        await AccountSteps.PostFormAsync(Fixture.Client(), "/Account/ForgotPassword", new() { ["Input.Email"] = "peer@test.example" });
        Assert.Equal(4, await MailsAsync("peer@test.example", "reset-password"));
    }

    [Fact]
    public async Task Confirmation_resends_stop_at_three_confirmation_mails_an_hour_counting_the_registrations_own()
    {
        await AccountSteps.RegisterThroughApiAsync(Fixture.Client(), "dana@test.example");

        for (var request = 0; request < 4; request++)
            await Fixture.Client().PostAsJsonAsync("/api/v1/account/resend-confirmation", new { email = "dana@test.example" });

        Assert.Equal(AccountMailLimits.PerHour, await MailsAsync("dana@test.example", "confirm-email"));
    }

    [Fact]
    public async Task Registering_a_taken_address_again_and_again_tells_its_holder_three_times_an_hour()
    {
        await Fixture.CreateUserAsync("peer@test.example", Roles.Applicant, personId: Guid.NewGuid());

        for (var request = 0; request < 5; request++)
            await AccountSteps.RegisterThroughApiAsync(Fixture.Client(), "peer@test.example");

        Assert.Equal(AccountMailLimits.PerHour, await MailsAsync("peer@test.example", "already-registered"));
    }
}
