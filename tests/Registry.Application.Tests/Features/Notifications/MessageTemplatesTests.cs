using Registry.Application.Common.Messages;
using Registry.Application.Common.Messages.Templates;
using Registry.Domain.Applications;
using Registry.Domain.Notifications;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Notifications;

public sealed class MessageTemplatesTests
{
    private static readonly DateTimeOffset Written = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_message_is_rendered_from_its_facts_as_text_and_as_escaped_HTML_saying_the_same()
    {
        var message = Outbox.Message("ana@test.example", new ApplicationStatusMessage("Ana <b>", "Tennessee CPRS", ApplicationStatus.Denied, "Hours from \"X\" & Y"), Written);

        var rendered = message.Rendered();

        Assert.Equal(("application-status", "en"), (message.Template, message.Language));
        Assert.Equal("Your application for Tennessee CPRS is denied", rendered.Subject);
        Assert.StartsWith("Hello Ana <b>,\n\nYour application for Tennessee CPRS is now denied.\n\nThe reason given: Hours from \"X\" & Y\n", rendered.Text);
        Assert.Contains($"{TestMessages.PublicBaseUrl}/Applications", rendered.Text);
        Assert.Contains("<html lang=\"en\">", rendered.Html);
        Assert.Contains("<p>Hello Ana &lt;b&gt;,</p>", rendered.Html);
        Assert.Contains("The reason given: Hours from &quot;X&quot; &amp; Y", rendered.Html);
        Assert.Contains($"<a href=\"{TestMessages.PublicBaseUrl}/Applications\">", rendered.Html);
        Assert.DoesNotContain("<b>", rendered.Html);
    }

    [Fact]
    public void A_list_renders_as_lines_and_as_an_HTML_list_in_its_order()
    {
        var message = Outbox.Message("m@test.example", new RenewalReminderMessage("Morgan",
            [new("Tennessee CPRS", "TN-CPRS-000002", new DateOnly(2026, 3, 2), 0), new("Pennsylvania CPS", "PA-CPS-000009", new DateOnly(2026, 5, 1), 60)]), Written);

        var rendered = message.Rendered();

        Assert.Equal("Time to renew your peer specialist credentials", rendered.Subject);
        Assert.Contains("- Tennessee CPRS credential TN-CPRS-000002 expires today, on March 2, 2026.\n- Pennsylvania CPS credential PA-CPS-000009 expires on May 1, 2026.\n", rendered.Text);
        Assert.Contains("<ul><li>Tennessee CPRS credential TN-CPRS-000002 expires today, on March 2, 2026.</li><li>Pennsylvania CPS", rendered.Html);
    }

    [Fact]
    public void A_language_without_its_own_wording_falls_back_to_English_and_an_unknown_template_is_refused()
    {
        var spanish = new Notification("ana@test.example", EmployerApprovedMessage.Template, """{"Employer":"Harbor"}""", Written, language: "es");

        Assert.Equal("Harbor is approved to verify credentials", spanish.Rendered().Subject);
        Assert.Contains("<html lang=\"en\">", spanish.Rendered().Html); // said in English, so marked English
        Assert.Throws<InvalidOperationException>(() => new Notification("ana@test.example", "no-such-message", "{}", Written).Rendered());
    }

    [Fact]
    public void Every_message_kind_has_an_English_template()
    {
        string[] kinds =
        [
            "already-registered", "application-appeal", "application-status", "certificate-posted", "claim-invitation", "confirm-email", "credential-changed", "credential-expired", "credential-issued", "credential-lapsed",
            "credential-reinstated", "credential-relinquished", "credential-renewed", "discipline-decision", "discipline-notice",
            "discipline-response", "employer-approved", "hardship-decision", "reference-confirmation", "renewal-reminder", "reset-password", "retention-questions", "staff-invitation",
            "supervision-confirmation", "watch-list-change",
        ];
        Assert.Equal(kinds, MessageTemplates.Names);
    }
}
