using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime;
using System.Text.Json;
using System.Text.Json.Serialization;
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
/// Issues 6 and 20's figures. wrk (Debian's package) loads <c>GET /api/v1/verifications/{number}</c> on the real host
/// over 127.0.0.1 with random numbers of 2,000 seeded credentials; the same point query (the same two statements: the
/// record, then its public actions) served by a minimal endpoint on raw Npgsql, the physical limit here; and the
/// registry again, each request revalidating with the number's current ETag (If-None-Match, 304). It reports the
/// throughput and p99 of each and their ratio to the raw endpoint's full lookup.
/// </summary>
/// <remarks>
/// Both servers run in this process (the same workstation GC and thread pool) on the same 2 cores as wrk and
/// PostgreSQL, over the same connection string (the same pool ceiling, Npgsql's default of 100, well above wrk's 32
/// connections). Each of the three is warmed up with wrk's own shape until a 5 s run leaves the JIT all but idle:
/// tiered compilation takes the registry's code through its instrumented tier for 30–60 s on 2 busy cores (the
/// raw endpoint's in one run), and a figure taken before then measured the JIT, not the server (a quarter to a third
/// less). Then <see cref="Rounds"/> interleaved rounds run the three in turn and each figure is the median of its
/// rounds, so a load that comes and goes on the machine falls on all three alike. What is left of either tail is the
/// machine's: wrk, both servers and PostgreSQL share 2 cores, so a request waits behind whichever holds a core.
/// </remarks>
public sealed partial class Verification : IBenchmark
{
    private const int Threads = 2;
    private const int Connections = 32;
    private const int Rounds = 5;
    private const int Seconds = 6;
    private const int WarmUpSeconds = 5;
    private const int MaxWarmUps = 12;
    private const int QuietJit = 20;
    private const int SampleSize = 2_000;

    public string Name => "verification";

    public async Task RunAsync(BenchContext context, CancellationToken ct)
    {
        var host = await context.WebHostAsync();
        var scale = context.Scale.ToString();
        var numbers = await context.SampleNumbersAsync(SampleSize, ct);
        await using var raw = await RawVerificationServer.StartAsync(context.ConnectionString);
        var tags = await EntityTagsAsync(host, numbers, ct);
        var lookups = Path.Combine(Path.GetTempPath(), $"registry-verify-{Environment.ProcessId}.lua");
        var revalidations = Path.Combine(Path.GetTempPath(), $"registry-revalidate-{Environment.ProcessId}.lua");
        await File.WriteAllTextAsync(lookups, LuaScript(numbers, tags: null), ct);
        await File.WriteAllTextAsync(revalidations, LuaScript(numbers, tags), ct);
        try
        {
            var registryRun = new WrkRun(new Uri(host.Address, "/api/v1/verifications/"), lookups);
            var baselineRun = new WrkRun(new Uri(raw.Address, "/verifications/"), lookups);
            var revalidationRun = new WrkRun(new Uri(host.Address, "/api/v1/verifications/"), revalidations);
            foreach (var run in new[] { registryRun, baselineRun, revalidationRun }) await WarmUpAsync(run, context.Log, ct);
            // Interleaved rounds: a load that comes and goes on the machine meanwhile falls on all three alike.
            var rounds = new List<WrkResult[]>();
            for (var round = 0; round < Rounds; round++)
            {
                var results = new WrkResult[3];
                for (var i = 0; i < 3; i++) results[i] = await MeasureAsync(new[] { registryRun, baselineRun, revalidationRun }[i], context.Log, ct);
                rounds.Add(results);
            }
            var registry = Median(rounds.Select(r => r[0]));
            var baseline = Median(rounds.Select(r => r[1]));
            var revalidation = Median(rounds.Select(r => r[2]));
            await RequireNotModifiedAsync(host, numbers, tags, ct);
            var shape = $"wrk -t{Threads} -c{Connections}, median of {Rounds} interleaved {Seconds} s runs";
            context.Report($"GET /api/v1/verifications/{{number}} throughput ({shape})", scale, Figure.PerSecond(registry.RequestsPerSecond, "req"),
                registry.RequestsPerSecond / baseline.RequestsPerSecond, Goal.AtLeast(0.7));
            context.Report("GET /api/v1/verifications/{number} p99", scale, Figure.Milliseconds(registry.P99Milliseconds), registry.P99Milliseconds / baseline.P99Milliseconds,
                Goal.AtMost(1.5));
            context.Report("Same, revalidated with If-None-Match (304): throughput", scale, Figure.PerSecond(revalidation.RequestsPerSecond, "req"),
                revalidation.RequestsPerSecond / baseline.RequestsPerSecond, Goal.AtLeast(1.0));
            context.Report("Same, revalidated with If-None-Match (304): p99", scale, Figure.Milliseconds(revalidation.P99Milliseconds),
                revalidation.P99Milliseconds / baseline.P99Milliseconds);
            context.Report($"Raw Npgsql minimal endpoint, same query: throughput (baseline, {shape})", scale, Figure.PerSecond(baseline.RequestsPerSecond, "req"), 1);
            context.Report("Raw Npgsql minimal endpoint, same query: p99 (baseline)", scale, Figure.Milliseconds(baseline.P99Milliseconds), 1);
        }
        finally
        {
            File.Delete(lookups);
            File.Delete(revalidations);
        }
    }

