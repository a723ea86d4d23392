using System.Text.Json.Serialization;
using Hangfire;
using Microsoft.AspNetCore.Identity;
using Registry.Application.Common.Security;
using Registry.Infrastructure.Health;
using Registry.Infrastructure.Persistence;
using Registry.Infrastructure.Seeding;
using Registry.Web.Api;
using Registry.Web.Infrastructure;

namespace Registry.Web;

public static class DependencyInjection
{
    public const string ApiPolicy = "Api";
    public const string SystemAdminPolicy = "SystemAdmin";

    public static IServiceCollection AddWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddReverseProxySupport(configuration);
        services.AddRegistryTelemetry(configuration);
        services.AddRazorPages().AddMvcOptions(mvc =>
        {
            mvc.Filters.Add<RequestFailurePageFilter>();
            // The requests' validators say what is required, in the registry's words, once.
            mvc.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            mvc.ModelMetadataDetailsProviders.Add(new PlainBindingMessages());
        });
        services.AddScoped<EmailLinks>();
        services.AddScoped<Registry.Infrastructure.Idempotency.IdempotencyStore>();
        services.AddScoped<Application.Common.Interfaces.IAccountLinks, AccountLinks>();
        services.AddProblemDetails();
        // The API reads JSON strictly: an unknown or repeated field, a number in quotes or an enum by number is refused, never ignored.
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            json.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            json.SerializerOptions.AllowDuplicateProperties = false;
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, PublicAnswerJson.Default);
        });
        // Binding failures throw in every environment, so the exception handler words them as problem details.
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddRegistryOpenApi();

        // Pages sign in with Identity's cookie; machines send Identity's bearer token to /api/v1.
        services.AddAuthentication()
            .AddBearerToken(IdentityConstants.BearerScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddSingleton(sp => VerificationRateLimits.Limits.Read(sp.GetRequiredService<IConfiguration>()));
        services.AddVerificationRateLimits();
        services.AddAddressRateLimits(configuration);
        services.AddSingleton<RateLimitWindows>();
        services.AddSingleton<AbandonedRequests>();
        services.AddSharedRateLimitCounts(configuration);
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/Account/Login";
            cookie.LogoutPath = "/Account/Logout";
            cookie.AccessDeniedPath = "/Account/AccessDenied";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        services.AddSignInSessions(configuration);
        services.AddCookieFlags();
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, policy => policy.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser())
            .AddPolicy(SystemAdminPolicy, policy => policy.RequireRole(Roles.SystemAdmin))
            .AddPolicy(VerificationApi.ApiKeyPolicy, policy => policy.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser())
            .AddPolicy(VerificationApi.CallerPolicy, policy => policy.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireAssertion(context => context.Resource is not HttpContext http || !ApiKeyAuthenticationHandler.Presents(http.Request)
                    || context.User.HasClaim(c => c.Type == ApiKeyAuthenticationHandler.KeyIdClaim)));
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, RefusalAudit>();
        return services;
    }

    /// <summary>Migrates (where configured) and, in Development only, seeds the demo data.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        if (app.Configuration.GetValue("Database:MigrateOnStartup", true))
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        if (app.Environment.IsDevelopment() && app.Configuration.GetValue("DemoData:Enabled", false))
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();
    }

    public static WebApplication UseRegistry(this WebApplication app)
    {
        app.UseAbandonedRequestsCancelledAside();
        app.UseForwardedHeaders();
        app.UseMetricsEndpoint();
        app.UseSecurityHeaders();
        app.UseWhen(IsApi, api => api.UseNoStoreByDefault());
        app.UseExceptionHandler("/Error");
        app.UseWhen(IsApi, api =>
        {
            // A rate-limit refusal for a caller that takes only HTML has no body yet (RateLimitRefusals): the status page words it.
            api.UseWhen(context => RateLimitRefusals.AcceptsOnlyHtml(context.Request), html => html.UseStatusCodePagesWithReExecute("/Status/{0}"));
            api.UseStatusCodePages(ApiStatusProblems.WriteAsync);
        });
        app.UseWhen(context => !IsApi(context), pages => pages.UseStatusCodePagesWithReExecute("/Status/{0}"));
        if (!app.Environment.IsDevelopment()) app.UseHsts();

        // The API serves no files: its requests (verification's above all) skip the look on disk.
        app.UseWhen(context => !IsApi(context), pages => pages.UseStaticFiles());
        // Pages and their downloads (rosters, exports, evidence, a person's own record) are never stored by a cache either;
        // static files, served above, keep their own caching.
        app.UseWhen(context => !IsApi(context), pages => pages.UseNoStoreByDefault());
        app.UseRouting();
        app.UseAuthentication();
        app.UseApiKeyIdentity();
        app.UseEmployerUserIdentity();
        app.UseRateLimitHeaders();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseIdempotencyKeys();

        app.MapRazorPages();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealthChecks("/health", new() { ResponseWriter = HealthResponse.WriteAsync });
        // For load balancers: live is the process alone (restart it if this fails); ready asks the database, the job
        // storage and the outbox (send it no traffic while this fails). Each answers 503 when unhealthy.
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false, ResponseWriter = HealthResponse.WriteAsync });
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains(HealthTags.Ready), ResponseWriter = HealthResponse.WriteAsync });
        app.MapHangfireDashboardWithAuthorizationPolicy(SystemAdminPolicy, "/jobs", new DashboardOptions { DashboardTitle = "Registry jobs" });
        app.MapRegistryApi();
        app.MapVerificationQrCode();
        return app;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}
