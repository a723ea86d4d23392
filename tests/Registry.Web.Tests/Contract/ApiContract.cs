using System.Net;
using System.Text.RegularExpressions;
using NJsonSchema;
using NSwag;

namespace Registry.Web.Tests.Contract;

/// <summary>
/// The OpenAPI document the host serves, and the check that an answer is one it documents: the operation
/// exists, the status code is listed for it, and a JSON body is valid against the schema listed for that code.
/// </summary>
public sealed class ApiContract
{
    private readonly List<Route> _routes;

    private ApiContract(string json, OpenApiDocument document)
    {
        Json = json;
        Document = document;
        _routes = document.Paths
            .SelectMany(path => path.Value.Select(operation => new Route(operation.Key.ToUpperInvariant(), path.Key, Template(path.Key), operation.Value)))
            .OrderByDescending(r => r.Path.Split('/').Count(segment => !segment.StartsWith('{')))
            .ToList();
    }

    public string Json { get; }

    public OpenApiDocument Document { get; }

    public static async Task<ApiContract> LoadAsync(HttpClient client)
    {
        var json = await client.GetStringAsync("/openapi/v1.json");
        return new ApiContract(json, await OpenApiDocument.FromJsonAsync(json));
    }

    /// <summary>What is wrong with this answer by the document; empty when it is one the document promises.</summary>
    public IReadOnlyList<string> Check(string method, string path, HttpStatusCode status, string? mediaType, string body)
    {
        path = path.Length > 1 ? path.TrimEnd('/') : path; // routing ignores a trailing slash
        var route = _routes.FirstOrDefault(r => r.Method == method && r.Pattern.IsMatch(path));
        if (route is null)
            return status is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed ? [] : [$"{method} {path} answered {(int)status} but the document has no such operation."];

        var where = $"{method} {route.Path} ({route.Operation.OperationId}) answered {(int)status}";
        if (!route.Operation.ActualResponses.TryGetValue(((int)status).ToString(), out var response)
            && !route.Operation.ActualResponses.TryGetValue("default", out response))
            return [$"{where}, a status the document does not list."];

        if (body.Length == 0) return [];
        if (response.Content.Count == 0) return [$"{where} with a body, but the document says it has none."];
        if (mediaType is null || !response.Content.TryGetValue(mediaType, out var content))
            return [$"{where} as '{mediaType}', but the document lists {string.Join(", ", response.Content.Keys)}."];
        if (!mediaType.Contains("json", StringComparison.Ordinal) || content.Schema is null) return [];

        return content.Schema.ActualSchema.Validate(body, SchemaType.OpenApi3)
            .Select(error => $"{where} with a body that does not fit its schema: {error}")
            .ToList();
    }

    private static Regex Template(string path) =>
        new("^" + string.Join("/", path.Split('/').Select(s => s.StartsWith('{') ? "[^/]+" : Regex.Escape(s))) + "$");

    private sealed record Route(string Method, string Path, Regex Pattern, OpenApiOperation Operation);
}

/// <summary>Checks every /api answer a test receives against the served document; a broken promise fails the test.</summary>
public sealed class ContractCheckingHandler(Func<Task<ApiContract>> contract) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var path = request.RequestUri!.AbsolutePath;
        if (!path.StartsWith("/api/", StringComparison.Ordinal)) return response;

        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var problems = (await contract()).Check(request.Method.Method, path, response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
        return problems.Count == 0
            ? response
            : throw new ContractViolationException(string.Join(Environment.NewLine, problems) + Environment.NewLine + "Body: " + body[..Math.Min(body.Length, 2000)]);
    }
}

public sealed class ContractViolationException(string message) : Exception(message);