    private sealed record WrkResult(double RequestsPerSecond, double P99Milliseconds);

    private sealed record WrkRun(Uri Target, string Script);

    /// <summary>The median throughput and the median p99 of the rounds (each median on its own).</summary>
    private static WrkResult Median(IEnumerable<WrkResult> results)
    {
        var list = results.ToList();
        static double MedianOf(IEnumerable<double> values) { var sorted = values.Order().ToList(); return sorted[sorted.Count / 2]; }
        return new WrkResult(MedianOf(list.Select(r => r.RequestsPerSecond)), MedianOf(list.Select(r => r.P99Milliseconds)));
    }

    /// <summary>
    /// Runs of the measured shape until a run leaves the JIT all but idle (fewer than <see cref="QuietJit"/> methods
    /// compiled), at most <see cref="MaxWarmUps"/>: tiered compilation takes the registry's much larger code through its
    /// instrumented tier for half a minute on 2 busy cores, and a server that runs for hours is measured tiered up.
    /// </summary>
    private static async Task WarmUpAsync(WrkRun run, TextWriter log, CancellationToken ct)
    {
        for (var warmUp = 1; warmUp <= MaxWarmUps; warmUp++)
        {
            var compiledBefore = JitInfo.GetCompiledMethodCount();
            var output = await RunWrkAsync($"-t{Threads} -c{Connections} -d{WarmUpSeconds}s -s {run.Script} {run.Target}", ct);
            RequireSuccess(output, run.Target);
            var compiled = JitInfo.GetCompiledMethodCount() - compiledBefore;
            log.WriteLine($"warm-up {warmUp} of {run.Target}: {RequestsPerSecond().Match(output).Groups[1].Value} req/s, {compiled} methods compiled");
            if (compiled < QuietJit) return;
        }
    }

    private static async Task<WrkResult> MeasureAsync(WrkRun run, TextWriter log, CancellationToken ct)
    {
        var output = await RunWrkAsync($"-t{Threads} -c{Connections} -d{Seconds}s --latency -s {run.Script} {run.Target}", ct);
        log.WriteLine(output.Trim());
        RequireSuccess(output, run.Target);
        var rps = double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var p99 = P99().Match(output);
        var value = double.Parse(p99.Groups[1].Value, CultureInfo.InvariantCulture);
        var ms = p99.Groups[2].Value switch { "us" => value / 1000, "ms" => value, "s" => value * 1000, var unit => throw new FormatException($"wrk latency unit {unit}") };
        return new WrkResult(rps, ms);
    }

