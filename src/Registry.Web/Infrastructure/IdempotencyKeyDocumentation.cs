using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Registry.Web.Infrastructure;

/// <summary>The OpenAPI document names the optional <c>Idempotency-Key</c> header on each operation that takes it.</summary>
public sealed class IdempotencyKeyDocumentation : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<IdempotencyKeys.TakesIdempotencyKeys>().Any()) return Task.CompletedTask;
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyKeys.Header,
            In = ParameterLocation.Header,
            Required = false,
            Description = "Optional, 1 to 255 printable ASCII characters (e.g. a new UUID per operation). A retry with the same key and the same " +
                $"method, path and body within 24 hours gets the first answer again, marked '{IdempotencyKeys.ReplayedHeader}: true', and the work " +
                "is not done twice. The key with a different request is 422; while the first request is still running, 409 with Retry-After. " +
                "Answers of 500 and above are not kept.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 255 },
        });
        operation.Responses ??= [];
        foreach (var (status, description) in new[] { ("409", "Conflict: the same Idempotency-Key is still being processed, or the record's state refuses the change."),
                     ("422", "The Idempotency-Key was used with a different request.") })
            if (!operation.Responses.ContainsKey(status))
                operation.Responses[status] = new OpenApiResponse
                {
                    Description = description,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", context.Document) },
                    },
                };
        return Task.CompletedTask;
    }
}
