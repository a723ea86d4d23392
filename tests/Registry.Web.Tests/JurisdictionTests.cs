using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Security;
using Registry.Domain.Credentials;
using Registry.Domain.Jurisdictions;
using Registry.Testing;

namespace Registry.Web.Tests;

/// <summary>A SystemAdmin adds a state and invites its administrators; the state's administrator keeps its board's contact details.</summary>
public sealed class JurisdictionTests(WebFixture fixture) : WebTest(fixture)
{
    private static FormUrlEncodedContent Form(string page, params (string, string)[] fields) =>
        new(fields.Append(("__RequestVerificationToken", WebFixture.AntiforgeryToken(page))).Select(f => KeyValuePair.Create(f.Item1, f.Item2)));

    private async Task<HttpClient> SignedInAsync(string email, string role, string? state = null)
    {
        await Fixture.CreateUserAsync(email, role, state: state);
        var browser = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(browser, email);
        return browser;
    }

    private static object NewState(string code = "OR") => new
    {
        code, name = "Oregon", timeZone = "America/Los_Angeles",
        contact = new { boardName = "Oregon Peer Certification Board", email = "peers@or.example.gov", phone = "503-555-0100", webAddress = "https://or.example.gov/peers" },
    };

    /// <summary>Tennessee and Pennsylvania as a state's administrator found them: each board reachable by e-mail.</summary>
    private async Task<Jurisdiction> TennesseeAndPennsylvaniaAsync()
    {
        var tennessee = TestData.State("TN", "Tennessee");
        tennessee.ChangeContact(new BoardContact("Tennessee Peer Certification Board", null, "peer.certification@tn.example.gov", null, null));
        var pennsylvania = TestData.State("PA", "Pennsylvania", timeZone: "America/New_York");
        await Fixture.InsertAsync(tennessee, pennsylvania);
        return tennessee;
    }

