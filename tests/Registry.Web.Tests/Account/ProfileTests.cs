using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Security;
using Registry.Domain.People;
using Registry.Testing;

namespace Registry.Web.Tests.Account;

public sealed class ProfileTests(WebFixture fixture) : WebTest(fixture)
{
    private static readonly object ValidProfile = new
    {
        legalFirstName = "Robin", legalLastName = "Alvarez-Reyes", preferredName = "Rob", phone = "615-555-0100", dateOfBirth = "1986-04-28",
        addressLine1 = "12 Music Row", addressLine2 = "Apt 3", city = "Nashville", county = "Davidson", state = "TN", postalCode = "37203-1234",
    };

    private async Task<(Person Person, string Email)> ArrangeApplicantAsync()
    {
        var person = TestData.Person();
        await Fixture.InsertAsync(person);
        await Fixture.CreateUserAsync(person.Email!, Roles.Applicant, personId: person.Id);
        return (person, person.Email!);
    }

    private Task<Person> ReloadAsync(Guid id) => Fixture.QueryAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == id));

    [Fact]
    public async Task An_applicant_updates_their_profile_through_the_API_and_the_change_is_audited()
    {
        var (person, email) = await ArrangeApplicantAsync();
        var api = await Fixture.ApiClientAsync(email);

        var response = await api.PutAsJsonAsync("/api/v1/profile", ValidProfile);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await ReloadAsync(person.Id);
        Assert.Equal(("Alvarez-Reyes", "Rob", new DateOnly(1986, 4, 28)), (saved.LegalLastName, saved.PreferredName, saved.DateOfBirth));
        Assert.Equal(new PostalAddress("12 Music Row", "Apt 3", "Nashville", "Davidson", Registry.Domain.Jurisdictions.StateCode.Parse("TN"), "37203-1234"), saved.MailingAddress);
        var read = await api.GetFromJsonAsync<JsonElement>("/api/v1/profile");
        Assert.Equal("Nashville", read.GetProperty("city").GetString());
        var audit = await Fixture.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == "UpdateProfile").ToListAsync());
        Assert.Contains(audit, a => a.EntityType == nameof(Person) && a.EntityId == person.Id.ToString());
    }

    [Fact]
    public async Task Invalid_profile_input_is_a_400_problem_with_field_errors_and_changes_nothing()
    {
        var (person, email) = await ArrangeApplicantAsync();
        var api = await Fixture.ApiClientAsync(email);

        var response = await api.PutAsJsonAsync("/api/v1/profile", new
        {
            legalFirstName = "Robin", legalLastName = "Alvarez", dateOfBirth = TestClock.StartDay.AddDays(3).ToString("yyyy-MM-dd"),
            addressLine1 = "12 Music Row", city = "Nashville", county = "Davidson", state = "ZZ", postalCode = "3720",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "dateOfBirth", "state", "postalCode" })
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}");
        var unchanged = await ReloadAsync(person.Id);
        Assert.Null(unchanged.DateOfBirth);
        Assert.Null(unchanged.MailingAddress);
        Assert.Equal(0, await Fixture.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "UpdateProfile")));
    }

    [Fact]
    public async Task The_profile_page_saves_and_marks_private_details()
    {
        var (person, email) = await ArrangeApplicantAsync();
        var browser = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(browser, email);
        var form = await browser.GetStringAsync("/Account/Profile");
        Assert.Contains("Mailing address (private)", form);
        Assert.Contains("Only you and your state&#x27;s registry staff can see this.", form);

        var saved = await AccountSteps.PostFormAsync(browser, "/Account/Profile", ProfileForm(state: "PA", month: "4"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var reloaded = await ReloadAsync(person.Id);
        Assert.Equal(("PA", new DateOnly(1986, 4, 28)), (reloaded.MailingAddress!.State.Value, reloaded.DateOfBirth));
    }

    [Fact]
    public async Task The_profile_page_shows_field_errors_and_changes_nothing()
    {
        var (person, email) = await ArrangeApplicantAsync();
        var browser = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(browser, email);

        var unknownState = await AccountSteps.PostFormAsync(browser, "/Account/Profile", ProfileForm(state: "ZZ", month: "4"));
        var impossibleDate = await AccountSteps.PostFormAsync(browser, "/Account/Profile", ProfileForm(state: "PA", month: "13"));

        var html = await unknownState.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, unknownState.StatusCode);
        Assert.Contains("Choose the state of your mailing address.", html);
        Assert.Contains("href=\"#Input_State\"", html);
        Assert.Contains("Enter your date of birth as month, day and year", await impossibleDate.Content.ReadAsStringAsync());
        Assert.Null((await ReloadAsync(person.Id)).MailingAddress);
    }

    private static Dictionary<string, string> ProfileForm(string state, string month) => new()
    {
        ["Input.LegalFirstName"] = "Robin", ["Input.LegalLastName"] = "Alvarez", ["BirthMonth"] = month, ["BirthDay"] = "28", ["BirthYear"] = "1986",
        ["Input.AddressLine1"] = "5 Market St", ["Input.City"] = "Harrisburg", ["Input.County"] = "Dauphin", ["Input.State"] = state, ["Input.PostalCode"] = "17101",
    };
}
