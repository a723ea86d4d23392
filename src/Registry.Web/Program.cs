using Registry.Application;
using Registry.Infrastructure;
using Registry.Web;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddApplication(builder.Configuration["AutoMapper:LicenseKey"]);
builder.Services.AddInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddWeb(builder.Configuration);

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseRegistry();
await app.RunAsync();

/// <summary>The web host; public so tests can start it with WebApplicationFactory.</summary>
public partial class Program;