    [Fact]
    public async Task A_system_administrator_adds_a_state_through_the_page_and_a_taken_code_or_unknown_zone_is_a_field_error()
    {
        await TennesseeAndPennsylvaniaAsync();
        var admin = await SignedInAsync("system@test.example", Roles.SystemAdmin);
        var page = await admin.GetStringAsync("/Staff/Jurisdictions");
        Assert.Contains("Tennessee", page);

        var refused = await admin.PostAsync("/Staff/Jurisdictions", Form(page,
            ("Input.Code", "TN"), ("Input.Name", "Tennessee again"), ("Input.TimeZone", "Europe/Paris"), ("Input.Contact.WebAddress", "not a web address")));
        var errors = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("TN is already in the registry.", errors);
        Assert.Contains("Choose the time zone the state&#x27;s board works in.", errors);
        Assert.Contains("starting https://", errors);

        var added = await admin.PostAsync("/Staff/Jurisdictions", Form(page,
            ("Input.Code", "or"), ("Input.Name", "Oregon"), ("Input.TimeZone", "America/Los_Angeles"),
            ("Input.Contact.BoardName", "Oregon Peer Certification Board"), ("Input.Contact.Email", "peers@or.example.gov")));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal("/Staff/Jurisdiction?code=OR", added.Headers.Location!.OriginalString);

        var oregon = await Fixture.QueryAsync(db => db.Jurisdictions.SingleAsync(j => j.Code == StateCode.Parse("OR")));
        Assert.Equal(("America/Los_Angeles", "Oregon Peer Certification Board", null), (oregon.TimeZone, oregon.BoardName, oregon.ContactPhone));
        Assert.True(await Fixture.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "AddJurisdiction" && a.EntityType == "Jurisdiction" && a.EntityId == "OR")));
        Assert.Contains("Oregon Peer Certification Board", await admin.GetStringAsync("/Staff/Jurisdiction?code=OR"));
    }

    [Fact]
    public async Task The_API_adds_a_state_once_and_refuses_a_state_administrator()
    {
        await Fixture.CreateUserAsync("system@test.example", Roles.SystemAdmin);
        await Fixture.CreateUserAsync("admin.tn@test.example", Roles.StateAdmin, state: "TN");
        var system = await Fixture.ApiClientAsync("system@test.example");

        var created = await system.PostAsJsonAsync("/api/v1/jurisdictions", NewState());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/v1/jurisdictions/OR", created.Headers.Location!.OriginalString);
        Assert.Equal("Oregon Peer Certification Board", (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("contact").GetProperty("boardName").GetString());

        var duplicate = await system.PostAsJsonAsync("/api/v1/jurisdictions", NewState());
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Equal("application/problem+json", duplicate.Content.Headers.ContentType!.MediaType);
        Assert.True((await duplicate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("code", out _));

        var stateAdmin = await Fixture.ApiClientAsync("admin.tn@test.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await stateAdmin.PostAsJsonAsync("/api/v1/jurisdictions", NewState("WA"))).StatusCode);
        Assert.False(await Fixture.QueryAsync(db => db.Jurisdictions.AnyAsync(j => j.Code == StateCode.Parse("WA"))));
    }

    [Fact]
    public async Task A_state_administrator_changes_the_own_board_contact_but_not_another_states_or_the_time_zone()
    {
        await TennesseeAndPennsylvaniaAsync();
        await Fixture.CreateUserAsync("admin.pa@test.example", Roles.StateAdmin, state: "PA");
        var pennsylvania = await Fixture.ApiClientAsync("admin.pa@test.example");
        var contact = new { boardName = "Pennsylvania Certification Board", email = "help@pcb.example.org", phone = "717-555-0199" };

        Assert.Equal(HttpStatusCode.Forbidden, (await pennsylvania.PutAsJsonAsync("/api/v1/jurisdictions/TN/contact", contact)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await pennsylvania.PutAsJsonAsync("/api/v1/jurisdictions/PA", new { name = "Penn", timeZone = "America/Chicago", contact })).StatusCode);
        var changed = await pennsylvania.PutAsJsonAsync("/api/v1/jurisdictions/PA/contact", contact);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        var (tn, pa) = await Fixture.QueryAsync(async db => (
            await db.Jurisdictions.SingleAsync(j => j.Code == StateCode.Parse("TN")), await db.Jurisdictions.SingleAsync(j => j.Code == StateCode.Parse("PA"))));
        Assert.Equal(("help@pcb.example.org", "717-555-0199", "America/New_York"), (pa.ContactEmail, pa.ContactPhone, pa.TimeZone));
        Assert.Equal("peer.certification@tn.example.gov", tn.ContactEmail);
        Assert.True(await Fixture.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "ChangeBoardContact" && a.StateCode == "PA")));
    }

    [Fact]
    public async Task A_state_with_credentials_keeps_its_time_zone()
    {
        var tennessee = await TennesseeAndPennsylvaniaAsync();
        var holder = TestData.Person("Quinn", "Holder");
        await Fixture.InsertAsync(holder, Credential.Issue(tennessee.Programs[0], holder.Id, TestClock.StartDay.AddMonths(-3), Guid.NewGuid(), Now));
        await Fixture.CreateUserAsync("system@test.example", Roles.SystemAdmin);
        var system = await Fixture.ApiClientAsync("system@test.example");

        var moved = await system.PutAsJsonAsync("/api/v1/jurisdictions/TN", new { name = "Tennessee", timeZone = "America/New_York", contact = new { } });

        Assert.Equal(HttpStatusCode.BadRequest, moved.StatusCode);
        Assert.True((await moved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("timeZone", out _));
        Assert.Equal("America/Chicago", await Fixture.QueryAsync(db => db.Jurisdictions.Where(j => j.Code == StateCode.Parse("TN")).Select(j => j.TimeZone).SingleAsync()));
    }

    [Fact]
    public async Task The_system_administrator_invites_a_states_first_administrator_who_is_listed_and_mailed()
    {
        await TennesseeAndPennsylvaniaAsync();
        await Fixture.CreateUserAsync("system@test.example", Roles.SystemAdmin);
        var system = await Fixture.ApiClientAsync("system@test.example");
        Assert.Equal(HttpStatusCode.Created, (await system.PostAsJsonAsync("/api/v1/jurisdictions", NewState())).StatusCode);

        var invited = await system.PostAsJsonAsync("/api/v1/jurisdictions/OR/administrators", new { displayName = "Sam Rivera", email = "sam@or.example.gov" });
        Assert.Equal(HttpStatusCode.NoContent, invited.StatusCode);
        var again = await system.PostAsJsonAsync("/api/v1/jurisdictions/OR/administrators", new { displayName = "Sam Rivera", email = "sam@or.example.gov" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);

        var user = await Fixture.QueryAsync(db => db.Users.SingleAsync(u => u.Email == "sam@or.example.gov"));
        Assert.Equal(("OR", true, null), (user.StateCode, user.EmailConfirmed, user.PasswordHash));
        var mail = Assert.Single(await Fixture.QueryAsync(db => db.Notifications.Where(n => n.RecipientEmail == "sam@or.example.gov").ToListAsync()));
        Assert.Equal("staff-invitation", mail.Template);
        Assert.Contains("administrator for Oregon", mail.Rendered().Text);
        var state = await (await system.GetAsync("/api/v1/jurisdictions/OR")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("sam@or.example.gov", Assert.Single(state.GetProperty("administrators").EnumerateArray()).GetProperty("email").GetString());
        Assert.True(await Fixture.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "InviteStateAdmin" && a.EntityType == "RegistryUser" && a.EntityId == user.Id.ToString())));

        // The state's administrators see their own state's page, and no other.
        var admin = await SignedInAsync("other.admin@test.example", Roles.StateAdmin, "OR");
        Assert.Contains("Sam Rivera", await admin.GetStringAsync("/Staff/Jurisdiction"));
        var refused = await admin.GetAsync("/Staff/Jurisdiction?code=TN");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", refused.Headers.Location!.PathAndQuery);
    }
}
