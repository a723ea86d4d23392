using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messages;
using Registry.Domain.Notifications;
using Registry.Infrastructure.Mail;

namespace Registry.Web.Pages.Development;

/// <summary>
/// Development only: the latest outbox messages, so a developer can follow confirmation and reset links
/// without a mail server. Anywhere else the page does not exist (404).
/// </summary>
public sealed partial class MailModel(IRegistryDbContext db, MessageTemplates templates, IWebHostEnvironment environment) : PageModel
{
    /// <summary>Each message with its subject and body rendered as the dispatcher renders them.</summary>
    public IReadOnlyList<(Notification Message, RenderedMessage Rendered)> Messages { get; private set; } = [];

    [TempData]
    public string? Confirmation { get; set; }

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (!environment.IsDevelopment()) context.Result = NotFound();
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Messages = (await db.Notifications.AsNoTracking().OrderByDescending(n => n.CreatedAt).Take(50).ToListAsync(cancellationToken))
            .Select(n => (n, templates.Render(n))).ToList();

    /// <summary>Sends the outbox now, in this request, instead of waiting for the minute's job.</summary>
    public async Task<IActionResult> OnPostSendAsync([FromServices] OutboxDispatcher dispatcher, CancellationToken cancellationToken)
    {
        var sent = await dispatcher.DispatchAsync(cancellationToken);
        Confirmation = sent == 1 ? "1 message sent." : $"{sent} messages sent.";
        return RedirectToPage();
    }

    /// <summary>The body as encoded text, with its web addresses made into links.</summary>
    public static IHtmlContent Linked(string body) =>
        new HtmlString(Address().Replace(WebUtility.HtmlEncode(body), m => $"<a class=\"usa-link\" href=\"{m.Value}\">{m.Value}</a>"));

    [GeneratedRegex(@"https?://[^\s<>""']+")]
    private static partial Regex Address();
}
