using System.Net;

namespace Registry.Web.Tests.Account;

public sealed class DevelopmentMailPageTests(WebFixture fixture) : WebTest(fixture)
{
    [Fact]
    public async Task The_outbox_page_does_not_exist_outside_Development()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Fixture.Client().GetAsync("/Development/Mail")).StatusCode);
        var client = Fixture.Client();
        var form = await client.GetStringAsync("/Account/Login");
        var post = await client.PostAsync("/Development/Mail?handler=Send", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebFixture.AntiforgeryToken(form),
        }));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }
}
