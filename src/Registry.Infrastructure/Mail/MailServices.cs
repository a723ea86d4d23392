using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Registry.Infrastructure.Mail;

public static class MailServices
{
    /// <summary>
    /// The outbox's delivery: SMTP when <c>Mail:Smtp:Host</c> is set, otherwise .eml files in a pickup folder
    /// (<c>Mail:PickupDirectory</c>, <c>App_Data/mail</c> under the content root by default).
    /// </summary>
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        var options = MailOptions.Read(configuration, contentRootPath);
        services.AddSingleton(options);
        if (options.SmtpHost is null) services.AddSingleton<IMailSender, PickupFolderMailSender>();
        else services.AddSingleton<IMailSender, SmtpMailSender>();
        services.AddScoped<OutboxDispatcher>();
        services.AddHostedService<OutboxSchedule>();
        return services;
    }
}

/// <summary>How the SMTP connection is secured (<c>Mail:Smtp:Security</c>).</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text; only for a relay on the same host or a test.</summary>
    None,

    /// <summary>Connect in plain text, then upgrade with STARTTLS (port 587); refused if the server cannot.</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}

/// <summary>Mail settings, read once at start-up.</summary>
public sealed record MailOptions
{
    public string From { get; init; } = "no-reply@registry.example";
    public string PickupDirectory { get; init; } = "";
    public string? SmtpHost { get; init; }
    public int SmtpPort { get; init; } = 587;
    public string? SmtpUserName { get; init; }
    public string? SmtpPassword { get; init; }
    public SmtpSecurity SmtpSecurity { get; init; } = SmtpSecurity.StartTls;
    public TimeSpan SmtpTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The most messages the dispatcher sends in any minute, however its runs fall.</summary>
    public int MaxPerMinute { get; init; } = 120;

    public static MailOptions Read(IConfiguration configuration, string contentRootPath)
    {
        var mail = configuration.GetSection("Mail");
        var defaults = new MailOptions();
        var port = mail.GetValue("Smtp:Port", defaults.SmtpPort);
        return new MailOptions
        {
            From = mail["From"] is { Length: > 0 } from ? from : defaults.From,
            PickupDirectory = Path.GetFullPath(mail["PickupDirectory"] is { Length: > 0 } folder ? folder : Path.Combine("App_Data", "mail"), contentRootPath),
            SmtpHost = mail["Smtp:Host"] is { Length: > 0 } host ? host : null,
            SmtpPort = port,
            SmtpUserName = mail["Smtp:UserName"],
            SmtpPassword = mail["Smtp:Password"],
            SmtpSecurity = Security(mail, port),
            SmtpTimeout = TimeSpan.FromSeconds(Math.Max(1, mail.GetValue("Smtp:TimeoutSeconds", 30))),
            MaxPerMinute = Math.Max(1, mail.GetValue("MaxPerMinute", defaults.MaxPerMinute)),
        };
    }

    /// <summary><c>Mail:Smtp:Security</c> when set; otherwise the older <c>Mail:Smtp:EnableSsl</c> (true by default: TLS, implicit on port 465).</summary>
    private static SmtpSecurity Security(IConfigurationSection mail, int port)
    {
        if (mail["Smtp:Security"] is { Length: > 0 } named)
            return Enum.TryParse<SmtpSecurity>(named, ignoreCase: true, out var security) && Enum.IsDefined(security)
                ? security
                : throw new InvalidOperationException($"Mail:Smtp:Security must be None, StartTls or SslOnConnect, not '{named}'.");
        if (!mail.GetValue("Smtp:EnableSsl", true)) return SmtpSecurity.None;
        return port == 465 ? SmtpSecurity.SslOnConnect : SmtpSecurity.StartTls;
    }
}
