using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Registry.Application.Common.Security;
using Registry.Testing;

namespace Registry.Web.Tests.Review;

public sealed class ProgramConfigurationApiTests(WebFixture fixture) : WebTest(fixture)
{
    [Fact]
    public async Task Only_the_states_admin_reads_and_changes_requirements()
    {
        var state = TestData.State("TN", "Tennessee", "CPRS");
        await Fixture.InsertAsync(state);
        var id = state.Programs[0].Id;
        await Fixture.CreateUserAsync("admin.tn@test.example", Roles.StateAdmin, state: "TN");
        await Fixture.CreateUserAsync("admin.pa@test.example", Roles.StateAdmin, state: "PA");
        await Fixture.CreateUserAsync("reviewer.tn@test.example", Roles.Reviewer, state: "TN");

        Assert.Equal(HttpStatusCode.Unauthorized, (await Fixture.Client().GetAsync($"/api/v1/programs/{id}/requirements")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await Fixture.ApiClientAsync("admin.pa@test.example")).GetAsync($"/api/v1/programs/{id}/requirements")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await Fixture.ApiClientAsync("reviewer.tn@test.example")).GetAsync($"/api/v1/programs/{id}/requirements")).StatusCode);

        var admin = await Fixture.ApiClientAsync("admin.tn@test.example");
        var current = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/programs/{id}/requirements");
        var requirements = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(current.GetProperty("requirements").GetRawText())!;
        requirements["supervisionHours"] = JsonSerializer.SerializeToElement(30);
        var changed = await admin.PutAsJsonAsync($"/api/v1/programs/{id}/requirements", requirements);
        Assert.Equal(2, (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());

        requirements["renewsOnMonth"] = JsonSerializer.SerializeToElement(2);
        requirements["renewsOnDay"] = JsonSerializer.SerializeToElement(29);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PutAsJsonAsync($"/api/v1/programs/{id}/requirements", requirements)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsync($"/api/v1/programs/{id}/requirements", new StringContent("{\"trainingHoursTotal\": \"lots\"}", System.Text.Encoding.UTF8, "application/json"))).StatusCode);

        var browser = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(browser, "reviewer.tn@test.example");
        Assert.Contains("/Account/AccessDenied", (await browser.GetAsync($"/Staff/Programs/{id}")).Headers.Location!.ToString());
    }
}