    /// <summary>wrk's "Non-2xx or 3xx responses" counts answers of 400 and above only: a 404 or 500 fails the run, a 304 does not.</summary>
    private static void RequireSuccess(string output, Uri target)
    {
        if (NonSuccess().Match(output) is { Success: true } failed)
            throw new InvalidOperationException($"wrk saw {failed.Groups[1].Value} answers of 400 or above from {target}.");
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

    /// <summary>Each request asks for a random credential of the sample (wrk's own Lua), with its ETag in If-None-Match when tags are given.</summary>
    private static string LuaScript(IReadOnlyList<string> numbers, IReadOnlyList<string>? tags) =>
        "local numbers = {" + string.Join(",", numbers.Select(n => $"\"{n}\"")) + "}\n" +
        (tags is null
            ? "request = function()\n  return wrk.format(\"GET\", wrk.path .. numbers[math.random(#numbers)])\nend\n"
            : "local tags = {" + string.Join(",", tags.Select(t => $"'{t}'")) + "}\n" +
              "request = function()\n  local i = math.random(#numbers)\n  return wrk.format(\"GET\", wrk.path .. numbers[i], { [\"If-None-Match\"] = tags[i] })\nend\n");

    /// <summary>Each sampled number's current ETag, as an HTTP client that verified it before would hold it.</summary>
    private static async Task<List<string>> EntityTagsAsync(BenchHost host, IReadOnlyList<string> numbers, CancellationToken ct)
    {
        using var client = host.Client();
        var tags = new List<string>(numbers.Count);
        foreach (var number in numbers)
        {
            using var response = await client.GetAsync($"/api/v1/verifications/{number}", ct);
            if (!response.IsSuccessStatusCode || response.Headers.ETag is not { } tag)
                throw new InvalidOperationException($"{number} answered {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)} without an ETag.");
            tags.Add(tag.Tag);
        }
        return tags;
    }

    /// <summary>The revalidation run measured 304s, not full answers: the tags it sent still name the current records.</summary>
    private static async Task RequireNotModifiedAsync(BenchHost host, IReadOnlyList<string> numbers, IReadOnlyList<string> tags, CancellationToken ct)
    {
        using var client = host.Client();
        for (var i = 0; i < numbers.Count; i += numbers.Count / 20 + 1)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/verifications/{numbers[i]}");
            request.Headers.TryAddWithoutValidation("If-None-Match", tags[i]);
            using var response = await client.SendAsync(request, ct);
            if (response.StatusCode != HttpStatusCode.NotModified)
                throw new InvalidOperationException($"{numbers[i]} with its ETag answered {(int)response.StatusCode}, not 304.");
        }
    }

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
/// public actions), on its own Kestrel at 127.0.0.1: one pooled data source whose statements are prepared on each
/// connection at their first use (<c>Max Auto Prepare</c>), no logging, no middleware, and answers written by
/// source-generated JSON.
/// </summary>
internal sealed class RawVerificationServer : IAsyncDisposable
{
    private const string RecordSql = """
        SELECT c."Id", c."Number", p."LegalFirstName", p."LegalLastName", g."Code", g."Name", c."StateCode", c."Status", c."IssuedOn", c."ExpiresOn",
               (SELECT h."RecordedAt" FROM "CredentialHistory" h WHERE h."CredentialId" = c."Id" ORDER BY h."Sequence" DESC LIMIT 1)
        FROM "Credentials" c JOIN "People" p ON p."Id" = c."HolderPersonId" JOIN "Programs" g ON g."Id" = c."ProgramId"
        WHERE c."Number" = $1
        """;

    private const string ActionsSql = """
        SELECT "Kind", "EffectiveOn" FROM "CredentialHistory"
        WHERE "CredentialId" = $1 AND "Kind" IN ('Reprimanded', 'ProbationStarted', 'Suspended', 'Revoked') ORDER BY "EffectiveOn", "Sequence"
        """;

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
        // The registry's own connection string, so the same pool ceiling; each connection prepares both statements once.
        var dataSource = new NpgsqlDataSourceBuilder(connectionString) { ConnectionStringBuilder = { MaxAutoPrepare = 10, AutoPrepareMinUsages = 1 } }.Build();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, RawJson.Default));
        var app = builder.Build();
        app.MapGet("/verifications/{number}", async (string number, CancellationToken ct) =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var record = new NpgsqlCommand(RecordSql, connection);
            record.Parameters.Add(new() { Value = number.Trim().ToUpperInvariant() });
            Guid id;
            RawCredential credential;
            await using (var reader = await record.ExecuteReaderAsync(ct))
            {
                if (!await reader.ReadAsync(ct)) return Results.NotFound();
                id = reader.GetGuid(0);
                credential = new RawCredential(reader.GetString(1), $"{reader.GetString(2)} {reader.GetString(3)}", reader.GetString(4), reader.GetString(5),
                    reader.GetString(6), reader.GetString(7), reader.GetFieldValue<DateOnly>(8), reader.GetFieldValue<DateOnly>(9), reader.GetFieldValue<DateTimeOffset>(10));
            }
            await using var actions = new NpgsqlCommand(ActionsSql, connection);
            actions.Parameters.Add(new() { Value = id });
            var list = new List<RawAction>();
            await using (var reader = await actions.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct)) list.Add(new RawAction(reader.GetString(0), reader.GetFieldValue<DateOnly>(1)));
            return TypedResults.Json(new RawAnswer(credential, list), RawJson.Default.RawAnswer);
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

internal sealed record RawCredential(string CredentialNumber, string HolderName, string ProgramCode, string ProgramName, string State, string Status,
    DateOnly IssuedOn, DateOnly ExpiresOn, DateTimeOffset LastUpdated);

internal sealed record RawAction(string Kind, DateOnly EffectiveOn);

internal sealed record RawAnswer(RawCredential Credential, List<RawAction> PublicActions);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(RawAnswer))]
internal sealed partial class RawJson : JsonSerializerContext;
