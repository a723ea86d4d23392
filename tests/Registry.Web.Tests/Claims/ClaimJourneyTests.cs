using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Security;
using Registry.Domain.Auditing;
using Registry.Domain.Credentials;
using Registry.Domain.People;
using Registry.Testing;
using Registry.Web.Tests.Account;

namespace Registry.Web.Tests.Claims;

public sealed class ClaimJourneyTests(WebFixture fixture) : WebTest(fixture)
{
    private const string NewPassword = "Claimed-Record-Pass-27";

    private async Task<(Person Holder, Credential Credential)> ArrangeAsync(string? email)
    {
        var state = TestData.State("VT", "Vermont");
        var holder = new Person("Avery", "Stone", email);
        holder.UpdateContact(null, new DateOnly(1980, 4, 2), null);
        var credential = Credential.Issue(state.Programs[0], holder.Id, new DateOnly(2025, 8, 1), Guid.NewGuid(), Now);
        await Fixture.InsertAsync(state, holder, credential);
        await Fixture.CreateUserAsync("admin@vt.test.example", Roles.StateAdmin, state: "VT");
        return (holder, credential);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string form, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = WebFixture.AntiforgeryToken(form);
        return await client.PostAsync(page, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task An_invited_holder_claims_through_the_mailed_link_once_after_a_wrong_date_of_birth_and_sees_their_credential()
    {
        var (holder, credential) = await ArrangeAsync("avery@test.example");
        var admin = await Fixture.ApiClientAsync("admin@vt.test.example");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("/api/v1/claims/VT/rules", new { requireDateOfBirth = true })).StatusCode);
        var sent = await admin.PostAsJsonAsync("/api/v1/claims/VT/invitations", new { });
        Assert.Equal(1, (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invited").GetInt32());

        var link = await Fixture.LinkFromLatestAsync("avery@test.example", "claim-invitation");
        var client = Fixture.Client();
        var page = await client.GetStringAsync(link);
        Assert.Contains(credential.Number.Value, page);
        Assert.Contains("Date of birth", page);
        Assert.DoesNotContain("1980", page);
        var fields = new Dictionary<string, string>
        {
            ["Input.Token"] = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + link).Query)["token"]!,
            ["Input.Email"] = "avery@test.example", ["Input.DateOfBirth"] = "1980-04-03",
            ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword,
        };

        var wrong = await PostAsync(client, link, page, new(fields));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("do not match the record", await wrong.Content.ReadAsStringAsync());

        fields["Input.DateOfBirth"] = "1980-04-02";
        var claimed = await PostAsync(client, link, page, new(fields));
        Assert.Equal("/Account/Login", claimed.Headers.Location!.OriginalString);
        Assert.Contains("no longer works", await Fixture.Client().GetStringAsync(link));

        var holderClient = Fixture.Client();
        holderClient.DefaultRequestHeaders.Authorization = new("Bearer", await Fixture.TokenAsync("avery@test.example", NewPassword));
        var mine = await holderClient.GetStringAsync($"/api/v1/credentials/{credential.Id}");
        Assert.Contains(credential.Number.Value, mine);
        Assert.Equal(1, await Fixture.QueryAsync(db => db.People.CountAsync()));
        Assert.True(await Fixture.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Kind == AuditKind.Refusal && a.Action == "ClaimRecord")));
        Assert.True(await Fixture.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "ClaimRecord" && a.EntityType == "RegistryUser")));
    }

    [Fact]
    public async Task An_unclaimed_record_verifies_publicly_and_staff_renew_it_on_paper_or_give_a_code_the_holder_claims_with()
    {
        var (holder, credential) = await ArrangeAsync(email: null);
        var anonymous = Fixture.Client();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/v1/verifications/{credential.Number.Value}")).StatusCode);
        Assert.Contains("Avery Stone", await anonymous.GetStringAsync($"/Verify/{credential.Number.Value}"));

        var admin = await Fixture.ApiClientAsync("admin@vt.test.example");
        var renewal = await admin.PostAsJsonAsync($"/api/v1/credentials/{credential.Id}/paper-renewal", new { reference = "Form 12, received June 10" });
        Assert.Equal(HttpStatusCode.OK, renewal.StatusCode);
        var code = (await (await admin.PostAsync($"/api/v1/credentials/{credential.Id}/claim-code", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;

        var client = Fixture.Client();
        var form = await client.GetStringAsync("/Account/ClaimWithCode");
        var claimed = await PostAsync(client, "/Account/ClaimWithCode", form, new()
        {
            ["Input.Code"] = code, ["Input.CredentialNumber"] = credential.Number.Value, ["Input.Email"] = "avery.new@test.example",
            ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword,
        });
        Assert.Equal("/Account/Login", claimed.Headers.Location!.OriginalString);
        await Fixture.ConfirmAsync("avery.new@test.example");

        var again = await admin.PostAsJsonAsync($"/api/v1/credentials/{credential.Id}/paper-renewal", new { reference = "Form 13" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.True(await Fixture.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "RecordPaperRenewal")));
        Assert.True(await Fixture.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "CreateClaimCode")));
    }

    [Fact]
    public async Task The_staff_credential_page_offers_a_claim_code_and_a_paper_renewal_only_for_a_holder_without_an_account()
    {
        var state = TestData.State("VT", "Vermont");
        var withoutAccount = new Person("Avery", "Stone", null);
        var withAccount = new Person("Robin", "Vale", "robin@test.example");
        var unclaimed = Credential.Issue(state.Programs[0], withoutAccount.Id, new DateOnly(2025, 8, 1), Guid.NewGuid(), Now);
        var claimed = Credential.Issue(state.Programs[0], withAccount.Id, new DateOnly(2025, 8, 1), Guid.NewGuid(), Now);
        await Fixture.InsertAsync(state, withoutAccount, withAccount, unclaimed, claimed);
        await Fixture.CreateUserAsync("admin@vt.test.example", Roles.StateAdmin, state: "VT");
        await Fixture.CreateUserAsync("robin@test.example", Roles.Applicant, personId: withAccount.Id);
        var staff = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(staff, "admin@vt.test.example");

        var without = await staff.GetStringAsync($"/Staff/Credentials/{unclaimed.Id}");
        Assert.Contains("Make a claim code for the holder", without);
        Assert.Contains("Record the paper renewal", without);

        var with = await staff.GetStringAsync($"/Staff/Credentials/{claimed.Id}");
        Assert.Contains(claimed.Number.Value, with);
        Assert.DoesNotContain("Make a claim code for the holder", with);
        Assert.DoesNotContain("Record the paper renewal", with);
    }
}
