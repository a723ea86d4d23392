using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Security;
using Registry.Application.Features.Accounts;
using Registry.Domain.Notifications;
using Registry.Domain.People;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Accounts;

public sealed class RegisterAccountTests(SliceFixture fixture) : SliceTest(fixture)
{
    private Task<(int Users, int People, int Notifications)> CountsAsync() =>
        Fixture.QueryAsync(async db => (await db.Users.CountAsync(), await db.People.CountAsync(), await db.Notifications.CountAsync()));

    [Fact]
    public async Task Registering_creates_the_applicants_sign_in_person_and_one_confirmation_email_audited_as_RegisterAccount()
    {
        await Fixture.RegisterAsync();

        var user = await Fixture.QueryAsync(db => db.Users.SingleAsync());
        var person = await Fixture.QueryAsync(db => db.People.SingleAsync());
        var roles = await Fixture.QueryAsync(db => db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync());
        var email = await Fixture.LatestEmailAsync("dana@test.example", "confirm-email");
        Assert.Equal((person.Id, false), (user.PersonId, user.EmailConfirmed));
        Assert.Equal([Roles.Applicant], roles);
        Assert.Equal(person.Id, email.PersonId);
        Assert.Contains("Hello Dana,", email.Rendered().Text);
        Assert.Equal(1, (await CountsAsync()).Notifications);
        Assert.True(await Fixture.AuditedAsync("RegisterAccount", "RegistryUser"));
        Assert.True(await Fixture.AuditedAsync("RegisterAccount", nameof(Person)));
        Assert.True(await Fixture.AuditedAsync("RegisterAccount", nameof(Notification)));
    }

    [Fact]
    public async Task Missing_names_a_bad_address_and_mismatched_passwords_are_refused_field_by_field()
    {
        var refused = await Assert.ThrowsAsync<ValidationException>(() => Fixture.SendAsync(new RegisterAccount.Command
        {
            Email = "not-an-address", Password = AccountScenario.Password, ConfirmPassword = "Something-Else-123",
        }, TestUsers.Anonymous));

        var errors = refused.Errors.ToDictionary(e => e.PropertyName, e => e.ErrorMessage);
        Assert.Equal("Enter your legal first name.", errors["LegalFirstName"]);
        Assert.Equal("Enter your legal last name.", errors["LegalLastName"]);
        Assert.Equal("Enter an e-mail address like name@example.org.", errors["Email"]);
        Assert.Equal("The two passwords are not the same.", errors["ConfirmPassword"]);
        Assert.Equal((0, 0, 0), await CountsAsync());
    }

    [Fact]
    public async Task A_password_Identity_refuses_is_a_field_error_for_a_taken_address_as_for_a_free_one_and_leaves_nothing_behind()
    {
        await Fixture.RegisterAsync("taken@test.example");
        var before = await CountsAsync();

        var free = await Assert.ThrowsAsync<ValidationException>(() => Fixture.SendAsync(
            new RegisterAccount.Command { LegalFirstName = "Dana", LegalLastName = "Okafor", Email = "dana@test.example", Password = "password1234" }, TestUsers.Anonymous));
        var taken = await Assert.ThrowsAsync<ValidationException>(() => Fixture.SendAsync(
            new RegisterAccount.Command { LegalFirstName = "Dana", LegalLastName = "Okafor", Email = "TAKEN@test.example", Password = "password1234" }, TestUsers.Anonymous));

        Assert.Equal(free.Errors.Select(e => (e.PropertyName, e.ErrorMessage)), taken.Errors.Select(e => (e.PropertyName, e.ErrorMessage)));
        Assert.Equal("Password", Assert.Single(free.Errors).PropertyName);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Registering_a_taken_address_creates_nothing_and_tells_its_holder_by_email()
    {
        await Fixture.RegisterAsync("taken@test.example");

        await Fixture.RegisterAsync("TAKEN@test.example");

        Assert.Equal((1, 1, 2), await CountsAsync()); // the first registration's confirmation, then the holder's warning
        var told = await Fixture.LatestEmailAsync("taken@test.example", "already-registered");
        Assert.Contains("Someone, perhaps you, tried to create a Peer Specialist Registry account with this e-mail address.", told.Rendered().Text);
        Assert.Contains("Hello Dana Okafor,", told.Rendered().Text);
    }

    [Fact]
    public async Task An_employer_registers_its_organisation_and_first_sign_in_together()
    {
        await Fixture.InsertAsync(TestData.State("TN", "Tennessee", "CPRS"));
        var command = new RegisterEmployerAccount.Command
        {
            OrganisationName = "Harbor Clinic", StateCode = "TN", ContactName = "Robin Hale", Email = "hr@harbor.example", Password = AccountScenario.Password,
        };

        var unknownState = await Assert.ThrowsAsync<ValidationException>(() => Fixture.SendAsync(command with { StateCode = "ZZ" }, TestUsers.Anonymous));
        await Fixture.SendAsync(command, TestUsers.Anonymous);

        Assert.Equal("StateCode", Assert.Single(unknownState.Errors).PropertyName);
        var user = await Fixture.QueryAsync(db => db.Users.SingleAsync());
        var employer = await Fixture.QueryAsync(db => db.Employers.SingleAsync());
        Assert.Equal((employer.Id, "Robin Hale"), (user.EmployerId, user.DisplayName));
        Assert.Contains("Hello Robin Hale,", (await Fixture.LatestEmailAsync("hr@harbor.example", "confirm-email")).Rendered().Text);
        Assert.True(await Fixture.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "RegisterEmployerAccount" && a.EntityType == "Employer" && a.StateCode == "TN")));
    }
}
