using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Security;
using Registry.Domain.Applications;
using Registry.Domain.Attestations;
using Registry.Domain.Credentials;
using Registry.Domain.Jurisdictions;
using Registry.Domain.People;
using Registry.Testing;

namespace Registry.Web.Tests.Documents;

/// <summary>
/// Certificates and wallet cards: read back with PdfPig, they hold the holder's name, number, program, state, dates, the
/// board's contact and an edition code, carry a QR code to the live record, and nothing private; only the holder and staff
/// of the credential's state get them, and only for an active credential. A renewal or a name change moves the edition,
/// and the live public record names the current one.
/// </summary>
public sealed partial class CredentialDocumentsTests(WebFixture fixture) : WebTest(fixture)
{
    const string Holder = "doc.holder@test.example";
    const string OtherApplicant = "doc.other@test.example";
    const string EmployerUser = "doc.employer@test.example";
    const string Reviewer = "doc.reviewer.tn@test.example";
    const string OtherStateAdmin = "doc.admin.oh@test.example";

    static readonly DateOnly BirthDate = new(1917, 3, 29);

    /// <summary>Strings only in private fields: none may appear on a certificate or card.</summary>
    static readonly string[] Private =
    [
        "SNTL-ADDRESS-LINE-4471", "SNTL-CITY-XYLOVILLE", "SNTL-COUNTY-QUOKKA", "SNTL-99871", "SNTL-LIVED-EXPERIENCE-STATEMENT", "sntl-doc-email",
        "555-0199", "1917", "March 29",
    ];

    sealed record World(Person Person, Credential Active, Credential Suspended, string ProgramName);

    async Task<World> SeedAsync()
    {
        var now = Now;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var actor = Guid.NewGuid();
        var state = TestData.State("TN", "Tennessee", "CPRS", TestData.NoRequirements());
        state.ChangeContact(new BoardContact("Tennessee Peer Certification Board", "1 Capitol Way, Nashville, TN 37243", "board@tn-board.example", "615-555-0100",
            "https://tn-board.example"));
        var program = state.Programs[0];
        var person = new Person("Robin", "Alvarez", "sntl-doc-email@example.org");
        person.UpdateContact("615-555-0199", BirthDate,
            new PostalAddress("SNTL-ADDRESS-LINE-4471", null, "SNTL-CITY-XYLOVILLE", "SNTL-COUNTY-QUOKKA", StateCode.Parse("TN"), "SNTL-99871"));
        var existing = await Fixture.QueryAsync(db => db.AttestationWordings.AsNoTracking().SingleOrDefaultAsync(w => w.Code == "doc-lived-experience"));
        var wording = existing ?? new AttestationWording("doc-lived-experience", 1, AttestationKind.Agreement, "Lived experience", "I have lived experience.",
            asksForStatement: true, now.AddYears(-1));
        var application = CertificationApplication.Start(person.Id, program.Id, ApplicationType.Initial, actor, now.AddMonths(-8));
        application.Sign(wording, agreed: true, disclosedYes: null, "SNTL-LIVED-EXPERIENCE-STATEMENT", now.AddMonths(-8));
        var active = Credential.Issue(program, person.Id, today.AddMonths(-6), actor, now.AddMonths(-6));
        var suspended = Credential.Issue(program, person.Id, today.AddMonths(-5), actor, now.AddMonths(-5));
        suspended.Suspend("A private reason", today.AddDays(-3), null, actor, now.AddDays(-3));
        var other = TestData.Person("Sam", "Other");
        var employer = new Registry.Domain.Employers.Employer("Recovery Works", "hr@recovery.example", state.Code, now);
        employer.Approve(null, now);
        if (existing is null) await Fixture.InsertAsync(wording);
        await Fixture.InsertAsync(state, person, other, application, active, suspended, employer);
        await Fixture.CreateUserAsync(Holder, Roles.Applicant, personId: person.Id);
        await Fixture.CreateUserAsync(OtherApplicant, Roles.Applicant, personId: other.Id);
        await Fixture.CreateUserAsync(EmployerUser, Roles.Employer, employerId: employer.Id);
        await Fixture.CreateUserAsync(Reviewer, Roles.Reviewer, state: "TN");
        await Fixture.CreateUserAsync(OtherStateAdmin, Roles.StateAdmin, state: "OH");
        return new World(person, active, suspended, program.Name);
    }

