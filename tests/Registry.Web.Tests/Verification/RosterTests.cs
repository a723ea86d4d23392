using System.Net;
using System.Text;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Features.Verification;
using Registry.Application.Features.Employers;

namespace Registry.Web.Tests.Verification;

public sealed class RosterTests(WebFixture fixture) : WebTest(fixture)
{
    [Fact]
    public async Task A_csv_roster_is_summed_up_on_the_page_beside_a_workbook_with_each_rows_match_or_reason_and_matches_can_join_the_watch_list()
    {
        var world = await VerificationWebScenario.SeedAsync(Fixture);
        var client = await RosterSteps.SignedInAsync(Fixture, world.EmployerEmail);
        var csv = "State,Last Name,First Name,Credential Number\n" +
            $",,,{world.Credential.Number.Value}\n" +
            ",,,TN-CPRS-999999\n" +
            ",,,=HYPERLINK(\"x\")\n" +
            "TN,zephyr,robin,\n" +
            "TN,Nobody,Anne,\n" +
            ",Zephyr,Robin,\n" +
            "TN,,,\n";

        var upload = await RosterSteps.UploadAsync(client, RosterSteps.Csv(csv), "staff.csv", addToWatchList: true);

        var (summary, response) = await RosterSteps.ResultAsync(client, upload);
        var said = System.Net.WebUtility.HtmlDecode(summary);
        Assert.Contains("Your roster staff.csv is checked", said);
        Assert.Contains("<dt>Rows read</dt><dd>7</dd>", said);
        Assert.Contains("<dt>Matched to a credential</dt><dd>2</dd>", said);
        Assert.Contains("<dt>Not matched</dt><dd>5 (the workbook gives each row's reason)</dd>", said);
        Assert.Contains("2 matched credentials are on your", said);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("staff-verified.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var rows = RosterSteps.ReadWorkbook(await response.Content.ReadAsByteArrayAsync());
        var header = rows[0].ToList();
        string Cell(int row, string column) => rows[row][header.IndexOf(column)];
        Assert.Equal(8, rows.Count);
        Assert.Equal(["Yes", "No", "No", "Yes", "No", "No", "No"], rows.Skip(1).Select(r => r[header.IndexOf("Matched")]));
        Assert.Equal(("Suspended", "Suspension " + world.Credential.History[^1].EffectiveOn.ToString("yyyy-MM-dd")), (Cell(1, "Status"), Cell(1, "Public actions")));
        Assert.Equal(world.Credential.ExpiresOn.ToString("yyyy-MM-dd"), Cell(1, "Expires"));
        Assert.Equal("No credential has this number.", Cell(2, "Reason not matched"));
        Assert.Contains("is not a credential number", Cell(3, "Reason not matched"));
        Assert.Equal(world.Second.Number.Value, Cell(4, "Credential number"));
        Assert.Contains("No credential in TN is held by someone named Anne Nobody", Cell(5, "Reason not matched"));
        Assert.Contains("needs its state", Cell(6, "Reason not matched"));
        Assert.Contains("neither a credential number nor a last name", Cell(7, "Reason not matched"));

        var watched = await VerificationWebScenario.SendAsEmployerAsync(Fixture, world.Employer.Id, new ListWatchedCredentials.Query());
        Assert.Equal(new[] { world.Second.Number.Value, world.Credential.Number.Value }.Order(), watched.Items.Select(w => w.CredentialNumber).Order());
    }

    [Fact]
    public async Task Repeated_lower_case_and_unknown_numbers_are_answered_row_by_row_in_the_rosters_order()
    {
        var world = await VerificationWebScenario.SeedAsync(Fixture);
        var client = await RosterSteps.SignedInAsync(Fixture, world.EmployerEmail);
        var first = world.Credential.Number.Value;
        var second = world.Second.Number.Value;
        var csv = "Credential number\n" + string.Join("\n", second, "TN-CPRS-999999", first.ToLowerInvariant(), second, $"  {first}  ", "TN-CPRS-999999") + "\n";

        var (summary, response) = await RosterSteps.ResultAsync(client, await RosterSteps.UploadAsync(client, RosterSteps.Csv(csv), "repeats.csv"));

        Assert.Contains("<dt>Rows read</dt><dd>6</dd>", System.Net.WebUtility.HtmlDecode(summary));
        var rows = RosterSteps.ReadWorkbook(await response.Content.ReadAsByteArrayAsync());
        var header = rows[0].ToList();
        Assert.Equal(["2", "3", "4", "5", "6", "7"], rows.Skip(1).Select(r => r[header.IndexOf("Row")]));
        Assert.Equal([second, "", first, second, first, ""], rows.Skip(1).Select(r => r[header.IndexOf("Credential number")]));
        Assert.Equal(["", "No credential has this number.", "", "", "", "No credential has this number."], rows.Skip(1).Select(r => r[header.IndexOf("Reason not matched")]));
        Assert.Equal(rows[1][header.IndexOf("Holder")], rows[4][header.IndexOf("Holder")]);
    }

    [Fact]
    public async Task A_rosters_lookups_send_as_many_commands_for_many_rows_as_for_one_and_skip_the_ETags_last_sequence()
    {
        var world = await VerificationWebScenario.SeedAsync(Fixture);
        var client = await RosterSteps.SignedInAsync(Fixture, world.EmployerEmail);
        async Task<IReadOnlyList<string>> CommandsAsync(IEnumerable<string> numbers)
        {
            var page = await client.GetStringAsync("/Employers/Roster");
            var request = new HttpRequestMessage(HttpMethod.Post, "/Employers/Roster")
            {
                Content = new MultipartFormDataContent
                {
                    { new StringContent(WebFixture.AntiforgeryToken(page)), "__RequestVerificationToken" },
                    { new ByteArrayContent(RosterSteps.Csv("Credential number\n" + string.Join("\n", numbers) + "\n")), "RosterFile", "roster.csv" },
                },
            };
            var (response, _, sql) = await Fixture.Factory.SqlCommands.CountAsync(client, request);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            return sql;
        }

        var one = await CommandsAsync([world.Credential.Number.Value]);
        var many = await CommandsAsync([world.Credential.Number.Value, world.Second.Number.Value, .. Enumerable.Range(1, 300).Select(i => $"TN-CPRS-{900000 + i}")]);

        Assert.True(one.Count == many.Count, $"{one.Count} commands for one row, {many.Count} for 302:\n  {string.Join("\n  ", many)}");
        var lookups = many.Where(sql => sql.Contains("CredentialHistory", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(lookups);
        Assert.All(lookups, sql => Assert.DoesNotContain("MAX(", sql, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task An_xlsx_roster_by_name_is_matched_and_two_holders_of_one_name_are_told_apart_only_by_number()
    {
        var world = await VerificationWebScenario.SeedAsync(Fixture);
        var client = await RosterSteps.SignedInAsync(Fixture, world.EmployerEmail);
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Staff");
        sheet.Cell(1, 1).Value = "Surname";
        sheet.Cell(1, 2).Value = "State";
        sheet.Cell(2, 1).Value = "Zephyrine";
        sheet.Cell(2, 2).Value = "TN";
        sheet.Cell(3, 1).Value = "Zeph"; // a prefix is not a name
        sheet.Cell(3, 2).Value = "TN";
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);

        var (_, response) = await RosterSteps.ResultAsync(client, await RosterSteps.UploadAsync(client, stream.ToArray(), "staff.xlsx"));

        var rows = RosterSteps.ReadWorkbook(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(world.Credential.Number.Value, rows[1][rows[0].ToList().IndexOf("Credential number")]);
        Assert.Equal("No", rows[2][rows[0].ToList().IndexOf("Matched")]);
        Assert.Equal(0, await Fixture.QueryAsync(db => db.WatchedCredentials.CountAsync()));
    }

    [Theory]
    [InlineData("garbage", "neither an Excel workbook")]
    [InlineData("no-header", "no header row")]
    [InlineData("too-many", "at most 10,000")]
    [InlineData("empty", "empty")]
    [InlineData("fake-zip", "not a readable Excel workbook")]
    public async Task A_file_that_cannot_be_a_roster_is_refused_with_a_clear_error_never_a_500(string kind, string expected)
    {
        var world = await VerificationWebScenario.SeedAsync(Fixture);
        var client = await RosterSteps.SignedInAsync(Fixture, world.EmployerEmail);
        var file = kind switch
        {
            "garbage" => new byte[] { 0x00, 0xFF, 0xFE, 0x10, 0x80, 0x81 },
            "no-header" => RosterSteps.Csv("Name,Phone\nA,1\n"),
            "too-many" => RosterSteps.Csv("Credential number\n" + string.Concat(Enumerable.Range(1, VerifyRoster.MaximumRows + 1).Select(i => $"TN-CPRS-{i:D6}\n"))),
            "empty" => [],
            _ => [0x50, 0x4B, 0x03, 0x04, 0x01, 0x02],
        };

        var response = await RosterSteps.UploadAsync(client, file, "staff.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("The roster was not verified", html);
        Assert.Contains(expected, System.Net.WebUtility.HtmlDecode(html));
    }

    [Fact]
    public async Task Only_approved_employers_verify_rosters()
    {
        var world = await VerificationWebScenario.SeedAsync(Fixture);
        await Fixture.CreateUserAsync("reviewer@test.example", Application.Common.Security.Roles.Reviewer, state: "TN");
        var reviewer = await RosterSteps.SignedInAsync(Fixture, "reviewer@test.example");
        var refused = await reviewer.GetAsync("/Employers/Roster");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("AccessDenied", refused.Headers.Location?.ToString());

        var pending = new Domain.Employers.Employer("Pending Co", "p@pending.example", Domain.Jurisdictions.StateCode.Parse("TN"), Now);
        await Fixture.InsertAsync(pending);
        await Fixture.CreateUserAsync("p@pending.example", Application.Common.Security.Roles.Employer, employerId: pending.Id);
        var client = await RosterSteps.SignedInAsync(Fixture, "p@pending.example");
        var response = await RosterSteps.UploadAsync(client, RosterSteps.Csv($"Credential number\n{world.Credential.Number.Value}\n"), "staff.csv");
        Assert.Contains("waiting for the registry", System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Contains("Waiting for approval", await client.GetStringAsync("/Employers"));
    }
}
