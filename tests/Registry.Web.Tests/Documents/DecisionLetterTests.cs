using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Registry.Application.Common.Security;
using Registry.Domain.Applications;
using Registry.Domain.Credentials;
using Registry.Domain.Documents;
using Registry.Domain.Eligibility;
using Registry.Domain.Jurisdictions;
using Registry.Domain.People;
using Registry.Infrastructure.Mail;
using Registry.Testing;
using Registry.Web.Tests.Mail;
using static Registry.Web.Tests.Documents.LetterScenario;

namespace Registry.Web.Tests.Documents;

/// <summary>A Tennessee board with a letterhead, an application under review, and one user of every kind.</summary>
internal static class LetterScenario
{
    public const string Applicant = "robin@test.example";
    public const string Stranger = "stranger@test.example";
    public const string Employer = "employer@test.example";
    public const string Reviewer = "reviewer.tn@test.example";
    public const string OtherStateReviewer = "reviewer.oh@test.example";
    public const string Board = "Tennessee Peer Certification Board";
    public const string ProgramName = "Tennessee Certified Peer Specialist";

    /// <summary>A Tennessee application under review, 30 days to appeal a denial; the applicant's birth date and home address are on file.</summary>
    public static async Task<(Guid Id, Person Person)> UnderReviewAsync(WebFixture Fixture)
    {
        var now = Fixture.Factory.Clock.GetUtcNow();
        var rules = new ProgramRequirements(0, [], 0, 0, 0, null, [], 24, 0, 0, 30, 90, appealWindowDays: 30);
        var state = TestData.State("TN", "Tennessee", "CPRS", rules);
        state.ChangeContact(new BoardContact(Board, "710 James Robertson Parkway, Nashville, TN 37243", "board@tn.example", "615-555-0100", null));
        var person = TestData.Person("Robin", "Alvarez");
        person.UpdateContact("615-555-0199", new DateOnly(1984, 2, 29), new PostalAddress("12 Hidden Lane", null, "Memphis", "Shelby", StateCode.Parse("TN"), "38103"));
        var application = CertificationApplication.Start(person.Id, state.Programs[0].Id, ApplicationType.Initial, Guid.NewGuid(), now.AddDays(-10));
        application.Submit(Guid.NewGuid(), now.AddDays(-9), EligibilityCheck.Evaluate(rules, ApplicantRecords.Of(application, []), new Dictionary<string, string>(), false));
        application.BeginReview(Guid.NewGuid(), now.AddDays(-8));
        await Fixture.InsertAsync(state, person, application);
        await Fixture.CreateUserAsync(Applicant, Roles.Applicant, personId: person.Id);
        await Fixture.CreateUserAsync(Stranger, Roles.Applicant, personId: Guid.NewGuid());
        await Fixture.CreateUserAsync(Employer, Roles.Employer);
        await Fixture.CreateUserAsync(Reviewer, Roles.Reviewer, state: "TN");
        await Fixture.CreateUserAsync(OtherStateReviewer, Roles.Reviewer, state: "OH");
        return (application.Id, person);
    }

    public static async Task<JsonElement> OnlyLetterAsync(HttpClient client, string list)
    {
        var letters = await client.GetFromJsonAsync<JsonElement>(list);
        return Assert.Single(letters.EnumerateArray());
    }

    public static void AssertNothingPrivate(PdfReadBack read)
    {
        foreach (var secret in new[] { "1984", "February 29", "02/29", "12 Hidden Lane", "38103", "615-555-0199" })
            Assert.DoesNotContain(secret, read.Text);
    }
}

