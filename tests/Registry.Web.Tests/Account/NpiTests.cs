using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Security;
using Registry.Domain.Credentials;
using Registry.Domain.People;
using Registry.Testing;

namespace Registry.Web.Tests.Account;

/// <summary>A holder's NPI: recorded through the API or the page, refused with a wrong check digit, shown wherever the credential is verified.</summary>
public sealed class NpiTests(WebFixture fixture) : WebTest(fixture)
{
    private async Task<(Person Person, Credential Credential)> ArrangeHolderAsync()
    {
        var state = TestData.State("TN", "Tennessee", "CPRS", TestData.NoRequirements());
        var person = TestData.Person("Noor", "Billings");
        var credential = Credential.Issue(state.Programs[0], person.Id, TestClock.StartDay.AddMonths(-3), Guid.NewGuid(), Now.AddDays(-90));
        await Fixture.InsertAsync(state, person, credential);
        await Fixture.CreateUserAsync(person.Email!, Roles.Applicant, personId: person.Id);
        return (person, credential);
    }

    [Fact]
    public async Task A_holder_records_their_npi_through_the_API_and_every_verification_answer_shows_it()
    {
        var (person, credential) = await ArrangeHolderAsync();
        var api = await Fixture.ApiClientAsync(person.Email!);
        var anyone = Fixture.Client();
        var before = await anyone.GetAsync($"/api/v1/verifications/{credential.Number}");

        var saved = await api.PutAsJsonAsync("/api/v1/profile/npi", new { npi = "1234567893", peerSpecialistTaxonomy = true });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var answer = await anyone.GetFromJsonAsync<JsonElement>($"/api/v1/verifications/{credential.Number}");
        Assert.Equal(("1234567893", Npi.PeerSpecialistTaxonomy), (answer.GetProperty("npi").GetString(), answer.GetProperty("npiTaxonomy").GetString()));
        var after = await anyone.GetAsync($"/api/v1/verifications/{credential.Number}");
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        var page = await anyone.GetStringAsync($"/Verify/{credential.Number}");
        Assert.Contains("1234567893", page);
        Assert.Contains(Npi.PeerSpecialistTaxonomy, page);
        Assert.Equal("1234567893", (await api.GetFromJsonAsync<JsonElement>("/api/v1/profile")).GetProperty("npi").GetString());
    }

    [Fact]
    public async Task An_npi_with_a_wrong_check_digit_is_a_400_problem_and_changes_nothing()
    {
        var (person, _) = await ArrangeHolderAsync();
        var api = await Fixture.ApiClientAsync(person.Email!);

        var refused = await api.PutAsJsonAsync("/api/v1/profile/npi", new { npi = "1234567890", peerSpecialistTaxonomy = true });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("last digit does not match", errors.GetProperty("npi")[0].GetString());
        Assert.Null((await Fixture.QueryAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == person.Id))).Npi);
        Assert.Equal(0, await Fixture.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "RecordNpi")));
    }

    [Fact]
    public async Task The_npi_page_saves_shows_a_field_error_and_clears()
    {
        var (person, _) = await ArrangeHolderAsync();
        var browser = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(browser, person.Email!);
        Assert.Contains("/Account/Npi", await browser.GetStringAsync("/Account/Profile"));

        var wrong = await AccountSteps.PostFormAsync(browser, "/Account/Npi", new() { ["Input.Npi"] = "1234567894" });
        var html = await wrong.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("its last digit does not match", html);
        Assert.Contains("href=\"#Input_Npi\"", html);

        var saved = await AccountSteps.PostFormAsync(browser, "/Account/Npi", new() { ["Input.Npi"] = "1234567893", ["Input.PeerSpecialistTaxonomy"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await Fixture.QueryAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == person.Id));
        Assert.Equal(("1234567893", true), (stored.Npi, stored.NpiHasPeerSpecialistTaxonomy));
        Assert.Contains("value=\"1234567893\"", await browser.GetStringAsync("/Account/Npi"));

        await AccountSteps.PostFormAsync(browser, "/Account/Npi", new() { ["Input.Npi"] = "" });
        Assert.Null((await Fixture.QueryAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == person.Id))).Npi);
    }
}
