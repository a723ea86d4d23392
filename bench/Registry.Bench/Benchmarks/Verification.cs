using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Registry.Bench.Running;

namespace Registry.Bench.Benchmarks;

/// <summary>
/// Issue 6's figures. wrk (Debian's package) loads <c>GET /api/v1/verifications/{number}</c> on the real
/// host over 127.0.0.1 with random numbers of the seeded credentials, then, in the same run, the same point
/// query (the same two statements: the record, then its public actions) served by a minimal endpoint on raw
/// Npgsql; it reports throughput and p99 of both and their ratio. Then a 10,000-row roster is verified end to
/// end through the employer's page: sign in, upload the CSV, read the whole workbook back.
/// </summary>
public sealed partial class Verification : IBenchmark
{
    private const int Threads = 2;
    private const int Connections = 32;
    private const int Seconds = 15;
    private const int RosterRows = 10_000;

    public string Name => "verification";

    public async Task RunAsync(BenchContext context, CancellationToken ct)
    {
        var host = await context.WebHostAsync();
        var scale = context.Scale.ToString();
        var numbers = await SampleNumbersAsync(context.ConnectionString, RosterRows, ct);
        await using var raw = await RawVerificationServer.StartAsync(context.ConnectionString);
        var script = Path.Combine(Path.GetTempPath(), $"registry-verify-{Environment.ProcessId}.lua");
        await File.WriteAllTextAsync(script, LuaScript(numbers.Take(2_000)), ct);
        try
        {
            var registry = await WrkAsync(host.Address, "/api/v1/verifications/", script, context.Log, ct);
            var baseline = await WrkAsync(raw.Address, "/verifications/", script, context.Log, ct);
            var shape = $"wrk -t{Threads} -c{Connections} -d{Seconds}s";
            context.Report($"GET /api/v1/verifications/{{number}} throughput ({shape})", scale, Figure.PerSecond(registry.RequestsPerSecond, "req"),
                registry.RequestsPerSecond / baseline.RequestsPerSecond);
            context.Report("GET /api/v1/verifications/{number} p99", scale, Figure.Milliseconds(registry.P99Milliseconds), registry.P99Milliseconds / baseline.P99Milliseconds);
            context.Report($"Raw Npgsql minimal endpoint, same query: throughput (baseline, {shape})", scale, Figure.PerSecond(baseline.RequestsPerSecond, "req"), 1);
            context.Report("Raw Npgsql minimal endpoint, same query: p99 (baseline)", scale, Figure.Milliseconds(baseline.P99Milliseconds), 1);
        }
        finally
        {
            File.Delete(script);
        }

        var roster = await RosterAsync(host, context.ConnectionString, numbers, ct);
        context.Report($"Roster verification, {RosterRows:N0} rows, upload to workbook", scale, Figure.Seconds(roster.TotalSeconds));
    }

    private sealed record WrkResult(double RequestsPerSecond, double P99Milliseconds);

    private static async Task<WrkResult> WrkAsync(Uri address, string prefix, string script, TextWriter log, CancellationToken ct)
    {
        var arguments = $"-t{Threads} -c{Connections} -d{Seconds}s --latency -s {script} {new Uri(address, prefix)}";
        // A short warm-up run (JIT, connection pools, plans), then the measured one.
        await RunWrkAsync($"-t1 -c4 -d3s -s {script} {new Uri(address, prefix)}", ct);
        var output = await RunWrkAsync(arguments, ct);
        log.WriteLine(output.Trim());
        if (NonSuccess().Match(output) is { Success: true } failed)
            throw new InvalidOperationException($"wrk saw {failed.Groups[1].Value} non-2xx answers from {address}{prefix}.");
        var rps = double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var p99 = P99().Match(output);
        var value = double.Parse(p99.Groups[1].Value, CultureInfo.InvariantCulture);
        var ms = p99.Groups[2].Value switch { "us" => value / 1000, "ms" => value, "s" => value * 1000, var unit => throw new FormatException($"wrk latency unit {unit}") };
        return new WrkResult(rps, ms);
    }

