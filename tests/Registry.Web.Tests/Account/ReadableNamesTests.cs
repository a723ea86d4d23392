using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Registry.Domain.Common;

namespace Registry.Web.Tests.Account;

/// <summary>Issue #16 item 6: names refuse characters that hide or disguise what they say, and are kept in NFC.</summary>
public sealed class ReadableNamesTests(WebFixture fixture) : WebTest(fixture)
{
    /// <summary>Control characters, non-characters, direction overrides and isolates, zero-width characters.</summary>
    public static TheoryData<string> Hidden => new()
    {
        "\u0000", "\u0007", "\t", "\n", "\u001B", "\u007F", "\u0085", "\uFFFE", "\uFFFF", "\uFDD0", "\U0001FFFE",
        "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069",
        "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF",
    };

    [Theory]
    [MemberData(nameof(Hidden))]
    public async Task A_hidden_or_control_character_in_a_name_is_a_field_error_on_the_page_and_a_400_problem_on_the_API(string hidden)
    {
        var page = await AccountSteps.PostFormAsync(Fixture.Client(), "/Account/Register", new()
        {
            ["Input.LegalFirstName"] = "Dana", ["Input.LegalLastName"] = $"Oka{hidden}for", ["Input.Email"] = "dana@test.example",
            ["Input.Password"] = WebFixture.Password, ["Input.ConfirmPassword"] = WebFixture.Password,
        });
        var api = await Fixture.Client().PostAsJsonAsync("/api/v1/account/register",
            new { legalFirstName = $"Da{hidden}na", legalLastName = "Okafor", email = "dana@test.example", password = WebFixture.Password });

        var html = await page.Content.ReadAsStringAsync();
        if (hidden == "\0")
        {
            Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode); // ASP.NET Core refuses a form holding a NUL before any field is bound
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(ReadableText.Unreadable), html);
            Assert.Contains("href=\"#Input_LegalLastName\"", html);
        }
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Equal([ReadableText.Unreadable], (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("legalFirstName")
            .EnumerateArray().Select(e => e.GetString()));
        Assert.Equal((0, 0, 0), await Fixture.CountsAsync());
    }

    [Fact]
    public async Task A_lone_surrogate_sent_to_the_API_is_a_400_problem_and_writes_nothing()
    {
        // A form cannot carry one (its UTF-8 has no lone surrogates); JSON can, as an escape.
        var json = """{"legalFirstName":"Da\ud800na","legalLastName":"Okafor","email":"dana@test.example","password":"Correct-Horse-Battery-9"}""";

        var api = await Fixture.Client().PostAsync("/api/v1/account/register", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Equal((0, 0, 0), await Fixture.CountsAsync());
    }

    [Fact]
    public async Task A_decomposed_name_is_stored_composed()
    {
        await Fixture.Client().PostAsJsonAsync("/api/v1/account/register",
            new { legalFirstName = "Jose\u0301", legalLastName = "Nun\u0303ez", email = "jose@test.example", password = WebFixture.Password });

        var person = await Fixture.QueryAsync(db => db.People.AsNoTracking().SingleAsync());
        Assert.Equal(("Jos\u00E9", "Nu\u00F1ez"), (person.LegalFirstName, person.LegalLastName));
        Assert.Equal("Jos\u00E9 Nu\u00F1ez", (await Fixture.QueryAsync(db => db.Users.AsNoTracking().SingleAsync())).DisplayName);
    }

    [Theory]
    [InlineData("Siobhán", "O'Brien")]
    [InlineData("Anne-Marie", "Saint-Exupéry")]
    [InlineData("Zoë", "Nguyễn")]
    [InlineData("小龍", "李")]
    [InlineData("Ахмед", "Иванов")]
    [InlineData("محمد", "العلي")]
    [InlineData("Ngũgĩ", "wa Thiong'o")]
    public async Task Ordinary_names_of_any_script_are_accepted(string first, string last)
    {
        var api = await Fixture.Client().PostAsJsonAsync("/api/v1/account/register", new { legalFirstName = first, legalLastName = last, email = "dana@test.example", password = WebFixture.Password });

        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        var person = await Fixture.QueryAsync(db => db.People.AsNoTracking().SingleAsync());
        Assert.Equal((first, last), (person.LegalFirstName, person.LegalLastName));
    }
}
