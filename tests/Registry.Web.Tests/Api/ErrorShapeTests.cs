using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Registry.Application.Common.Security;
using Registry.Testing;

namespace Registry.Web.Tests.Api;

/// <summary>Every API failure is problem details in the registry's words: no framework message, whatever the caller accepts.</summary>
public sealed class ErrorShapeTests(WebFixture fixture) : WebTest(fixture)
{
    /// <summary>Words that only the framework or the JSON reader would use.</summary>
    private static readonly string[] FrameworkWords =
        ["Implicit body", "Failed to read", "Failed to bind", "parameter \"", "System.", "LineNumber", "BytePosition", "Path: $", ".NET", "Registry."];

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(FrameworkWords, w => text.Contains(w, StringComparison.Ordinal));
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }

    private async Task<(Guid ProgramId, HttpClient Applicant)> ApplicantAsync()
    {
        var state = TestData.State("TN", "Tennessee", "CPRS", TestData.NoRequirements());
        var person = TestData.Person();
        await Fixture.InsertAsync(state, person);
        await Fixture.CreateUserAsync("applicant@test.example", Roles.Applicant, personId: person.Id);
        return (state.Programs[0].Id, await Fixture.ApiClientAsync("applicant@test.example"));
    }

    [Fact]
    public async Task A_missing_body_is_a_problem_in_plain_words()
    {
        var (_, applicant) = await ApplicantAsync();

        var problem = await ProblemAsync(await applicant.PostAsync("/api/v1/applications", null), HttpStatusCode.BadRequest);

        Assert.Equal("This request needs a JSON body.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("{", "The body is not valid JSON.")]
    [InlineData("[1, 2]", "The body is not of the expected shape: send a JSON object (or the list this endpoint takes).")]
    public async Task Unreadable_JSON_is_a_problem_in_plain_words(string body, string detail)
    {
        var (_, applicant) = await ApplicantAsync();

        var problem = await ProblemAsync(await applicant.PostAsync("/api/v1/applications", new StringContent(body, Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);

        Assert.Equal(detail, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_body_of_the_wrong_content_type_is_415_saying_what_to_send()
    {
        var (programId, applicant) = await ApplicantAsync();

        var problem = await ProblemAsync(await applicant.PostAsync("/api/v1/applications", new StringContent($"programId={programId}", Encoding.UTF8, "text/plain")),
            HttpStatusCode.UnsupportedMediaType);

        Assert.Contains("application/json", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_query_value_of_the_wrong_type_names_the_parameter()
    {
        var problem = await ProblemAsync(await Fixture.Client().GetAsync("/api/v1/verifications?lastName=zeph&state=TN&limit=first"), HttpStatusCode.BadRequest);

        Assert.Equal("Enter a whole number (a JSON number, not a string).", problem.GetProperty("errors").GetProperty("limit")[0].GetString());
    }

    [Fact]
    public async Task Unknown_addresses_and_methods_are_problems_even_for_a_caller_that_accepts_only_HTML()
    {
        var client = Fixture.Client();
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        await ProblemAsync(await client.GetAsync("/api/v1/no-such-thing"), HttpStatusCode.NotFound);
        var wrongMethod = await client.DeleteAsync("/api/v1/jurisdictions");
        await ProblemAsync(wrongMethod, HttpStatusCode.MethodNotAllowed);
        Assert.Contains("GET", wrongMethod.Content.Headers.Allow);
        await ProblemAsync(await client.GetAsync("/api/v1/applications"), HttpStatusCode.Unauthorized);
        await ProblemAsync(await client.GetAsync("/api/v1/verifications/not-a-number"), HttpStatusCode.BadRequest);
    }
}
