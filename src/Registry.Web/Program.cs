using Registry.Application;
using Registry.Infrastructure;
using Registry.Infrastructure.Documents;
using Registry.Infrastructure.Identity;
using Registry.Web;
using Registry.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
// The one-off documents command sends no mail, so it needs no public address.
if (!DocumentsCommand.IsDocumentsCommand(args)) builder.RequirePublicBaseUrl();

builder.Services.AddApplication(builder.Configuration["AutoMapper:LicenseKey"]);
builder.Services.AddInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddWeb(builder.Configuration);

var app = builder.Build();
// One-off commands (documents import, admin create) run on the host's services instead of serving.
if (DocumentsCommand.IsDocumentsCommand(args)) return await DocumentsCommand.RunAsync(app.Services, args, Console.Out, Console.Error);
if (AdministratorCommand.IsAdministratorCommand(args))
{
    // It prints a link to a page: the pages' routes are handed to the link generator, as starting the server would.
    app.UseRegistry().UseEndpoints(_ => { });
    return await AdministratorCommand.RunAsync(app.Services, args, Console.Out, Console.Error);
}
await app.PrepareDatabaseAsync();
app.UseRegistry();
await app.RunAsync();
return 0;

/// <summary>The web host; public so tests can start it with WebApplicationFactory.</summary>
public partial class Program;
