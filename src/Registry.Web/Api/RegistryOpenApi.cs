using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Registry.Application.Common.Paging;
using Registry.Web.Infrastructure;

namespace Registry.Web.Api;

/// <summary>
/// The OpenAPI document at /openapi/v1.json, kept true for clients generated from it: one meaningful name per
/// schema (and a refusal to build the document when two types would share one), string enums, files as binary,
/// and each operation's security from the endpoint's own authorization.
/// </summary>
public static class RegistryOpenApi
{
    public const string Bearer = "bearer";
    public const string ApiKey = "apiKey";

    public static IServiceCollection AddRegistryOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", options =>
        {
            // 3.0: what most client generators read best (NSwag, openapi-generator, Kiota).
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_0;
            var names = new SchemaNames();
            // Files stay inline ({type: string, format: binary}); everything else is named once.
            options.CreateSchemaReferenceId = type => OpenApiOptions.CreateDefaultSchemaReferenceId(type) is null || type.Type == typeof(Stream) || type.Type == typeof(IFormFile)
                ? null
                : names.For(type.Type);
            options.AddDocumentTransformer<RegistryOpenApiDocument>();
            options.AddOperationTransformer<IdempotencyKeyDocumentation>();
            options.AddDocumentTransformer((document, _, _) =>
            {
                NullableReferences.Simplify(document);
                ProblemsAreExtensible(document);
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer((schema, context, _) =>
            {
                var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
                if (type.IsEnum && schema.Enum is { Count: > 0 })
                    schema.Type = schema.Type is { } t && t.HasFlag(JsonSchemaType.Null) ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                operation.Security = SecurityOf(context.Description.ActionDescriptor.EndpointMetadata, context.Document!);
                // One tag per operation: a nested group's or the endpoint's own tag (the last given) wins over its parent's.
                if (operation.Tags is { Count: > 1 } tags) operation.Tags = new HashSet<OpenApiTagReference> { tags.Last() };
                // A body of another media type than the operation reads is refused with 415; a path naming nothing there is 404.
                if (operation.RequestBody is not null) ProblemResponse(operation, context.Document!, "415", "The body is not of a media type this operation reads.");
                if (operation.Parameters?.Any(p => p.In == ParameterLocation.Path) == true)
                    ProblemResponse(operation, context.Document!, "404", "Nothing the caller may see is at this address.");
                foreach (var response in operation.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>())
                    foreach (var (mediaType, content) in response.Content ?? new Dictionary<string, OpenApiMediaType>())
                        if (!mediaType.Contains("json", StringComparison.Ordinal) && content.Schema is null)
                            content.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
                return Task.CompletedTask;
            });
        });

    private static void ProblemResponse(OpenApiOperation operation, OpenApiDocument document, string status, string description)
    {
        operation.Responses ??= [];
        if (operation.Responses.ContainsKey(status)) return;
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", document) },
            },
        };
    }

    /// <summary>Problem details carry a traceId to quote when asking for help, and may carry more members (RFC 9457), e.g. an import's bad rows.</summary>
    private static void ProblemsAreExtensible(OpenApiDocument document)
    {
        foreach (var name in new[] { "ProblemDetails", "HttpValidationProblemDetails" })
            if (document.Components?.Schemas is { } schemas && schemas.TryGetValue(name, out var schema) && schema is OpenApiSchema problem)
            {
                problem.Properties ??= new Dictionary<string, IOpenApiSchema>();
                problem.Properties["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Quote it when asking for help with this answer." };
                problem.AdditionalProperties = new OpenApiSchema();
            }
    }

    /// <summary>None for anonymous endpoints; the bearer token or the employer API key as the endpoint's policy demands; either nothing or a key where a key is optional.</summary>
    private static List<OpenApiSecurityRequirement> SecurityOf(IList<object> metadata, OpenApiDocument document)
    {
        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).ToHashSet();
        var anonymous = metadata.OfType<IAllowAnonymous>().Any() || policies.Count == 0;
        OpenApiSecurityRequirement Scheme(string name) => new() { [new OpenApiSecuritySchemeReference(name, document)] = [] };
        if (policies.Contains(VerificationApi.CallerPolicy)) return [new OpenApiSecurityRequirement(), Scheme(ApiKey)];
        if (anonymous) return [];
        if (policies.Contains(VerificationApi.ApiKeyPolicy)) return [Scheme(ApiKey)];
        return [Scheme(Bearer)];
    }

    /// <summary>
    /// Schema names from the type and where it is declared: a use case's nested Command becomes
    /// "StartApplicationRequest", its Model "Application" (for GetApplication.Model), its Row "ReviewQueueRow";
    /// a CursorPage of rows becomes "ReviewQueueRowPage". Two types given one name stop the document.
    /// </summary>
    private sealed class SchemaNames
    {
        private readonly ConcurrentDictionary<string, Type> _taken = new();

        public string For(Type type)
        {
            var name = NameOf(type);
            var owner = _taken.GetOrAdd(name, type);
            return owner == type
                ? name
                : throw new InvalidOperationException($"The OpenAPI schema name '{name}' would be used by both {owner.FullName} and {type.FullName}; rename one.");
        }

        private static string NameOf(Type type)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(CursorPage<>))
                return NameOf(type.GetGenericArguments()[0]) + "Page";
            if (Nullable.GetUnderlyingType(type) is { } underlying) return "NullableOf" + NameOf(underlying);
            if (type.IsGenericType) return OpenApiGenericName(type);
            if (type.DeclaringType is not { } owner || owner.Name.EndsWith("Api", StringComparison.Ordinal)) return type.Name;
            var useCase = owner.Name.StartsWith("Get", StringComparison.Ordinal) ? owner.Name[3..] : owner.Name;
            return type.Name switch
            {
                "Command" => owner.Name + "Request",
                "Model" when useCase.StartsWith("List", StringComparison.Ordinal) => useCase[4..] + "Item",
                "Model" => useCase,
                _ when type.Name.EndsWith("Model", StringComparison.Ordinal) && type.Name.Length > 5 => useCase + type.Name[..^5],
                _ => useCase + type.Name,
            };
        }

        private static string OpenApiGenericName(Type type) =>
            type.Name[..type.Name.IndexOf('`')] + "Of" + string.Concat(type.GetGenericArguments().Select(NameOf));
    }

    /// <summary>
    /// ASP.NET Core writes a nullable reference as oneOf [null, $ref] and a nullable enum as a schema of its own
    /// (NullableOfX). Generators read "allOf [$ref], nullable" far better: rewrite to that, and drop the copies.
    /// </summary>
    private static class NullableReferences
    {
        private const string Prefix = "NullableOf";

        public static void Simplify(OpenApiDocument document)
        {
            var schemas = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
            foreach (var schema in schemas.Values.OfType<OpenApiSchema>()) Properties(schema, document);
            foreach (var operation in (document.Paths?.Values ?? Enumerable.Empty<IOpenApiPathItem>()).SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()))
            {
                // A query parameter is optional already: it names the plain enum.
                foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
                    if (parameter.Schema is OpenApiSchemaReference { Reference.Id: { } id } && id.StartsWith(Prefix, StringComparison.Ordinal)
                        && schemas.ContainsKey(id[Prefix.Length..]))
                        parameter.Schema = new OpenApiSchemaReference(id[Prefix.Length..], document);
                if (operation.RequestBody is OpenApiRequestBody { Content: { } body } request)
                    foreach (var content in body.Values)
                        if (content.Schema is { } schema && Unwrap(schema, document) is { } reference)
                        {
                            content.Schema = reference;
                            request.Required = false; // the body may be left out
                        }
                foreach (var content in (operation.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>()).SelectMany(r => r.Content?.Values ?? Enumerable.Empty<OpenApiMediaType>()))
                    if (content.Schema is OpenApiSchema inline) Properties(inline, document);
            }
            foreach (var name in schemas.Keys.Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && schemas.ContainsKey(n[Prefix.Length..])).ToList())
                schemas.Remove(name);
            InlineFiles(document);
        }

        /// <summary>Files are written inline as binary strings, not as a shared "IFormFile" schema.</summary>
        private static void InlineFiles(OpenApiDocument document)
        {
            static OpenApiSchema Binary() => new() { Type = JsonSchemaType.String, Format = "binary" };
            static bool IsFile(IOpenApiSchema? schema) => schema is OpenApiSchemaReference { Reference.Id: "IFormFile" };
            foreach (var operation in (document.Paths?.Values ?? Enumerable.Empty<IOpenApiPathItem>()).SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()))
            {
                foreach (var content in (operation.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>()).SelectMany(r => r.Content?.Values ?? Enumerable.Empty<OpenApiMediaType>()))
                    if (IsFile(content.Schema)) content.Schema = Binary();
                foreach (var content in operation.RequestBody?.Content?.Values ?? Enumerable.Empty<OpenApiMediaType>())
                    if (content.Schema is OpenApiSchema { Properties: { } fields })
                        foreach (var (name, field) in fields.ToList())
                            if (IsFile(field)) fields[name] = Binary();
            }
            document.Components?.Schemas?.Remove("IFormFile");
        }

        private static void Properties(OpenApiSchema schema, OpenApiDocument document)
        {
            if (schema.Items is OpenApiSchema items) Properties(items, document);
            if (schema.Properties is null) return;
            foreach (var (name, property) in schema.Properties.ToList())
            {
                if (Unwrap(property, document) is { } reference)
                    schema.Properties[name] = new OpenApiSchema { AllOf = [reference], Type = JsonSchemaType.Null };
                else if (property is OpenApiSchema inline) Properties(inline, document);
            }
        }

        /// <summary>The (non-nullable) reference inside oneOf [null, $ref], or null when the schema is not that.</summary>
        private static OpenApiSchemaReference? Unwrap(IOpenApiSchema schema, OpenApiDocument document)
        {
            if (schema.OneOf is not { Count: 2 } oneOf) return null;
            var reference = oneOf.OfType<OpenApiSchemaReference>().SingleOrDefault();
            if (reference is null || oneOf.Count(s => s is not OpenApiSchemaReference && (s.Type == JsonSchemaType.Null || s.Enum is [null])) != 1) return null;
            var id = reference.Reference.Id ?? "";
            return id.StartsWith(Prefix, StringComparison.Ordinal) && document.Components?.Schemas?.ContainsKey(id[Prefix.Length..]) == true
                ? new OpenApiSchemaReference(id[Prefix.Length..], document)
                : reference;
        }
    }
}