    static string Day(DateOnly day) => day.ToString("MMMM d, yyyy", CultureInfo.GetCultureInfo("en-US"));

    static string LiveRecord(Credential credential) => $"{TestMessages.PublicBaseUrl}/Verify/{credential.Number.Value}";

    async Task<HttpClient> PagesAsync(string email)
    {
        var client = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(client, email);
        return client;
    }

    static async Task<PdfReadBack> PdfAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore, "a person's document must not be kept by caches");
        return PdfReadBack.Of(await response.Content.ReadAsByteArrayAsync());
    }

    static void AssertNothingPrivate(PdfReadBack pdf)
    {
        foreach (var value in Private)
            Assert.False(pdf.Text.Contains(value, StringComparison.OrdinalIgnoreCase), $"'{value}' appeared on the document.");
    }

    [GeneratedRegex(@"[Ee]dition (?:code )?(?:<strong>)?([0-9A-Z]{4}-[0-9A-Z]{4})")]
    private static partial Regex EditionCode();

    [Fact]
    public async Task The_holder_downloads_a_certificate_and_a_wallet_card_that_say_who_and_what_and_lead_to_the_live_record_and_hold_nothing_private()
    {
        var world = await SeedAsync();
        var number = world.Active.Number.Value;
        var holder = await PagesAsync(Holder);

        var page = await holder.GetStringAsync("/Credentials");
        Assert.Contains($"Download the certificate for {number} (PDF)", page);
        Assert.DoesNotContain($"Download the certificate for {world.Suspended.Number.Value}", page);

        var certificate = await PdfAsync(await holder.GetAsync($"/Credentials?handler=Certificate&id={world.Active.Id}"));
        var card = await PdfAsync(await holder.GetAsync($"/Credentials?handler=WalletCard&id={world.Active.Id}"));

        Assert.Equal($"Certificate for Robin Alvarez, credential {number}", certificate.Title);
        Assert.Equal($"Wallet card for Robin Alvarez, credential {number}", card.Title);
        foreach (var pdf in new[] { certificate, card })
        {
            Assert.Equal("en-US", pdf.Language);
            Assert.True(pdf.Tagged);
            Assert.True(pdf.HasStructureTree);
            Assert.Single(pdf.Pages);
            Assert.Contains("Robin Alvarez", pdf.Text);
            Assert.Contains(number, pdf.Text);
            Assert.Contains(world.ProgramName, pdf.Text);
            Assert.Contains("Tennessee", pdf.Text);
            Assert.Contains($"Issued {Day(world.Active.IssuedOn)}", pdf.Text);
            Assert.Contains($"Expires {Day(world.Active.ExpiresOn)}", pdf.Text);
            Assert.Contains("Tennessee Peer Certification Board", pdf.Text);
            Assert.Contains("board@tn-board.example", pdf.Text);
            Assert.Equal([LiveRecord(world.Active)], pdf.QrCodes);
            Assert.DoesNotContain("Endorsements", pdf.Text);
            AssertNothingPrivate(pdf);
        }
        Assert.Contains("1 Capitol Way, Nashville, TN 37243", certificate.Text);
        // The same edition on both, and the live record names it as current.
        var edition = EditionCode().Match(certificate.Text).Groups[1].Value;
        Assert.NotEmpty(edition);
        Assert.Contains($"Edition {edition}", card.Text);
        var record = await Fixture.Client().GetStringAsync($"/Verify/{number}");
        Assert.Equal(edition, EditionCode().Match(record).Groups[1].Value);
    }

    [Fact]
    public async Task Own_state_staff_download_them_too_and_the_api_gives_the_same_to_the_same_people_only()
    {
        var world = await SeedAsync();
        var id = world.Active.Id;

        var staff = await PagesAsync(Reviewer);
        Assert.Contains("Download the wallet card for", await staff.GetStringAsync($"/Staff/Credentials/{id}"));
        var fromStaffPage = await PdfAsync(await staff.GetAsync($"/Staff/Credentials/{id}?handler=Certificate"));
        Assert.Contains("Robin Alvarez", fromStaffPage.Text);

        var holderApi = await Fixture.ApiClientAsync(Holder);
        var card = await PdfAsync(await holderApi.GetAsync($"/api/v1/credentials/{id}/wallet-card"));
        Assert.Equal([LiveRecord(world.Active)], card.QrCodes);
        AssertNothingPrivate(card);
        await PdfAsync(await (await Fixture.ApiClientAsync(Reviewer)).GetAsync($"/api/v1/credentials/{id}/certificate"));

        foreach (var stranger in new[] { OtherApplicant, EmployerUser, OtherStateAdmin })
        {
            var api = await Fixture.ApiClientAsync(stranger);
            foreach (var document in new[] { "certificate", "wallet-card" })
                Assert.Contains((await api.GetAsync($"/api/v1/credentials/{id}/{document}")).StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });
        }
        Assert.Equal(HttpStatusCode.NotFound, (await (await PagesAsync(OtherApplicant)).GetAsync($"/Credentials?handler=Certificate&id={id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await PagesAsync(OtherStateAdmin)).GetAsync($"/Staff/Credentials/{id}?handler=WalletCard")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Fixture.Client().GetAsync($"/api/v1/credentials/{id}/certificate")).StatusCode);

        // Each download is in the access log, by whom and of which credential.
        var reads = await Fixture.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "CredentialDocument" && e.EntityId == id.ToString()).CountAsync());
        Assert.Equal(3, reads);
    }

    [Fact]
    public async Task A_credential_that_is_not_active_has_no_certificate_or_wallet_card()
    {
        var world = await SeedAsync();
        var id = world.Suspended.Id;
        var api = await Fixture.ApiClientAsync(Holder);
        foreach (var document in new[] { "certificate", "wallet-card" })
        {
            var refused = await api.GetAsync($"/api/v1/credentials/{id}/{document}");
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Contains("is not active, so it has no certificate or wallet card", await refused.Content.ReadAsStringAsync());
        }
        var page = await (await PagesAsync(Holder)).GetAsync($"/Credentials?handler=Certificate&id={id}");
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("is not active, so it has no certificate or wallet card", await page.Content.ReadAsStringAsync());
        Assert.DoesNotContain("edition code", await Fixture.Client().GetStringAsync($"/Verify/{world.Suspended.Number.Value}"));
    }

    [Fact]
    public async Task After_a_renewal_or_a_change_of_name_the_edition_moves_and_the_live_record_names_the_new_one()
    {
        var world = await SeedAsync();
        var api = await Fixture.ApiClientAsync(Holder);
        var address = $"/api/v1/credentials/{world.Active.Id}/certificate";
        var number = world.Active.Number.Value;
        async Task<string> PrintedAsync() => EditionCode().Match((await PdfAsync(await api.GetAsync(address))).Text).Groups[1].Value;
        async Task<string> LiveAsync() => EditionCode().Match(await Fixture.Client().GetStringAsync($"/Verify/{number}")).Groups[1].Value;

        var first = await PrintedAsync();
        Assert.Equal(first, await LiveAsync());

        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        await Fixture.QueryAsync(async db =>
        {
            var credential = await db.Credentials.Include(c => c.History).SingleAsync(c => c.Id == world.Active.Id);
            credential.Renew(24, today, Guid.NewGuid(), Now);
            return await db.SaveChangesAsync();
        });
        var renewed = await PrintedAsync();
        Assert.NotEqual(first, renewed);
        Assert.Equal(renewed, await LiveAsync());
        var renewedCertificate = await PdfAsync(await api.GetAsync(address));
        Assert.Contains($"Expires {Day(world.Active.ExpiresOn.AddMonths(24))}", renewedCertificate.Text);

        await Fixture.QueryAsync(async db =>
        {
            var person = await db.People.SingleAsync(p => p.Id == world.Person.Id);
            person.Rename("Robin", "Alvarez-Reyes", null);
            return await db.SaveChangesAsync();
        });
        var renamed = await PdfAsync(await api.GetAsync(address));
        Assert.Contains("Robin Alvarez-Reyes", renamed.Text);
        var afterRename = EditionCode().Match(renamed.Text).Groups[1].Value;
        Assert.NotEqual(renewed, afterRename);
        Assert.Equal(afterRename, await LiveAsync());
    }
}
