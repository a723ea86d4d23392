using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Registry.Web.Api;

/// <summary>Names the API and describes its bearer-token sign-in.</summary>
public sealed class RegistryOpenApiDocument : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Peer Specialist Registry API",
            Version = "v1",
            Description = "Certification of peer specialists: applications, credentials and verification. " +
                "Obtain a 15-minute bearer token from POST /api/v1/auth/token (no refresh token: sign in again) and send it as 'Authorization: Bearer <token>'. " +
                "Verification and jurisdictions are public and rate-limited per address (RateLimit and RateLimit-Policy headers; 429 with Retry-After past the limit). " +
                "Employers send their API key as 'X-Api-Key: <key>' for bulk verification, the watch-list, the changes feed and roster verification, with a higher limit. " +
                "Errors are problem details; lists answer { items, next } (cursor, limit); POSTs accept Idempotency-Key. See docs/INTEGRATING.md.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[RegistryOpenApi.Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "Token from POST /api/v1/auth/token.",
        };
        document.Components.SecuritySchemes[RegistryOpenApi.ApiKey] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "X-Api-Key",
            Description = "An employer's API key, made on the registry's API keys page (shown once).",
        };
        return Task.CompletedTask;
    }
}
