using System.Net;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Security;
using Registry.Domain.Employers;
using Registry.Testing;

namespace Registry.Web.Tests.Verification;

public sealed class EmployerPagesTests(WebFixture fixture) : WebTest(fixture)
{
    [Fact]
    public async Task An_organisation_registers_through_the_form_and_its_states_administrator_approves_it_on_the_employers_page()
    {
        await Fixture.InsertAsync(TestData.State("TN", "Tennessee", "CPRS"), TestData.State("PA", "Pennsylvania"));
        var visitor = Fixture.Client();
        var form = await visitor.GetStringAsync("/Employers/Register");
        var registered = await visitor.PostAsync("/Employers/Register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebFixture.AntiforgeryToken(form),
            ["Input.OrganisationName"] = "Riverbend Recovery",
            ["Input.StateCode"] = "TN",
            ["Input.ContactName"] = "Jo Manager",
            ["Input.Email"] = "jo@riverbend.example",
            ["Input.Password"] = WebFixture.Password,
            ["Input.ConfirmPassword"] = WebFixture.Password,
        }));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var employer = await Fixture.QueryAsync(db => db.Employers.SingleAsync());
        Assert.Equal((EmployerStatus.PendingApproval, "TN"), (employer.Status, employer.StateCode.Value));
        var user = await Fixture.QueryAsync(db => db.Users.SingleAsync(u => u.Email == "jo@riverbend.example"));
        Assert.Equal(employer.Id, user.EmployerId);

        await Fixture.CreateUserAsync("admin.pa@test.example", Roles.StateAdmin, state: "PA");
        await Fixture.CreateUserAsync("admin.tn@test.example", Roles.StateAdmin, state: "TN");
        var otherState = await RosterSteps.SignedInAsync(Fixture, "admin.pa@test.example");
        var otherPage = await otherState.GetStringAsync("/Staff/Employers");
        Assert.DoesNotContain("Riverbend Recovery", otherPage);
        var refused = await otherState.PostAsync($"/Staff/Employers?handler=Approve&employerId={employer.Id}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebFixture.AntiforgeryToken(otherPage) }));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);

        var admin = await RosterSteps.SignedInAsync(Fixture, "admin.tn@test.example");
        var page = await admin.GetStringAsync("/Staff/Employers");
        Assert.Contains("Riverbend Recovery", page);
        var approved = await admin.PostAsync($"/Staff/Employers?handler=Approve&employerId={employer.Id}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebFixture.AntiforgeryToken(page) }));
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(EmployerStatus.Approved, (await Fixture.QueryAsync(db => db.Employers.SingleAsync())).Status);
        Assert.True(await Fixture.QueryAsync(db => db.Notifications.AnyAsync(n => n.Template == "employer-approved" && n.RecipientEmail == "jo@riverbend.example")));
    }
}
