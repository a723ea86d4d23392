using System.Net;
using Registry.Domain.Credentials;
using Registry.Domain.Jurisdictions;
using Registry.Testing;

namespace Registry.Web.Tests.Verification;

/// <summary>The public record says how to reach the state's board, as the state gave it, and says nothing when it gave no way.</summary>
public sealed class BoardContactPageTests(WebFixture fixture) : WebTest(fixture)
{
    [Fact]
    public async Task The_public_record_and_its_printout_say_how_to_reach_the_states_board()
    {
        var texas = TestData.State("TX", "Texas", "PS");
        texas.ChangeContact(new BoardContact("Texas Certification Board", "1 Congress Ave, Austin, TX 78701", "board@tcb.example", "512-555-0100", "https://tcb.example"));
        var ohio = TestData.State("OH", "Ohio", "CPS");
        var (texan, ohioan) = (TestData.Person("Rae", "Texan"), TestData.Person("Sam", "Ohioan"));
        var texasCredential = Credential.Issue(texas.Programs[0], texan.Id, TestClock.StartDay.AddMonths(-3), Guid.NewGuid(), Now.AddMonths(-3));
        var ohioCredential = Credential.Issue(ohio.Programs[0], ohioan.Id, TestClock.StartDay.AddMonths(-3), Guid.NewGuid(), Now.AddMonths(-3));
        await Fixture.InsertAsync(texas, ohio, texan, ohioan, texasCredential, ohioCredential);
        var anonymous = Fixture.Client();

        foreach (var path in new[] { $"/Verify/{texasCredential.Number}", $"/Verify/{texasCredential.Number}/Print" })
        {
            var html = WebUtility.HtmlDecode(await anonymous.GetStringAsync(path));
            Assert.Contains("Questions about this record", html);
            Assert.Contains("Contact Texas Certification Board.", html);
            Assert.Contains("mailto:board@tcb.example", html);
            Assert.Contains("512-555-0100", html);
            Assert.Contains("https://tcb.example", html);
            Assert.Contains("1 Congress Ave, Austin, TX 78701", html);
        }
        Assert.DoesNotContain("Questions about this record", await anonymous.GetStringAsync($"/Verify/{ohioCredential.Number}"));
    }
}