/// <summary>
/// The e-mail of a decision carries its letter. The host's own outbox job is paused (<see cref="OutboxTest"/>), so the
/// e-mail is still waiting when the test sends it with its own dispatcher.
/// </summary>
[Collection(nameof(WebCollection))]
public sealed class DecisionLetterMailTests(WebFixture fixture) : OutboxTest(fixture)
{
    [Fact]
    public async Task A_denial_letter_holds_the_reason_and_the_appeal_window_and_goes_with_the_e_mail()
    {
        Fixture.Factory.Clock.Reset();
        var (id, person) = await UnderReviewAsync(Fixture);
        var reviewer = await Fixture.ApiClientAsync(Reviewer);
        var deny = await reviewer.PostAsJsonAsync($"/api/v1/review/applications/{id}/deny", new { reason = "The training provider is not approved." });
        Assert.True(deny.StatusCode == HttpStatusCode.OK, await deny.Content.ReadAsStringAsync());

        var applicant = await Fixture.ApiClientAsync(Applicant);
        var letter = await OnlyLetterAsync(applicant, $"/api/v1/applications/{id}/letters");
        Assert.Equal("Denial", letter.GetProperty("kind").GetString());
        var response = await applicant.GetAsync($"/api/v1/letters/{letter.GetProperty("id").GetGuid()}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("decision-letter-2027-06-15.pdf", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var pdf = await response.Content.ReadAsByteArrayAsync();

        var read = PdfReadBack.Of(pdf);
        Assert.Equal($"Decision on your application for {ProgramName}", read.Title);
        Assert.Equal("en-US", read.Language);
        Assert.True(read.Tagged);
        Assert.True(read.HasStructureTree);
        Assert.Contains(Board, read.Text);
        Assert.Contains("710 James Robertson Parkway, Nashville, TN 37243", read.Text);
        Assert.Contains("June 15, 2027", read.Text);
        Assert.Contains("Robin Alvarez", read.Text);
        Assert.Contains($"Application reference: {id}", read.Text);
        Assert.Contains("The reason: The training provider is not approved.", read.Text);
        Assert.Contains("You may appeal this decision until July 15, 2027.", read.Text);
        Assert.Contains("choose \"Appeal this decision\"", read.Text);
        AssertNothingPrivate(read);

        // The e-mail carries the same bytes as its attachment.
        Assert.Equal(1, await DispatchAsync(new PickupFolderMailSender(Options(), Clock)));
        using var mail = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(Pickup, "*.eml")));
        Assert.Equal(person.Email, Assert.Single(mail.To.Mailboxes).Address);
        var attachment = Assert.IsType<MimePart>(Assert.Single(mail.Attachments));
        Assert.Equal("decision-letter-2027-06-15.pdf", attachment.FileName);
        Assert.Equal("application/pdf", attachment.ContentType.MimeType);
        using var attached = new MemoryStream();
        await attachment.Content!.DecodeToAsync(attached);
        Assert.Equal(pdf, attached.ToArray());
        Assert.Contains("The reason given: The training provider is not approved.", mail.TextBody);
    }

}

/// <summary>
/// Decision letters, written when the decision is made, kept as sent, and downloaded by the person and their
/// state's staff, from the API and from the pages.
/// </summary>
public sealed class DecisionLetterTests(WebFixture fixture) : WebTest(fixture)
{
    [Fact]
    public async Task A_letter_kept_at_decision_time_does_not_change_when_the_board_changes_its_name_and_contact()
    {
        var (id, _) = await UnderReviewAsync(Fixture);
        var reviewer = await Fixture.ApiClientAsync(Reviewer);
        await reviewer.PostAsJsonAsync($"/api/v1/review/applications/{id}/deny", new { reason = "The training provider is not approved." });
        var applicant = await Fixture.ApiClientAsync(Applicant);
        var address = $"/api/v1/letters/{(await OnlyLetterAsync(applicant, $"/api/v1/applications/{id}/letters")).GetProperty("id").GetGuid()}";
        var before = await applicant.GetByteArrayAsync(address);

        await Fixture.QueryAsync(async db =>
        {
            var state = await db.Jurisdictions.SingleAsync(j => j.Code == StateCode.Parse("TN"));
            state.ChangeContact(new BoardContact("Tennessee Board of Peer Recovery", "1 New Street, Nashville, TN 37219", "new@tn.example", null, null));
            return await db.SaveChangesAsync();
        });

        var after = await applicant.GetByteArrayAsync(address);
        Assert.Equal(before, after);
        Assert.Contains(Board, PdfReadBack.Of(after).Text);
        Assert.DoesNotContain("Tennessee Board of Peer Recovery", PdfReadBack.Of(after).Text);
    }

