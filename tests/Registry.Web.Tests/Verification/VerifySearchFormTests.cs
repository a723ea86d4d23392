using System.Net;
using Registry.Testing;

namespace Registry.Web.Tests.Verification;

public sealed class VerifySearchFormTests(WebFixture fixture) : WebTest(fixture)
{
    [Fact]
    public async Task A_search_refused_for_a_missing_field_keeps_what_was_entered_and_marks_the_field_that_needs_it()
    {
        await Fixture.InsertAsync(TestData.State("TN", "Tennessee", "CPRS"), TestData.State("PA", "Pennsylvania"));
        var visitor = Fixture.Client();

        var noName = await visitor.GetAsync("/Verify?lastName=&state=PA");
        Assert.Equal(HttpStatusCode.OK, noName.StatusCode);
        var html = await noName.Content.ReadAsStringAsync();
        Assert.Contains("<option value=\"PA\" selected=\"selected\">Pennsylvania</option>", html);
        Assert.Contains("href=\"#lastName\"", html);
        Assert.Matches("<div class=\"usa-form-group usa-form-group--error\">\\s*<label class=\"usa-label\" for=\"lastName\">", html);
        Assert.Contains("id=\"lastName-error\">Enter the holder&#x27;s last name, or its first letters.</span>", html);
        Assert.Matches("<input class=\"usa-input usa-input--error\" id=\"lastName\" name=\"lastName\" aria-describedby=\"lastName-hint lastName-error\" maxlength=\"100\" aria-invalid=\"true\"", html);

        var noState = await (await visitor.GetAsync("/Verify?lastName=Zeph&state=")).Content.ReadAsStringAsync();
        Assert.Contains("value=\"Zeph\"", noState);
        Assert.Contains("href=\"#state\"", noState);
        Assert.Contains("<select class=\"usa-select usa-input--error\" id=\"state\" name=\"state\" aria-invalid=\"true\" aria-describedby=\"state-error\">", noState);
        Assert.Contains("<span class=\"usa-error-message\" id=\"state-error\">Choose a state.</span>", noState);

        var badNumber = await (await visitor.GetAsync("/Verify?number=nonsense")).Content.ReadAsStringAsync();
        Assert.Contains("value=\"nonsense\"", badNumber);
        Assert.Contains("href=\"#number\"", badNumber);
        Assert.Contains("aria-describedby=\"number-hint number-error\"", badNumber);
    }
}
