using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Registry.Application.Common.Security;
using Registry.Domain.Applications;
using Registry.Domain.Credentials;
using Registry.Testing;

namespace Registry.Web.Tests.Quality;

/// <summary>
/// Bad input on every /api/v1 endpoint, found from the app's own endpoint data source so new endpoints
/// are covered without a change here: malformed JSON, wrong types, missing and extra fields, huge
/// strings and numbers, invalid dates and unknown enum values, each sent by every kind of caller.
/// Every answer is a 4xx problem details response, never a 500, and no table's row count changes.
/// </summary>
public sealed partial class BadInputTests(WebFixture fixture) : WebTest(fixture)
{
    private static readonly string Huge = new('x', 100_000);
    private static readonly JsonObject Extra = new() { ["unexpected"] = 1, ["status"] = "Approved", ["isAdmin"] = true, ["personId"] = Guid.NewGuid().ToString() };

    private sealed record World(Guid ProgramId, Guid ApplicationId, Guid RecordId, Guid ReferenceId, Guid CredentialId);

    [Fact]
    public async Task Every_API_endpoint_answers_bad_input_with_a_4xx_problem_and_changes_nothing()
    {
        var world = await ArrangeAsync();
        var clients = new Dictionary<string, HttpClient>
        {
            ["applicant"] = await Fixture.ApiClientAsync("applicant@test.example"),
            ["reviewer"] = await Fixture.ApiClientAsync("reviewer.tn@test.example"),
            ["state admin"] = await Fixture.ApiClientAsync("admin.tn@test.example"),
            ["system admin"] = await Fixture.ApiClientAsync("sysadmin@test.example"),
            ["anonymous"] = Fixture.Client(),
        };
        var endpoints = Fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Endpoint: e, Method: m)))
            .ToList();
        Assert.True(endpoints.Count > 30, $"only {endpoints.Count} API endpoints were found");

        var failures = new List<string>();
        var requests = 0;
        await using var counter = await RowCounter.CreateAsync(Fixture.Factory.Database.ConnectionString);
        var before = await counter.CountAsync();
        foreach (var (endpoint, method) in endpoints)
        {
            var anonymousAllowed = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            foreach (var (caseName, url, body) in Cases(endpoint, method, world))
                foreach (var (who, client) in clients.Where(c => anonymousAllowed || c.Key != "anonymous"))
                {
                    requests++;
                    using var request = new HttpRequestMessage(new HttpMethod(method), url);
                    if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                    using var response = await client.SendAsync(request);
                    var text = await response.Content.ReadAsStringAsync();
                    var what = $"{method} {url[..Math.Min(url.Length, 120)]} [{caseName}] as {who}";
                    var status = (int)response.StatusCode;
                    if (status is < 400 or >= 500)
                        failures.Add($"{what}: {status} {text[..Math.Min(text.Length, 300)]}");
                    else if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                        failures.Add($"{what}: {status} as {response.Content.Headers.ContentType?.MediaType ?? "no content type"}");
                    var after = await counter.CountAsync();
                    if (!after.SequenceEqual(before))
                    {
                        failures.Add($"{what}: rows changed in {string.Join(", ", counter.Changed(before, after))}");
                        before = after;
                    }
                }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} bad requests were mishandled:\n" + string.Join("\n", failures.Take(60)));
    }

    /// <summary>The bad requests for one endpoint: (case, url, JSON body or null).</summary>
    private static IEnumerable<(string Case, string Url, string? Body)> Cases(RouteEndpoint endpoint, string method, World world)
    {
        var url = FillRoute(endpoint.RoutePattern.RawText!, world);
        var handler = endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault();
        var routeNames = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var parameters = handler?.GetParameters() ?? [];

        // Route values of the wrong shape.
        foreach (var parameter in endpoint.RoutePattern.Parameters.Where(p => p.ParameterPolicies.Count == 0))
            yield return ($"route {parameter.Name} garbage", FillRoute(endpoint.RoutePattern.RawText!, world, (parameter.Name, "no-such-" + new string('z', 300))), method is "GET" or "DELETE" ? null : "{}");

        // Query values of the wrong type.
        var query = parameters.Where(p => !routeNames.Contains(p.Name!) && p.GetCustomAttribute<AsParametersAttribute>() is null && IsSimple(p.ParameterType))
            .Select(p => (p.Name!, p.ParameterType))
            .Concat(parameters.Where(p => p.GetCustomAttribute<AsParametersAttribute>() is not null)
                .SelectMany(p => p.ParameterType.GetProperties().Where(q => q.CanWrite && IsSimple(q.PropertyType)).Select(q => (q.Name, q.PropertyType))))
            .Where(q => WrongQueryValue(q.Item2) is not null)
            .ToList();
        if (query.Count > 0)
            yield return ("query values of the wrong type", url + "?" + string.Join("&", query.Select(q => $"{q.Item1}={Uri.EscapeDataString(WrongQueryValue(q.Item2)!)}")), null);

        var accepts = endpoint.Metadata.GetMetadata<IAcceptsMetadata>();
        if (method is "GET" or "DELETE" || accepts is null) yield break;
        var bodyType = accepts.RequestType;
        var bodyParameter = parameters.FirstOrDefault(p => p.ParameterType == bodyType);
        var optionalBody = bodyParameter is not null && new NullabilityInfoContext().Create(bodyParameter).WriteState == NullabilityState.Nullable || accepts.IsOptional;
        var properties = bodyType?.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite || HasConstructorParameter(bodyType, p)).ToList() ?? [];

        yield return ("malformed JSON", url, "{\"a\": ");
        yield return ("an array, not an object", url, "[1, 2, 3]");
        if (!optionalBody) yield return ("null body", url, "null");
        if (properties.Count == 0) yield break;

        yield return ("wrong types", url, Body(properties, p => WrongType(p.PropertyType)));
        if (properties.Any(p => p.PropertyType == typeof(string)))
            yield return ("huge strings", url, Body(properties, p => p.PropertyType == typeof(string) ? JsonValue.Create(Huge) : Plausible(p.PropertyType, world)));
        if (properties.Any(p => IsNumber(p.PropertyType)))
        {
            yield return ("numbers beyond every type", url, Body(properties, p => IsNumber(p.PropertyType) ? JsonNode.Parse("1e40") : Plausible(p.PropertyType, world)));
            yield return ("numbers beyond the columns", url, Body(properties, p => IsNumber(p.PropertyType) ? JsonNode.Parse("99999999999.99") : Plausible(p.PropertyType, world)));
            yield return ("negative numbers", url, Body(properties, p => IsNumber(p.PropertyType) ? JsonNode.Parse("-5") : Plausible(p.PropertyType, world)));
        }
        if (properties.Any(p => IsDate(p.PropertyType)))
        {
            yield return ("impossible dates", url, Body(properties, p => IsDate(p.PropertyType) ? JsonValue.Create("2026-02-30") : Plausible(p.PropertyType, world)));
            yield return ("dates in year 1 and 9999", url, Body(properties, (p, i) => IsDate(p.PropertyType) ? JsonValue.Create(i % 2 == 0 ? "0001-01-01" : "9999-12-31") : Plausible(p.PropertyType, world)));
        }
        if (properties.Any(p => IsEnum(p.PropertyType)))
        {
            yield return ("unknown enum names", url, Body(properties, p => IsEnum(p.PropertyType) ? JsonValue.Create("NoSuchValue") : Plausible(p.PropertyType, world)));
            yield return ("unknown enum numbers", url, Body(properties, p => IsEnum(p.PropertyType) ? JsonValue.Create(999) : Plausible(p.PropertyType, world)));
        }
        if (properties.Any(p => IsRequired(bodyType!, p)))
            yield return ("required fields missing, extra ones present", url, Extra.ToJsonString());
    }

    private static string Body(List<PropertyInfo> properties, Func<PropertyInfo, JsonNode?> value) => Body(properties, (p, _) => value(p));

    private static string Body(List<PropertyInfo> properties, Func<PropertyInfo, int, JsonNode?> value)
    {
        // Only the case's own corruption: an extra field alone is refused (the last case), and would hide what the others test.
        var body = new JsonObject();
        for (var i = 0; i < properties.Count; i++) body[JsonNamingPolicy.CamelCase.ConvertName(properties[i].Name)] = value(properties[i], i);
        return body.ToJsonString();
    }

    private static string FillRoute(string pattern, World world, (string Name, string Value)? replace = null) =>
        RouteParameter().Replace(pattern, m =>
        {
            var name = m.Groups["name"].Value;
            if (replace is { } r && r.Name == name) return r.Value;
            return name switch
            {
                "id" when pattern.Contains("/credentials/") => world.CredentialId.ToString(),
                "id" when pattern.Contains("/programs/") => world.ProgramId.ToString(),
                "id" => world.ApplicationId.ToString(),
                "programId" => world.ProgramId.ToString(),
                "recordId" => world.RecordId.ToString(),
                "referenceId" => world.ReferenceId.ToString(),
                "state" => "TN",
                "token" => "not-a-real-token",
                _ => Guid.NewGuid().ToString(),
            };
        });

    /// <summary>A value of the right type, so only the case's own corruption is wrong (ids point at the arranged records).</summary>
    private static JsonNode? Plausible(Type type, World world)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string)) return "Plausible text";
        if (t == typeof(Guid)) return world.ProgramId.ToString();
        if (t == typeof(bool)) return true;
        if (IsNumber(t)) return 1;
        if (t == typeof(DateOnly)) return "2026-01-15";
        if (t == typeof(DateTimeOffset) || t == typeof(DateTime)) return "2026-01-15T10:00:00Z";
        if (t.IsEnum) return Enum.GetNames(t)[0];
        if (t.IsArray || (t.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(t))) return new JsonArray();
        return new JsonObject();
    }

    private static JsonNode WrongType(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string)) return new JsonObject { ["nested"] = 1 };
        if (t == typeof(Guid)) return "not-a-guid";
        if (t == typeof(bool)) return "maybe";
        if (IsNumber(t)) return "twelve";
        if (IsDate(t)) return "yesterday-ish";
        if (t.IsEnum) return new JsonArray(1, 2);
        if (t != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(t)) return "not a list";
        return "not an object";
    }

    private static string? WrongQueryValue(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(Guid)) return "not-a-guid";
        if (t == typeof(bool)) return "maybe";
        if (t == typeof(int) || t == typeof(long)) return "99999999999999999999";
        if (IsDate(t)) return "2026-02-30";
        if (t.IsEnum) return "NoSuchValue";
        return null;
    }

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(Guid) || t == typeof(decimal) || IsDate(t);
    }

    private static bool IsNumber(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(int) || t == typeof(long) || t == typeof(decimal) || t == typeof(double) || t == typeof(short);
    }

    private static bool IsDate(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset);
    }

    private static bool IsEnum(Type type) => (Nullable.GetUnderlyingType(type) ?? type).IsEnum;

    private static bool HasConstructorParameter(Type type, PropertyInfo property) =>
        type.GetConstructors().Any(c => c.GetParameters().Any(p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase)));

    /// <summary>A property the request cannot do without: a non-nullable reference, or a Guid or date.</summary>
    private static bool IsRequired(Type owner, PropertyInfo property)
    {
        if (property.PropertyType == typeof(Guid) || property.PropertyType == typeof(DateOnly)) return true;
        return !property.PropertyType.IsValueType && new NullabilityInfoContext().Create(property).WriteState == NullabilityState.NotNull
            && property.PropertyType == typeof(string);
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:[^}]+)?\}")]
    private static partial Regex RouteParameter();

    private async Task<World> ArrangeAsync()
    {
        var state = TestData.State("TN", "Tennessee", "CPRS", TestData.Requirements());
        var program = state.Programs[0];
        var person = TestData.Person();
        var today = TestClock.StartDay;
        var application = CertificationApplication.Start(person.Id, program.Id, ApplicationType.Initial, Guid.NewGuid(), Now);
        var record = application.AddTrainingRecord(program.Requirements, "Ethics for peers", "State Institute", "ETHICS", 16, today.AddDays(-30), null, new RecordDates(today, null));
        var reference = application.AddReference(program.Requirements.ReferencesRequired, "Dana Referee", "dana@example.org", "Former colleague");
        var credential = Credential.Issue(program, person.Id, today.AddMonths(-3), Guid.NewGuid(), Now);
        await Fixture.InsertAsync(state, person, application, credential);
        await Fixture.CreateUserAsync("applicant@test.example", Roles.Applicant, personId: person.Id);
        await Fixture.CreateUserAsync("reviewer.tn@test.example", Roles.Reviewer, state: "TN");
        await Fixture.CreateUserAsync("admin.tn@test.example", Roles.StateAdmin, state: "TN");
        await Fixture.CreateUserAsync("sysadmin@test.example", Roles.SystemAdmin);
        return new World(program.Id, application.Id, record.Id, reference.Id, credential.Id);
    }

    /// <summary>Row counts of every table of the registry's schema, in one round trip.</summary>
    private sealed class RowCounter : IAsyncDisposable
    {
        private readonly NpgsqlConnection _connection;
        private readonly string[] _tables;
        private readonly string _sql;

        private RowCounter(NpgsqlConnection connection, string[] tables)
        {
            _connection = connection;
            _tables = tables;
            // A refused request is still written down when it was a sign-in, a refusal or a read (the audit of who tried what);
            // only audit entries of changes say that something changed.
            _sql = "SELECT " + string.Join(", ", tables.Select(t => t == "AuditLog"
                ? $"(SELECT count(*) FROM \"{t}\" WHERE \"Kind\" = 'Change')"
                : $"(SELECT count(*) FROM \"{t}\")"));
        }

        public static async Task<RowCounter> CreateAsync(string connectionString)
        {
            var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            var tables = new List<string>();
            await using (var command = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1", connection))
            await using (var reader = await command.ExecuteReaderAsync())
                while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
            return new RowCounter(connection, [.. tables]);
        }

        public async Task<long[]> CountAsync()
        {
            await using var command = new NpgsqlCommand(_sql, _connection);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            return Enumerable.Range(0, _tables.Length).Select(reader.GetInt64).ToArray();
        }

        public IEnumerable<string> Changed(long[] before, long[] after) =>
            _tables.Where((_, i) => before[i] != after[i]).Select(t => $"{t} ({before[Array.IndexOf(_tables, t)]} → {after[Array.IndexOf(_tables, t)]})");

        public ValueTask DisposeAsync() => _connection.DisposeAsync();
    }
}