    [Fact]
    public async Task Only_the_person_and_their_states_staff_download_a_letter()
    {
        var (id, _) = await UnderReviewAsync(Fixture);
        var reviewer = await Fixture.ApiClientAsync(Reviewer);
        await reviewer.PostAsJsonAsync($"/api/v1/review/applications/{id}/deny", new { reason = "The training provider is not approved." });
        var letterId = (await OnlyLetterAsync(reviewer, $"/api/v1/applications/{id}/letters")).GetProperty("id").GetGuid();
        var address = $"/api/v1/letters/{letterId}";

        Assert.Equal(HttpStatusCode.Unauthorized, (await Fixture.Client().GetAsync(address)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await Fixture.ApiClientAsync(Employer)).GetAsync(address)).StatusCode);
        foreach (var outsider in new[] { Stranger, OtherStateReviewer })
        {
            var client = await Fixture.ApiClientAsync(outsider);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(address)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/applications/{id}/letters")).StatusCode);
        }
        Assert.Equal(await (await Fixture.ApiClientAsync(Applicant)).GetByteArrayAsync(address), await reviewer.GetByteArrayAsync(address));
        Assert.True(await Fixture.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(DecisionLetter) && a.EntityId == letterId.ToString())));
    }

    [Fact]
    public async Task An_approval_letter_names_the_credential_and_its_dates_and_a_request_for_information_says_what_is_needed()
    {
        var (id, person) = await UnderReviewAsync(Fixture);
        var reviewer = await Fixture.ApiClientAsync(Reviewer);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"/api/v1/review/applications/{id}/request-information",
            new { message = "Please send the certificate of your 40-hour training." })).StatusCode);
        await (await Fixture.ApiClientAsync(Applicant)).PostAsJsonAsync($"/api/v1/applications/{id}/submit", new { answer = "Attached." });
        await reviewer.PostAsync($"/api/v1/applications/{id}/review", null);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"/api/v1/review/applications/{id}/approve", new { })).StatusCode);

        var letters = (await reviewer.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}/letters")).EnumerateArray().ToList();
        Assert.Equal(["InformationRequest", "Approval"], letters.Select(l => l.GetProperty("kind").GetString()));
        var request = PdfReadBack.Of(await reviewer.GetByteArrayAsync($"/api/v1/letters/{letters[0].GetProperty("id").GetGuid()}"));
        Assert.Equal($"Request for information about your application for {ProgramName}", request.Title);
        Assert.Contains("What we need: Please send the certificate of your 40-hour training.", request.Text);

        var credential = await Fixture.QueryAsync(db => db.Credentials.AsNoTracking().SingleAsync(c => c.HolderPersonId == person.Id));
        var approval = PdfReadBack.Of(await reviewer.GetByteArrayAsync($"/api/v1/letters/{letters[1].GetProperty("id").GetGuid()}"));
        Assert.Equal($"Approval of your application for {ProgramName}", approval.Title);
        Assert.True(approval.HasStructureTree);
        Assert.Contains("Robin Alvarez", approval.Text);
        Assert.Contains($"Credential number: {credential.Number.Value}", approval.Text);
        Assert.Contains($"It was issued on June 15, 2027 and is valid until {credential.ExpiresOn.ToString("MMMM d, yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-US"))}.", approval.Text);
        AssertNothingPrivate(approval);

        // Each letter went with the e-mail that told the same decision.
        var sentWith = await Fixture.QueryAsync(db => db.DecisionLetters.AsNoTracking().OrderBy(l => l.CreatedAt)
            .Join(db.Notifications, l => l.NotificationId, n => n.Id, (l, n) => new { l.Kind, n.Template, n.RecipientEmail }).ToListAsync());
        Assert.Equal([(DecisionLetterKind.InformationRequest, "application-status"), (DecisionLetterKind.Approval, "credential-issued")],
            sentWith.OrderBy(s => s.Kind == DecisionLetterKind.Approval).Select(s => (s.Kind, s.Template)));
        Assert.All(sentWith, s => Assert.Equal(person.Email, s.RecipientEmail));
    }

    [Fact]
    public async Task A_discipline_notice_and_decision_are_letters_with_the_response_date_and_the_appeal_window()
    {
        var (_, person) = await UnderReviewAsync(Fixture);
        var credential = Credential.Issue(await Fixture.QueryAsync(db => db.Programs.AsNoTracking().SingleAsync()), person.Id, TestClock.StartDay.AddMonths(-3),
            Guid.NewGuid(), Fixture.Factory.Clock.GetUtcNow());
        await Fixture.InsertAsync(credential);
        var reviewer = await Fixture.ApiClientAsync(Reviewer);
        var opened = await reviewer.PostAsJsonAsync($"/api/v1/credentials/{credential.Id}/cases",
            new { notice = "An employer reported missed supervision sessions.", responseDueOn = "2027-06-25" });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var caseId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await reviewer.PostAsJsonAsync($"/api/v1/credentials/{credential.Id}/cases/{caseId}/decision",
            new { outcome = "Suspension", notes = "The sessions were missed for three months.", endsOn = "2027-09-15", appealDays = 30 })).StatusCode);

        var holder = await Fixture.ApiClientAsync(Applicant);
        var letters = (await holder.GetFromJsonAsync<JsonElement>($"/api/v1/credentials/{credential.Id}/letters")).EnumerateArray().ToList();
        Assert.Equal(["DisciplineNotice", "DisciplineDecision"], letters.Select(l => l.GetProperty("kind").GetString()));
        var number = credential.Number.Value;

        var notice = PdfReadBack.Of(await holder.GetByteArrayAsync($"/api/v1/letters/{letters[0].GetProperty("id").GetGuid()}"));
        Assert.Equal($"Notice about your credential {number}", notice.Title);
        Assert.True(notice.HasStructureTree);
        Assert.Contains("Robin Alvarez", notice.Text);
        Assert.Contains($"Credential number: {number}", notice.Text);
        Assert.Contains("An employer reported missed supervision sessions.", notice.Text);
        Assert.Contains("Please respond by June 25, 2027.", notice.Text);

        var decision = PdfReadBack.Of(await holder.GetByteArrayAsync($"/api/v1/letters/{letters[1].GetProperty("id").GetGuid()}"));
        Assert.Equal($"Decision about your credential {number}", decision.Title);
        Assert.Contains("decided with a suspension until September 15, 2027", decision.Text);
        Assert.Contains("The reasons: The sessions were missed for three months.", decision.Text);
        Assert.Contains("You may appeal this decision until July 15, 2027.", decision.Text);
        AssertNothingPrivate(notice);
        AssertNothingPrivate(decision);

        var outsider = await Fixture.ApiClientAsync(OtherStateReviewer);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/credentials/{credential.Id}/letters")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/letters/{letters[1].GetProperty("id").GetGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync($"/api/v1/letters/{letters[1].GetProperty("id").GetGuid()}")).StatusCode);
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(client, email);
        return client;
    }

    [Fact]
    public async Task The_application_and_credential_pages_link_the_letters_for_the_person_and_own_state_staff_only()
    {
        var (id, person) = await UnderReviewAsync(Fixture);
        var api = await Fixture.ApiClientAsync(Reviewer);
        await api.PostAsJsonAsync($"/api/v1/review/applications/{id}/deny", new { reason = "The training provider is not approved." });
        var denial = (await OnlyLetterAsync(api, $"/api/v1/applications/{id}/letters")).GetProperty("id").GetGuid();
        var credential = Credential.Issue(await Fixture.QueryAsync(db => db.Programs.AsNoTracking().SingleAsync()), person.Id, TestClock.StartDay.AddMonths(-3),
            Guid.NewGuid(), Fixture.Factory.Clock.GetUtcNow());
        await Fixture.InsertAsync(credential);
        await api.PostAsJsonAsync($"/api/v1/credentials/{credential.Id}/cases", new { notice = "A concern was raised.", responseDueOn = "2027-06-25" });
        var notice = (await OnlyLetterAsync(api, $"/api/v1/credentials/{credential.Id}/letters")).GetProperty("id").GetGuid();

        var applicant = await SignedInAsync(Applicant);
        Assert.Contains($"href=\"/Letters/{denial}\"", await applicant.GetStringAsync($"/Applications/{id}"));
        Assert.Contains($"href=\"/Letters/{notice}\"", await applicant.GetStringAsync("/Credentials"));
        var download = await applicant.GetAsync($"/Letters/{denial}");
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(await api.GetByteArrayAsync($"/api/v1/letters/{denial}"), await download.Content.ReadAsByteArrayAsync());

        var staff = await SignedInAsync(Reviewer);
        Assert.Contains($"href=\"/Letters/{denial}\"", await staff.GetStringAsync($"/Staff/Applications/{id}"));
        Assert.Contains($"href=\"/Letters/{notice}\"", await staff.GetStringAsync($"/Staff/Credentials/{credential.Id}"));
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/Letters/{notice}")).StatusCode);

        foreach (var outsider in new[] { Stranger, OtherStateReviewer })
            Assert.Equal(HttpStatusCode.NotFound, (await (await SignedInAsync(outsider)).GetAsync($"/Letters/{denial}")).StatusCode);
        Assert.Contains("/Account/Login", (await Fixture.Client().GetAsync($"/Letters/{denial}")).Headers.Location!.ToString());
    }
}
