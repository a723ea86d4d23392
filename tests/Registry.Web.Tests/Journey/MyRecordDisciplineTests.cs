using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using Registry.Application.Common.Security;
using Registry.Domain.Credentials;
using Registry.Testing;

namespace Registry.Web.Tests.Journey;

/// <summary>The person's own record download carries the discipline notices they were sent and their own responses, and nobody else's.</summary>
public sealed class MyRecordDisciplineTests(WebFixture fixture) : WebTest(fixture)
{
    [Fact]
    public async Task The_record_download_holds_the_holders_notice_response_and_decision_and_no_other_case()
    {
        var state = TestData.State("TN", "Tennessee", "CPRS");
        var holder = TestData.Person("Quinn", "Holder");
        var other = TestData.Person("Riley", "Other");
        var credential = Credential.Issue(state.Programs[0], holder.Id, TestClock.StartDay.AddMonths(-3), Guid.NewGuid(), Now);
        var othersCredential = Credential.Issue(state.Programs[0], other.Id, TestClock.StartDay.AddMonths(-3), Guid.NewGuid(), Now);
        await Fixture.InsertAsync(state, holder, other, credential, othersCredential);
        await Fixture.CreateUserAsync("holder@test.example", Roles.Applicant, personId: holder.Id);
        await Fixture.CreateUserAsync("other@test.example", Roles.Applicant, personId: other.Id);
        await Fixture.CreateUserAsync("reviewer.tn@test.example", Roles.Reviewer, state: "TN");
        var reviewer = await Fixture.ApiClientAsync("reviewer.tn@test.example");
        var dueOn = TestClock.StartDay.AddDays(10).ToString("yyyy-MM-dd");

        var opened = await reviewer.PostAsJsonAsync($"/api/v1/credentials/{credential.Id}/cases", new { notice = "A late supervision log was reported.", responseDueOn = dueOn });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var caseId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetGuid();
        var api = await Fixture.ApiClientAsync("holder@test.example");
        var responded = await api.PostAsJsonAsync($"/api/v1/credentials/{credential.Id}/cases/{caseId}/response", new { response = "The log was filed on time; the receipt is attached." });
        Assert.Equal(HttpStatusCode.NoContent, responded.StatusCode);
        var decided = await reviewer.PostAsJsonAsync($"/api/v1/credentials/{credential.Id}/cases/{caseId}/decision", new { outcome = "Reprimand", notes = "The log was a week late.", appealDays = 30 });
        Assert.Equal(HttpStatusCode.NoContent, decided.StatusCode);
        var othersCase = await reviewer.PostAsJsonAsync($"/api/v1/credentials/{othersCredential.Id}/cases", new { notice = "Someone else's concern.", responseDueOn = dueOn });
        Assert.Equal(HttpStatusCode.Created, othersCase.StatusCode);

        var browser = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(browser, "holder@test.example");
        var json = await browser.GetStringAsync("/MyRecord?handler=Json");
        var cases = JsonDocument.Parse(json).RootElement.GetProperty("disciplineCases");
        var only = Assert.Single(cases.EnumerateArray());
        Assert.Equal(credential.Number.Value, only.GetProperty("credentialNumber").GetString());
        Assert.Equal("A late supervision log was reported.", only.GetProperty("notice").GetString());
        Assert.Equal("The log was filed on time; the receipt is attached.", only.GetProperty("response").GetString());
        Assert.Equal("Reprimand", only.GetProperty("outcome").GetString());
        Assert.Equal("The log was a week late.", only.GetProperty("decisionReasons").GetString());
        Assert.DoesNotContain("Someone else", json);

        using var book = new XLWorkbook(await browser.GetStreamAsync("/MyRecord?handler=Workbook"));
        var sheet = book.Worksheet("Discipline cases");
        Assert.Equal("A late supervision log was reported.", sheet.Cell(2, 3).GetString());
        Assert.Equal("The log was filed on time; the receipt is attached.", sheet.Cell(2, 5).GetString());
        Assert.True(sheet.Cell(3, 1).IsEmpty());

        var apiRecord = await api.GetFromJsonAsync<JsonElement>("/api/v1/me/record");
        Assert.Equal("A late supervision log was reported.", Assert.Single(apiRecord.GetProperty("disciplineCases").EnumerateArray()).GetProperty("notice").GetString());
    }
}
