using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Registry.Application.Common.Interfaces;
using Registry.Application.Features.Records;
using Registry.Infrastructure.Persistence;

namespace Registry.Infrastructure.Documents;

public static class DocumentServices
{
    /// <summary>
    /// Evidence bytes where <c>Documents:Store</c> says (see <see cref="StoreLocations"/>): in the database, or in a folder
    /// (<c>Documents:Root</c>, by default App_Data/documents under the content root). The database store is there in
    /// either case, for the folder's import (<see cref="DocumentsCommand"/>).
    /// </summary>
    public static IServiceCollection AddDocuments(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        var root = Path.GetFullPath(configuration["Documents:Root"] ?? Path.Combine("App_Data", "documents"), contentRootPath);
        services.AddSingleton(new FileSystemDocumentStore(root));
        services.AddSingleton<DatabaseDocumentStore>();
        services.AddSingleton<DocumentFolderImport>();
        var defaults = new EvidenceLimits();
        services.AddSingleton(new EvidenceLimits(
            configuration.GetValue("Documents:QuotaBytesPerPerson", defaults.QuotaBytesPerPerson),
            configuration.GetValue("Documents:MaxUnattachedPerPerson", defaults.MaxUnattachedPerPerson),
            configuration.GetValue("Documents:UnattachedDays", defaults.UnattachedDays)));
        return StoreLocations.Chosen(configuration, "Documents") == StoreLocation.Database
            ? services.AddSingleton<IDocumentStore>(sp => sp.GetRequiredService<DatabaseDocumentStore>())
            : services.AddSingleton<IDocumentStore>(sp => sp.GetRequiredService<FileSystemDocumentStore>());
    }
}
