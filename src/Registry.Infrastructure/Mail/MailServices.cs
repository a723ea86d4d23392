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

/// <summary>Mail settings, read once at start-up.</summary>
public sealed record MailOptions
{
    public string From { get; init; } = "no-reply@registry.example";
    public string PickupDirectory { get; init; } = "";
    public string? SmtpHost { get; init; }
    public int SmtpPort { get; init; } = 587;
    public string? SmtpUserName { get; init; }
    public string? SmtpPassword { get; init; }
    public bool SmtpEnableSsl { get; init; } = true;

    /// <summary>The most messages one run of the dispatcher sends; it runs every minute.</summary>
    public int MaxPerMinute { get; init; } = 120;

    public static MailOptions Read(IConfiguration configuration, string contentRootPath)
    {
        var mail = configuration.GetSection("Mail");
        var defaults = new MailOptions();
        return new MailOptions
        {
            From = mail["From"] is { Length: > 0 } from ? from : defaults.From,
            PickupDirectory = Path.GetFullPath(mail["PickupDirectory"] is { Length: > 0 } folder ? folder : Path.Combine("App_Data", "mail"), contentRootPath),
            SmtpHost = mail["Smtp:Host"] is { Length: > 0 } host ? host : null,
            SmtpPort = mail.GetValue("Smtp:Port", defaults.SmtpPort),
            SmtpUserName = mail["Smtp:UserName"],
            SmtpPassword = mail["Smtp:Password"],
            SmtpEnableSsl = mail.GetValue("Smtp:EnableSsl", defaults.SmtpEnableSsl),
            MaxPerMinute = Math.Max(1, mail.GetValue("MaxPerMinute", defaults.MaxPerMinute)),
        };
    }
}
