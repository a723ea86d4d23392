using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Features.Accounts;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Accounts;

public sealed class ConfirmEmailTests(SliceFixture fixture) : SliceTest(fixture)
{
    [Fact]
    public async Task The_emailed_link_confirms_the_address_and_a_broken_code_is_a_field_error()
    {
        await Fixture.RegisterAsync();
        var link = await Fixture.LinkAsync("dana@test.example", "confirm-email");

        var broken = await Assert.ThrowsAsync<ValidationException>(() =>
            Fixture.SendAsync(new ConfirmEmail.Command { UserId = link["userId"], Code = "AAAA" }, TestUsers.Anonymous));
        var noUser = await Assert.ThrowsAsync<ValidationException>(() =>
            Fixture.SendAsync(new ConfirmEmail.Command { UserId = "not-a-guid", Code = link["code"] }, TestUsers.Anonymous));
        await Fixture.SendAsync(new ConfirmEmail.Command { UserId = link["userId"], Code = link["code"] }, TestUsers.Anonymous);

        Assert.Equal(("Code", ConfirmEmail.InvalidLink), (Assert.Single(broken.Errors).PropertyName, broken.Errors.Single().ErrorMessage));
        Assert.Equal("Code", Assert.Single(noUser.Errors).PropertyName);
        Assert.True(await Fixture.QueryAsync(db => db.Users.Select(u => u.EmailConfirmed).SingleAsync()));
        Assert.True(await Fixture.AuditedAsync("ConfirmEmail", "RegistryUser"));
    }

    [Fact]
    public async Task A_new_link_goes_only_to_an_account_waiting_for_confirmation()
    {
        await Fixture.RegisterAsync();

        await Fixture.SendAsync(new ResendConfirmation.Command { Email = "nobody@test.example" }, TestUsers.Anonymous);
        Assert.False(await Fixture.AuditedAsync("ResendConfirmation"));
        await Fixture.SendAsync(new ResendConfirmation.Command { Email = " dana@test.example " }, TestUsers.Anonymous);
        var link = await Fixture.LinkAsync("dana@test.example", "confirm-email");
        await Fixture.SendAsync(new ConfirmEmail.Command { UserId = link["userId"], Code = link["code"] }, TestUsers.Anonymous);
        await Fixture.SendAsync(new ResendConfirmation.Command { Email = "dana@test.example" }, TestUsers.Anonymous);

        Assert.Equal(2, await Fixture.CountAsync<Domain.Notifications.Notification>()); // registration + one resend; none once confirmed
        Assert.True(await Fixture.AuditedAsync("ResendConfirmation", "Notification"));
        var refused = await Assert.ThrowsAsync<ValidationException>(() => Fixture.SendAsync(new ResendConfirmation.Command { Email = "" }, TestUsers.Anonymous));
        Assert.Equal("Enter your e-mail address.", Assert.Single(refused.Errors).ErrorMessage);
    }
}