    private static async Task<string> RunWrkAsync(string arguments, CancellationToken ct)
    {
        using var process = Process.Start(new ProcessStartInfo("wrk", arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException("wrk did not start; install Debian's package: apt-get install wrk");
        var output = await process.StandardOutput.ReadToEndAsync(ct);
        var error = await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0) throw new InvalidOperationException($"wrk failed ({process.ExitCode}): {error}");
        return output;
    }

    /// <summary>Each request asks for a random credential of the sample (wrk's own Lua).</summary>
    private static string LuaScript(IEnumerable<string> numbers) =>
        "local numbers = {" + string.Join(",", numbers.Select(n => $"\"{n}\"")) + "}\n" +
        "request = function()\n  return wrk.format(\"GET\", wrk.path .. numbers[math.random(#numbers)])\nend\n";

    /// <summary>Every k-th credential number, so the sample spreads over states and programs.</summary>
    private static async Task<List<string>> SampleNumbersAsync(string connectionString, int count, CancellationToken ct)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("""
            SELECT "Number" FROM (SELECT "Number", row_number() OVER (ORDER BY "Id") AS n, count(*) OVER () AS total FROM "Credentials") c
            WHERE n % GREATEST(1, total / $1) = 0 ORDER BY n LIMIT $1
            """);
        command.Parameters.Add(new() { Value = (long)count });
        var numbers = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) numbers.Add(reader.GetString(0));
        return numbers;
    }

    /// <summary>An approved employer's user signs in through the form and verifies a roster of the sampled numbers.</summary>
    private static async Task<TimeSpan> RosterAsync(BenchHost host, string connectionString, IReadOnlyList<string> numbers, CancellationToken ct)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var find = dataSource.CreateCommand("""
            SELECT u."Email" FROM "AspNetUsers" u JOIN "Employers" e ON e."Id" = u."EmployerId" WHERE e."Status" = 'Approved' ORDER BY u."Email" LIMIT 1
            """);
        var email = (string)(await find.ExecuteScalarAsync(ct) ?? throw new InvalidOperationException("The seeded data has no approved employer."));
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = host.Address, Timeout = TimeSpan.FromMinutes(5) };
        var login = await client.GetStringAsync("/Account/Login", ct);
        var signedIn = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Antiforgery(login), ["Input.Email"] = email, ["Input.Password"] = Generation.DataGenerator.Password,
        }), ct);
        if (signedIn.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"{email} could not sign in ({(int)signedIn.StatusCode}).");

        var csv = new StringBuilder("Credential number\n");
        for (var i = 0; i < RosterRows; i++) csv.Append(numbers[i % numbers.Count]).Append('\n');
        var clock = Stopwatch.StartNew();
        var page = await client.GetStringAsync("/Employers/Roster", ct);
        var form = new MultipartFormDataContent
        {
            { new StringContent(Antiforgery(page)), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString())), "RosterFile", "roster.csv" },
        };
        using var response = await client.PostAsync("/Employers/Roster", form, ct);
        var workbook = await response.Content.ReadAsByteArrayAsync(ct);
        clock.Stop();
        if (response.Content.Headers.ContentType?.MediaType != "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            throw new InvalidOperationException($"The roster answered {(int)response.StatusCode} {response.Content.Headers.ContentType}, not a workbook.");
        using (var read = new ClosedXML.Excel.XLWorkbook(new MemoryStream(workbook)))
            if (read.Worksheets.First().RangeUsed()!.RowCount() != RosterRows + 1)
                throw new InvalidOperationException("The roster workbook does not have one row per roster row.");
        return clock.Elapsed;
    }

    private static string Antiforgery(string html) => AntiforgeryField().Match(html) is { Success: true } match
        ? match.Groups[1].Value
        : throw new InvalidOperationException("The form carries no anti-forgery token.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"^\s*99%\s+([0-9.]+)(us|ms|s)\s*$", RegexOptions.Multiline)]
    private static partial Regex P99();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();
}

/// <summary>
/// The comparison: the same public record by number through a minimal endpoint on raw Npgsql (the same two
/// statements the registry's handler runs: the record with its holder, program and last change, then its
/// public actions), on its own Kestrel at 127.0.0.1.
/// </summary>
internal sealed class RawVerificationServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly NpgsqlDataSource _dataSource;

    private RawVerificationServer(WebApplication app, NpgsqlDataSource dataSource, Uri address)
    {
        _app = app;
        _dataSource = dataSource;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<RawVerificationServer> StartAsync(string connectionString)
    {
        var dataSource = NpgsqlDataSource.Create(connectionString);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/verifications/{number}", async (string number, CancellationToken ct) =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var record = new NpgsqlCommand("""
                SELECT c."Id", c."Number", p."LegalFirstName", p."LegalLastName", g."Code", g."Name", c."StateCode", c."Status", c."IssuedOn", c."ExpiresOn",
                       (SELECT h."RecordedAt" FROM "CredentialHistory" h WHERE h."CredentialId" = c."Id" ORDER BY h."Sequence" DESC LIMIT 1)
                FROM "Credentials" c JOIN "People" p ON p."Id" = c."HolderPersonId" JOIN "Programs" g ON g."Id" = c."ProgramId"
                WHERE c."Number" = $1
                """, connection);
            record.Parameters.Add(new() { Value = number.Trim().ToUpperInvariant() });
            Guid id;
            object credential;
            await using (var reader = await record.ExecuteReaderAsync(ct))
            {
                if (!await reader.ReadAsync(ct)) return Results.NotFound();
                id = reader.GetGuid(0);
                credential = new
                {
                    CredentialNumber = reader.GetString(1), HolderName = $"{reader.GetString(2)} {reader.GetString(3)}", ProgramCode = reader.GetString(4),
                    ProgramName = reader.GetString(5), State = reader.GetString(6), Status = reader.GetString(7),
                    IssuedOn = reader.GetFieldValue<DateOnly>(8), ExpiresOn = reader.GetFieldValue<DateOnly>(9), LastUpdated = reader.GetFieldValue<DateTimeOffset>(10),
                };
            }
            await using var actions = new NpgsqlCommand("""
                SELECT "Kind", "EffectiveOn" FROM "CredentialHistory"
                WHERE "CredentialId" = $1 AND "Kind" IN ('Reprimanded', 'ProbationStarted', 'Suspended', 'Revoked') ORDER BY "EffectiveOn", "Sequence"
                """, connection);
            actions.Parameters.Add(new() { Value = id });
            var list = new List<object>();
            await using (var reader = await actions.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct)) list.Add(new { Kind = reader.GetString(0), EffectiveOn = reader.GetFieldValue<DateOnly>(1) });
            return Results.Json(new { credential, PublicActions = list });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new RawVerificationServer(app, dataSource, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _dataSource.DisposeAsync();
    }
}
