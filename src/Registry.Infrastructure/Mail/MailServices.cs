using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Registry.Infrastructure.Mail;

public static class MailServices
{
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration, string contentRootPath) => services;
}
