using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Registry.Application.Common.Interfaces;

namespace Registry.Infrastructure.Documents;

public static class DocumentServices
{
    /// <summary>Evidence bytes in a folder (<c>Documents:Root</c>, by default App_Data/documents under the content root).</summary>
    public static IServiceCollection AddDocuments(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        var root = Path.GetFullPath(configuration["Documents:Root"] ?? Path.Combine("App_Data", "documents"), contentRootPath);
        return services.AddSingleton<IDocumentStore>(new FileSystemDocumentStore(root));
    }
}
