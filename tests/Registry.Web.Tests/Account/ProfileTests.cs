using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Security;
using Registry.Domain.Jurisdictions;
using Registry.Domain.People;
using Registry.Testing;

namespace Registry.Web.Tests.Account;

public sealed class ProfileTests(WebFixture fixture) : WebTest(fixture)
{
    private static readonly object ValidProfile = new
    {
        legalFirstName = "Robin", legalLastName = "Alvarez-Reyes", preferredName = "Rob", phone = "615-555-0100", dateOfBirth = "1986-04-28",
        addressLine1 = "12 Music Row", addressLine2 = "Apt 3", city = "Nashville", countyCode = "47037", state = "TN", postalCode = "37203-1234",
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
        Assert.Equal(PostalAddress.InCounty("12 Music Row", "Apt 3", "Nashville", CountyCode.Parse("47037"), "37203-1234"), saved.MailingAddress);
        Assert.Equal("Davidson County", saved.MailingAddress!.County);
        var read = await api.GetFromJsonAsync<JsonElement>("/api/v1/profile");
        Assert.Equal(("Nashville", "47037", "Davidson County"), (read.GetProperty("city").GetString(), read.GetProperty("countyCode").GetString(), read.GetProperty("county").GetString()));
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
            addressLine1 = "12 Music Row", city = "Nashville", countyCode = "47037", state = "ZZ", postalCode = "3720",
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

    [Fact]
    public async Task A_county_outside_the_addresss_state_is_a_field_error()
    {
        var (person, email) = await ArrangeApplicantAsync();
        var api = await Fixture.ApiClientAsync(email);

        var response = await api.PutAsJsonAsync("/api/v1/profile", new
        {
            legalFirstName = "Robin", legalLastName = "Alvarez", addressLine1 = "12 Music Row", city = "Nashville", countyCode = "48453", state = "TN", postalCode = "37203",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("Choose a county in the state of your mailing address.", errors.GetProperty("countyCode").EnumerateArray().Select(e => e.GetString()));
        Assert.Null((await ReloadAsync(person.Id)).MailingAddress);
    }

    [Fact]
    public async Task Without_script_the_page_lists_the_chosen_states_counties_and_asks_for_one()
    {
        var (person, email) = await ArrangeApplicantAsync();
        var browser = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(browser, email);
        var empty = await browser.GetStringAsync("/Account/Profile");
        Assert.Contains("- Choose a state first -", empty);
        Assert.Contains("data-counties-of=\"Input_State\"", empty);

        var noCounty = await AccountSteps.PostFormAsync(browser, "/Account/Profile", ProfileForm(state: "PA", month: "4", county: ""));

        var html = await noCounty.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, noCounty.StatusCode);
        Assert.Contains("Choose the county of your mailing address.", html);
        Assert.Contains("<option value=\"42043\">Dauphin County</option>", html);
        Assert.DoesNotContain("Travis County", html);
        Assert.Null((await ReloadAsync(person.Id)).MailingAddress);
    }

    [Fact]
    public async Task A_county_given_as_text_that_matched_none_is_shown_beside_the_list()
    {
        var person = TestData.Person();
        person.UpdateContact(null, null, new PostalAddress("5 Market St", null, "Harrisburg", "Dauphinn", StateCode.Parse("PA"), "17101"));
        await Fixture.InsertAsync(person);
        var email = person.Email!;
        await Fixture.CreateUserAsync(email, Roles.Applicant, personId: person.Id);
        var browser = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(browser, email);

        var html = await browser.GetStringAsync("/Account/Profile");

        Assert.Contains("You gave &quot;Dauphinn&quot; before; choose your county from the list.", html);
        Assert.Contains("<option value=\"42043\">Dauphin County</option>", html);
    }

    [Fact]
    public async Task Anyone_reads_a_states_counties_and_an_unknown_state_is_a_field_error()
    {
        var anonymous = Fixture.Client();

        var texas = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/counties/tx");
        var unknown = await anonymous.GetAsync("/api/v1/counties/ZZ");

        Assert.Equal(254, texas.GetArrayLength());
        Assert.Contains(texas.EnumerateArray(), c => c.GetProperty("code").GetString() == "48453" && c.GetProperty("name").GetString() == "Travis County");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    private static Dictionary<string, string> ProfileForm(string state, string month, string county = "42043") => new()
    {
        ["Input.LegalFirstName"] = "Robin", ["Input.LegalLastName"] = "Alvarez", ["BirthMonth"] = month, ["BirthDay"] = "28", ["BirthYear"] = "1986",
        ["Input.AddressLine1"] = "5 Market St", ["Input.City"] = "Harrisburg", ["Input.CountyCode"] = county, ["Input.State"] = state, ["Input.PostalCode"] = "17101",
    };
}
