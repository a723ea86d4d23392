using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Registry.Infrastructure.Documents;

public static class DocumentServices
{
    public static IServiceCollection AddDocuments(this IServiceCollection services, IConfiguration configuration, string contentRootPath) => services;
}
