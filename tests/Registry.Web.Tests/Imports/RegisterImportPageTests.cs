using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Registry.Testing;

namespace Registry.Web.Tests.Imports;

/// <summary>The staff page of the register import on the real host: a file checked by the real job server, the report on the page, a bomb refused.</summary>
public sealed class RegisterImportPageTests(WebFixture fixture) : WebTest(fixture)
{
    private const string Header = "Program,Credential number,Legal first name,Legal last name,Email,Status,Issued on,Expires on\n";

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file, string fileName)
    {
        var page = await client.GetStringAsync("/Staff/RegisterImport");
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return await client.PostAsync("/Staff/RegisterImport?handler=Upload", new MultipartFormDataContent
        {
            { new StringContent(WebFixture.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { content, "RegisterFile", fileName },
        });
    }

    [Fact]
    public async Task A_state_administrator_uploads_the_register_sees_the_dry_run_report_and_downloads_it()
    {
        var state = TestData.State("VT", "Vermont", "VPRS");
        await Fixture.InsertAsync(state);
        await Fixture.CreateUserAsync("admin@vt.example", "StateAdmin", "VT");
        var client = await Verification.RosterSteps.SignedInAsync(Fixture, "admin@vt.example");
        var csv = Header + "VPRS,11,Ana,Vermonter,ana.vt@example.org,Active,2024-03-01,2026-02-28\nVPRS,12,Bo,Vermonter,bo.vt@example.org,Retired,2024-03-01,2026-02-28\n";

        var upload = await UploadAsync(client, Encoding.UTF8.GetBytes(csv), "vermont.csv");

        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        string html;
        var tries = 0;
        do
        {
            await Task.Delay(tries++ == 0 ? 0 : 250);
            html = WebUtility.HtmlDecode(await client.GetStringAsync(upload.Headers.Location));
        } while (html.Contains("Checking the file") && tries < 400);
        Assert.Contains("Needs correcting", html);
        Assert.Contains("'Retired' is not a status the registry has", html);
        Assert.True(html.IndexOf("Needs correcting", StringComparison.Ordinal) < html.IndexOf("Ready", StringComparison.Ordinal)); // problems first
        Assert.DoesNotContain("Import th", html);
        var link = System.Text.RegularExpressions.Regex.Match(html, "href=\"([^\"]*handler=Report[^\"]*)\"").Groups[1].Value;
        var report = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.StartsWith("Row,Outcome,Message", await report.Content.ReadAsStringAsync());
        Assert.False(await Fixture.QueryAsync(db => db.Credentials.AnyAsync(c => c.StateCode == state.Code)));

        // Another state's administrator cannot see it.
        await Fixture.CreateUserAsync("admin@nh.example", "StateAdmin", "NH");
        var other = await Verification.RosterSteps.SignedInAsync(Fixture, "admin@nh.example");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(upload.Headers.Location)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(BoundedImportTests.Bombs), MemberType = typeof(BoundedImportTests))]
    public async Task A_bomb_is_refused_with_a_field_error_and_nothing_kept(string kind, string expected)
    {
        await Fixture.CreateUserAsync($"admin-{kind}@me.example", "StateAdmin", "ME");
        var client = await Verification.RosterSteps.SignedInAsync(Fixture, $"admin-{kind}@me.example");
        var before = await Fixture.QueryAsync(db => db.RegisterImports.CountAsync());

        var page = await UploadAsync(client, BoundedImportTests.Bomb(kind, Header.TrimEnd('\n')), "register.xlsx");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("The register file was not accepted", html);
        Assert.Contains(expected, html);
        Assert.Equal(before, await Fixture.QueryAsync(db => db.RegisterImports.CountAsync()));
    }
}
