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
                "Obtain a bearer token from POST /api/v1/auth/token and send it as 'Authorization: Bearer <token>'. " +
                "Verification (/api/v1/verifications, /api/v1/jurisdictions) is public and rate-limited per address; employers send their API key " +
                "as 'X-Api-Key: <key>' for bulk verification and a higher limit (429 with Retry-After past the limit).",
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
