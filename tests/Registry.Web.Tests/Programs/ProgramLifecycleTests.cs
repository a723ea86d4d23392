using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Security;
using Registry.Domain.Jurisdictions;
using Registry.Testing;

namespace Registry.Web.Tests.Programs;

/// <summary>Programs created, retired and reopened by a StateAdmin, through the real pages and the API.</summary>
public sealed class ProgramLifecycleTests(WebFixture fixture) : WebTest(fixture)
{
    private static FormUrlEncodedContent Form(string page, params (string Key, string Value)[] fields) =>
        new(fields.Append(("__RequestVerificationToken", WebFixture.AntiforgeryToken(page))).Select(f => KeyValuePair.Create(f.Item1, f.Item2)));

    private static (string, string)[] ProgramFields(string code, string name) =>
    [
        ("Start", "icrc-peer-recovery"), ("Code", code), ("Name", name),
        ("Input.TrainingHoursTotal", "46"), ("DomainLines", "ETHICS; Ethical responsibility; 16"), ("Input.RenewalCycleMonths", "24"),
        ("Input.ContinuingEducationHours", "20"), ("Input.EthicsContinuingEducationHours", "6"), ("ReminderDayList", "90, 30"),
        ("Attestations", "code-of-ethics"),
    ];

    [Fact]
    public async Task A_state_admin_creates_a_program_from_a_template_and_an_applicant_applies_for_it()
    {
        await Fixture.InsertAsync(TestData.State("VT", "Vermont", "CPS", TestData.NoRequirements()));
        var person = TestData.Person("Val", "Montpelier");
        await Fixture.InsertAsync(person);
        await Fixture.CreateUserAsync("admin.vt@test.example", Roles.StateAdmin, state: "VT");
        await Fixture.CreateUserAsync("val@test.example", Roles.Applicant, personId: person.Id);
        var admin = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(admin, "admin.vt@test.example");

        Assert.Contains("href=\"/Staff/Programs/New\"", await admin.GetStringAsync("/Staff/Programs"));
        var choice = await admin.GetStringAsync("/Staff/Programs/New");
        Assert.Contains("IC&amp;RC Peer Recovery", choice);
        Assert.Contains("Annual, renewing every 31 December", choice);
        var form = await admin.GetStringAsync("/Staff/Programs/New?start=icrc-peer-recovery");
        Assert.Contains("MENTORING; Mentoring and education; 10", form);
        Assert.Contains("value=\"500\"", form);

        var refused = await admin.PostAsync("/Staff/Programs/New", Form(form, ProgramFields("NOT A CODE", "Vermont Peer Recovery Specialist")));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedPage = await refused.Content.ReadAsStringAsync();
        Assert.Contains("The program was not created", refusedPage);
        Assert.Contains("A program code is 1 to 12 letters or digits", refusedPage);
        Assert.Equal(1, await Fixture.QueryAsync(db => db.Programs.CountAsync(p => p.StateCode == StateCode.Parse("VT"))));

        var created = await admin.PostAsync("/Staff/Programs/New", Form(form, ProgramFields("vtprs", "Vermont Peer Recovery Specialist")));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var program = await Fixture.QueryAsync(db => db.Programs.AsNoTracking().SingleAsync(p => p.Code == "VTPRS"));
        Assert.Equal($"/Staff/Programs/{program.Id}", created.Headers.Location!.OriginalString);
        Assert.Equal((46m, 20m), (program.Requirements.TrainingHoursTotal, program.Requirements.ContinuingEducationHours));
        Assert.Equal(["code-of-ethics"], program.Requirements.RequiredAttestations);
        Assert.Contains("The program VTPRS is created", await admin.GetStringAsync(created.Headers.Location.OriginalString));
        Assert.True(await Fixture.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "CreateProgram" && a.StateCode == "VT")));
        Assert.Contains("href=\"/Programs/VT/VTPRS\"", await Fixture.Client().GetStringAsync("/Programs"));

        var applicant = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(applicant, "val@test.example");
        var applyPage = await applicant.GetStringAsync("/Applications");
        Assert.Contains($"value=\"{program.Id}\"", applyPage);
        var started = await applicant.PostAsync("/Applications?handler=Start", Form(applyPage, ("Input.ProgramId", program.Id.ToString()), ("Input.Type", "Initial")));
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.Equal(1, await Fixture.QueryAsync(db => db.Applications.CountAsync(a => a.ProgramId == program.Id && a.PersonId == person.Id)));
    }

    [Fact]
    public async Task Retiring_is_confirmed_then_the_public_list_and_the_apply_page_say_so_and_new_applications_are_refused()
    {
        var state = TestData.State("VT", "Vermont", "CPS", TestData.NoRequirements());
        var person = TestData.Person("Ret", "Iree");
        await Fixture.InsertAsync(state, person);
        var programId = state.Programs[0].Id;
        await Fixture.CreateUserAsync("admin.vt@test.example", Roles.StateAdmin, state: "VT");
        await Fixture.CreateUserAsync("ret@test.example", Roles.Applicant, personId: person.Id);
        var admin = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(admin, "admin.vt@test.example");
        var page = await admin.GetStringAsync($"/Staff/Programs/{programId}");
        var today = TestClock.StartDay.ToString("yyyy-MM-dd");

        var badInput = await admin.PostAsync($"/Staff/Programs/{programId}?handler=Retire", Form(page, ("Retirement.EffectiveOn", "2020-01-01"), ("Retirement.Reason", "")));
        var badPage = await badInput.Content.ReadAsStringAsync();
        Assert.Contains("a program cannot be retired from a past day", badPage);
        Assert.Contains("Give the reason for retiring the program.", badPage);

        var asked = await admin.PostAsync($"/Staff/Programs/{programId}?handler=Retire", Form(page, ("Retirement.EffectiveOn", today), ("Retirement.Reason", "Replaced by the new program.")));
        var confirmPage = await asked.Content.ReadAsStringAsync();
        Assert.Contains("Retire Vermont Certified Peer Specialist (CPS)?", confirmPage);
        Assert.Null(await Fixture.QueryAsync(db => db.Programs.Where(p => p.Id == programId).Select(p => p.RetiredOn).SingleAsync()));

        var done = await admin.PostAsync($"/Staff/Programs/{programId}?handler=Retire",
            Form(confirmPage, ("Retirement.EffectiveOn", today), ("Retirement.Reason", "Replaced by the new program."), ("confirmed", "true")));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Contains("Reopen the program", await admin.GetStringAsync($"/Staff/Programs/{programId}"));
        Assert.True(await Fixture.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "RetireProgram" && a.StateCode == "VT")));
        Assert.Contains("No longer accepting new applications from June 15, 2027", await Fixture.Client().GetStringAsync("/Programs"));
        Assert.Contains("no longer accepts new applications", await Fixture.Client().GetStringAsync("/Programs/VT/CPS"));

        var applicant = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(applicant, "ret@test.example");
        var applyPage = await applicant.GetStringAsync("/Applications");
        Assert.Contains("No longer accepting new applications from June 15, 2027", applyPage);
        var refused = await applicant.PostAsync("/Applications?handler=Start", Form(applyPage, ("Input.ProgramId", programId.ToString()), ("Input.Type", "Initial")));
        Assert.Contains("no longer accepts new applications", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, await Fixture.QueryAsync(db => db.Applications.CountAsync(a => a.ProgramId == programId)));
    }

    [Fact]
    public async Task The_API_creates_retires_and_reopens_and_answers_bad_input_with_problem_details()
    {
        await Fixture.InsertAsync(TestData.State("VT", "Vermont", "CPS", TestData.NoRequirements()));
        await Fixture.CreateUserAsync("admin.vt@test.example", Roles.StateAdmin, state: "VT");
        await Fixture.CreateUserAsync("admin.nh@test.example", Roles.StateAdmin, state: "NH");
        var admin = await Fixture.ApiClientAsync("admin.vt@test.example");

        var templates = await admin.GetFromJsonAsync<JsonElement>("/api/v1/programs/templates");
        var biennial = templates.GetProperty("templates").EnumerateArray().Single(t => t.GetProperty("key").GetString() == "biennial").GetProperty("requirements");
        object Create(string code, string name = "Vermont Peer Specialist II") => new { stateCode = "VT", code, name, requirements = biennial };

        var invalid = await admin.PostAsJsonAsync("/api/v1/programs", Create("NOT A CODE", ""));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType!.MediaType);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("code", out _) || errors.TryGetProperty("Code", out _), errors.GetRawText());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/api/v1/programs", Create("cps"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await Fixture.ApiClientAsync("admin.nh@test.example")).PostAsJsonAsync("/api/v1/programs", Create("PS2"))).StatusCode);

        var created = await admin.PostAsJsonAsync("/api/v1/programs", Create("ps2"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(24, (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/programs/{id}/requirements")).GetProperty("requirements").GetProperty("renewalCycleMonths").GetInt32());

        var past = await admin.PostAsJsonAsync($"/api/v1/programs/{id}/retire", new { effectiveOn = "2020-01-01", reason = "Closing." });
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/programs/{id}/retire", new { effectiveOn = "2027-07-01", reason = "Closing." })).StatusCode);
        Assert.Equal(new DateOnly(2027, 7, 1), await Fixture.QueryAsync(db => db.Programs.Where(p => p.Id == id).Select(p => p.RetiredOn).SingleAsync()));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/programs/{id}/reopen", null)).StatusCode);
        var again = await admin.PostAsync($"/api/v1/programs/{id}/reopen", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/v1/programs/{Guid.NewGuid()}/reopen", null)).StatusCode);
    }
}
