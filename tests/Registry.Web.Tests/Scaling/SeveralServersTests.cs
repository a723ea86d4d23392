using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.WebUtilities;
using Registry.Application.Common.Security;
using Registry.Testing;
using Registry.Web.Tests.Account;
using Registry.Web.Tests.Records;

namespace Registry.Web.Tests.Scaling;

/// <summary>
/// Two web servers on one database, as behind a load balancer: what one server signs (a sign-in cookie, a form's
/// anti-forgery token, a bearer token, a supervisor's link, a password-reset link) the other accepts, and evidence
/// stored through one downloads from the other. The fixture's host is the first server.
/// </summary>
public sealed class SeveralServersTests(WebFixture fixture) : WebTest(fixture)
{
    private RegistryFactory SecondServer(Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["RateLimiting:Anonymous:PermitLimit"] = "100000",
            ["RateLimiting:ApiKey:PermitLimit"] = "100000",
        };
        foreach (var (key, value) in settings ?? []) all[key] = value;
        return new RegistryFactory(Fixture.Factory.Database, settings: all);
    }

    /// <summary>A browser on <paramref name="server"/> that keeps its cookies in <paramref name="cookies"/>, which browsers on other servers may share.</summary>
    private static HttpClient Browser(RegistryFactory server, CookieContainer cookies) =>
        server.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));

    private static FormUrlEncodedContent Form(string page, params (string Key, string Value)[] fields) =>
        new(fields.Append(("__RequestVerificationToken", WebFixture.AntiforgeryToken(page))).Select(f => KeyValuePair.Create(f.Item1, f.Item2)));

    private static FormUrlEncodedContent SignInForm(string page) =>
        Form(page, ("Input.Email", "applicant@test.example"), ("Input.Password", WebFixture.Password));

    [Fact]
    public async Task A_forms_token_and_a_sign_in_cookie_made_on_one_server_are_accepted_by_the_other_and_not_by_a_server_with_keys_of_its_own()
    {
        var id = await RecordsWebScenario.DraftAsync(Fixture);
        await using var second = SecondServer();
        var cookies = new CookieContainer();
        var onFirst = Browser(Fixture.Factory, cookies);
        var onSecond = Browser(second, cookies);

        var signedIn = await onSecond.PostAsync("/Account/Login", SignInForm(await onFirst.GetStringAsync("/Account/Login")));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.DoesNotContain("/Account/Login", signedIn.Headers.Location!.OriginalString);
        var page = await onSecond.GetStringAsync($"/Applications/{id}/References");
        var added = await onFirst.PostAsync($"/Applications/{id}/References?handler=Add", Form(page,
            ("Input.RefereeName", "Lee Okafor"), ("Input.RefereeEmail", "lee@example.org"), ("Input.Relationship", "Manager")));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("lee@example.org", await onSecond.GetStringAsync($"/Applications/{id}/References"));

        // A server on the same database whose keys are its own refuses both: the shared keys are what made them pass.
        var keysOfItsOwn = Path.Combine(Path.GetTempPath(), "registry-tests", $"keys-{Guid.NewGuid():N}");
        await using var stranger = SecondServer(new() { ["DataProtection:Store"] = "FileSystem", ["DataProtection:KeysFolder"] = keysOfItsOwn });
        var onStranger = Browser(stranger, cookies);
        var turnedAway = await onStranger.GetAsync($"/Applications/{id}/References");
        Assert.Equal(HttpStatusCode.Redirect, turnedAway.StatusCode);
        Assert.StartsWith("/Account/Login", turnedAway.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await Browser(stranger, new CookieContainer()).PostAsync("/Account/Login", SignInForm(await Browser(Fixture.Factory, new CookieContainer()).GetStringAsync("/Account/Login")))).StatusCode);
    }

    [Fact]
    public async Task A_supervisors_link_and_a_password_reset_link_made_on_one_server_work_on_the_other()
    {
        var id = await RecordsWebScenario.DraftAsync(Fixture);
        await using var second = SecondServer();
        var applicant = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(applicant, "applicant@test.example");
        var page = await applicant.GetStringAsync($"/Applications/{id}/Supervision");
        await applicant.PostAsync($"/Applications/{id}/Supervision?handler=Add", Form(page,
            ("Input.HeldOn", RecordsWebScenario.Today(-3)), ("Input.Hours", "1.5"), ("Input.Format", "Individual"), ("Input.Topics", "Boundaries"),
            ("Input.SupervisorName", "Dana Brooks"), ("Input.SupervisorCredential", "LCSW"), ("Input.SupervisorEmail", "dana@example.org")));
        await applicant.PostAsync($"/Applications/{id}/Supervision?handler=RequestConfirmation", Form(page, ("supervisorEmail", "dana@example.org")));
        var token = await RecordsWebScenario.TokenMailedToAsync(Fixture, "dana@example.org");

        var supervisor = Browser(second, new CookieContainer());
        var confirmPage = await supervisor.GetStringAsync($"/Confirm/{token}");
        Assert.Contains("Boundaries", confirmPage);
        var confirmed = await supervisor.PostAsync($"/Confirm/{token}", Form(confirmPage));
        Assert.Contains("You have confirmed 1 supervision session(s)", await confirmed.Content.ReadAsStringAsync());

        await Fixture.CreateUserAsync("peer@test.example", Roles.Applicant, personId: Guid.NewGuid());
        await AccountSteps.PostFormAsync(Fixture.Client(), "/Account/ForgotPassword", new() { ["Input.Email"] = "peer@test.example" });
        var link = await Fixture.LinkFromLatestAsync("peer@test.example", "reset-password");
        var code = QueryHelpers.ParseQuery(new Uri("http://x" + link).Query)["code"].ToString();
        var onSecond = Browser(second, new CookieContainer());
        var form = await onSecond.GetStringAsync(link);
        var reset = await onSecond.PostAsync(link, Form(form,
            ("Input.Email", "peer@test.example"), ("Input.Code", code), ("Input.Password", AccountSteps.NewPassword), ("Input.ConfirmPassword", AccountSteps.NewPassword)));
        Assert.Equal("/Account/Login", reset.Headers.Location?.OriginalString);
        Assert.NotEmpty(await Fixture.TokenAsync("peer@test.example", AccountSteps.NewPassword));
    }

    [Fact]
    public async Task Evidence_uploaded_through_one_server_downloads_byte_for_byte_from_the_other()
    {
        await RecordsWebScenario.DraftAsync(Fixture);
        await using var second = SecondServer();
        var bearer = new AuthenticationHeaderValue("Bearer", await Fixture.TokenAsync("applicant@test.example"));
        var onFirst = Fixture.Factory.CreateClient();
        var onSecond = second.CreateClient();
        onFirst.DefaultRequestHeaders.Authorization = onSecond.DefaultRequestHeaders.Authorization = bearer;
        var evidence = DocumentStoreTests.Pdf(9 * 1024 * 1024 + 321); // near the 10 MB limit: many chunks

        var uploaded = await onFirst.PostAsync("/api/v1/documents", new MultipartFormDataContent { { new ByteArrayContent(evidence), "evidence", "certificate.pdf" } });
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var documentId = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("documentId").GetGuid();

        var downloaded = await onSecond.GetByteArrayAsync($"/api/v1/documents/{documentId}");
        Assert.Equal(evidence.Length, downloaded.Length);
        Assert.True(evidence.AsSpan().SequenceEqual(downloaded), "The downloaded bytes differ from the uploaded ones.");
    }
}
