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
                "Obtain a bearer token from POST /api/v1/auth/token and send it as 'Authorization: Bearer <token>'.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "Token from POST /api/v1/auth/token.",
        };
        return Task.CompletedTask;
    }
}
