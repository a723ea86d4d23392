using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Features.Accounts;
using Registry.Infrastructure.Identity;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Accounts;

public sealed class ResetPasswordTests(SliceFixture fixture) : SliceTest(fixture)
{
    private const string NewPassword = "Brand-New-Password-42";

    private Task<bool> PasswordIsAsync(string password) =>
        Fixture.RunAsync<UserManager<RegistryUser>, bool>(async users => await users.CheckPasswordAsync((await users.FindByEmailAsync("dana@test.example"))!, password));

    [Fact]
    public async Task A_reset_is_asked_for_silently_and_its_link_sets_a_new_password_once()
    {
        await Fixture.RegisterAsync();

        await Fixture.SendAsync(new RequestPasswordReset.Command { Email = "nobody@test.example" }, TestUsers.Anonymous);
        Assert.False(await Fixture.AuditedAsync("RequestPasswordReset"));
        await Fixture.SendAsync(new RequestPasswordReset.Command { Email = "dana@test.example" }, TestUsers.Anonymous);
        Assert.True(await Fixture.AuditedAsync("RequestPasswordReset", "Notification"));
        var code = (await Fixture.LinkAsync("dana@test.example", "reset-password"))["code"];
        var reset = new ResetPassword.Command { Email = "dana@test.example", Code = code, Password = NewPassword };

        var weak = await Assert.ThrowsAsync<ValidationException>(() => Fixture.SendAsync(reset with { Password = "weak" }, TestUsers.Anonymous));
        await Fixture.SendAsync(reset, TestUsers.Anonymous);
        var again = await Assert.ThrowsAsync<ValidationException>(() => Fixture.SendAsync(reset with { Password = "Another-Password-77" }, TestUsers.Anonymous));

        Assert.All(weak.Errors, e => Assert.Equal("Password", e.PropertyName));
        Assert.Equal(("", ResetPassword.InvalidLink), (Assert.Single(again.Errors).PropertyName, again.Errors.Single().ErrorMessage));
        Assert.True(await PasswordIsAsync(NewPassword));
        Assert.True(await Fixture.AuditedAsync("ResetPassword", "RegistryUser"));
    }

    [Fact]
    public async Task An_incomplete_form_is_refused_before_Identity_is_asked()
    {
        var refused = await Assert.ThrowsAsync<ValidationException>(() => Fixture.SendAsync(
            new ResetPassword.Command { Email = "dana@test.example", Password = NewPassword, ConfirmPassword = "" }, TestUsers.Anonymous));

        var errors = refused.Errors.ToDictionary(e => e.PropertyName, e => e.ErrorMessage);
        Assert.Equal("This reset link is not complete. Ask for a new one.", errors["Code"]);
        Assert.Equal("Enter your new password again.", errors["ConfirmPassword"]);
        Assert.Equal(0, await Fixture.QueryAsync(db => db.AuditEntries.CountAsync()));
    }
}
