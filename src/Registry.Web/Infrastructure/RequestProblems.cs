using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Registry.Web.Infrastructure;

/// <summary>
/// A request the API could not read, in the registry's own words: the framework's messages (type names, parameter
/// declarations, byte positions) never reach a client. Fields are named as the JSON names them (camelCase, nested
/// with dots, list items by index) whether the refusal comes from reading the JSON or from a validator.
/// </summary>
public static partial class RequestProblems
{
    public const string ValidationTitle = "Some fields need your attention.";
    public const string UnreadableTitle = "The request could not be read.";

    /// <summary>A 400 naming each field with its messages.</summary>
    public static HttpValidationProblemDetails Invalid(IEnumerable<(string Field, string Message)> errors) => new(
        errors.GroupBy(e => FieldName(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => e.Message).Distinct().ToArray()))
    {
        Status = StatusCodes.Status400BadRequest,
        Title = ValidationTitle,
    };

    /// <summary>A property path as JSON names it: <c>Requirements.TrainingDomains[0].MinimumHours</c> is <c>requirements.trainingDomains[0].minimumHours</c>.</summary>
    public static string FieldName(string path) =>
        string.Join('.', path.Split('.').Select(segment => segment.Length == 0 ? segment : JsonNamingPolicy.CamelCase.ConvertName(segment)));

    /// <summary>What the request got wrong; <paramref name="endpoint"/> says what it accepts (for a wrong content type).</summary>
    public static ProblemDetails From(BadHttpRequestException bad, Endpoint? endpoint)
    {
        if (bad.InnerException is JsonException json) return FromJson(json);

        var parameter = ParameterPattern().Match(bad.Message);
        var name = parameter.Success ? FieldName(parameter.Groups["name"].Value) : null;
        var type = parameter.Success ? parameter.Groups["type"].Value : "";
        var isBody = bad.Message.StartsWith("Implicit body", StringComparison.Ordinal) || bad.Message.Contains("from body", StringComparison.Ordinal)
            || bad.Message.Contains("request body", StringComparison.Ordinal);

        return bad.StatusCode switch
        {
            StatusCodes.Status415UnsupportedMediaType => Unreadable(bad.StatusCode, "Unsupported content type.",
                $"Send the body as {string.Join(" or ", endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes ?? ["application/json"])}."),
            StatusCodes.Status413PayloadTooLarge => Unreadable(bad.StatusCode, "The request is too large.", "Send a smaller body."),
            _ when isBody && bad.Message.Contains("as form", StringComparison.Ordinal) => Unreadable(StatusCodes.Status400BadRequest, UnreadableTitle, "The form in the body could not be read."),
            _ when isBody => Unreadable(StatusCodes.Status400BadRequest, UnreadableTitle, "This request needs a JSON body."),
            _ when name is not null && bad.Message.StartsWith("Required parameter", StringComparison.Ordinal) => Invalid([(name, "Enter a value.")]),
            _ when name is not null => Invalid([(name, Expected(type))]),
            _ => Unreadable(StatusCodes.Status400BadRequest, UnreadableTitle, "Check the address, the query and the body, and try again."),
        };
    }

    /// <summary>
    /// The reader says where it stopped (<see cref="JsonException.Path"/>); its message says why, in English that is
    /// matched here only to choose our own words. An unrecognised reason still names the field.
    /// </summary>
    private static ProblemDetails FromJson(JsonException json)
    {
        var path = JsonPath(json.Path);
        var message = json.Message;
        if (message.Contains("missing required properties", StringComparison.Ordinal))
        {
            var names = QuotedName().Matches(message[message.IndexOf("including", StringComparison.Ordinal)..]).Select(m => m.Groups[1].Value).ToList();
            return names.Count == 0
                ? Unreadable(StatusCodes.Status400BadRequest, ValidationTitle, "Some required fields are missing.")
                : Invalid(names.Select(n => (Join(path, n), "This field is required.")));
        }
        if (path.Length == 0)
            return Unreadable(StatusCodes.Status400BadRequest, UnreadableTitle,
                json.InnerException is null && message.Contains("could not be converted", StringComparison.Ordinal)
                    ? "The body is not of the expected shape: send a JSON object (or the list this endpoint takes)."
                    : "The body is not valid JSON.");
        if (message.Contains("could not be mapped", StringComparison.Ordinal)) return Invalid([(path, "This field is not part of this request. Check its spelling.")]);
        if (message.Contains("Duplicate property", StringComparison.Ordinal)) return Invalid([(path, "This field is given more than once.")]);
        if (json.InnerException?.Message.Contains("as a number", StringComparison.Ordinal) == true) return Invalid([(path, Expected("Decimal"))]);
        if (message.Contains("could not be converted to", StringComparison.Ordinal))
            return Invalid([(path, Expected(ConvertedTo().Match(message).Groups["type"].Value))]);
        return Invalid([(path, "This value could not be read.")]);
    }

    /// <summary>What a value of the type looks like, in words.</summary>
    private static string Expected(string type) => NullableOf().Replace(type, "$1").TrimEnd('?').Replace("System.", "", StringComparison.Ordinal) switch
    {
        "Int16" or "Int32" or "Int64" or "int" or "long" or "short" => "Enter a whole number (a JSON number, not a string).",
        "Decimal" or "Double" or "Single" or "decimal" or "double" or "float" => "Enter a number (a JSON number, not a string).",
        "Boolean" or "bool" => "Enter true or false.",
        "Guid" => "Enter an id such as 3fa85f64-5717-4562-b3fc-2c963f66afa6.",
        "DateOnly" => "Enter a real date as yyyy-MM-dd.",
        "DateTimeOffset" or "DateTime" => "Enter a date and time such as 2027-06-15T15:00:00Z.",
        "String" or "string" => "Enter text (a JSON string).",
        "" => "This value is not valid here.",
        var other when other.EndsWith("[]", StringComparison.Ordinal) || other.Contains("List", StringComparison.Ordinal) => "Enter a JSON list.",
        _ => "This value is not one this field takes; the API's OpenAPI document lists the choices.",
    };

    private static ProblemDetails Unreadable(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    /// <summary><c>$.requirements.trainingDomains[0].minimumHours</c> is <c>requirements.trainingDomains[0].minimumHours</c>; the root is empty.</summary>
    private static string JsonPath(string? path) => path is null or "$" ? "" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string Join(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    [GeneratedRegex("parameter \"(?<type>[^\"]+) (?<name>[^\" ]+)\"")]
    private static partial Regex ParameterPattern();

    [GeneratedRegex(@"^(?:System\.)?Nullable<(.+)>$")]
    private static partial Regex NullableOf();

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex QuotedName();

    [GeneratedRegex(@"could not be converted to (?<type>[^.\s]+(\.[^.\s]+)*?)\.(\s|$)")]
    private static partial Regex ConvertedTo();
}
