using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Npgsql;
using Registry.Bench.Generation;
using Registry.Bench.Running;

namespace Registry.Bench.Benchmarks;

/// <summary>
/// Issue 20's roster goals, on the real host over a socket. The state roster export (<c>GET /api/v1/exports/roster/{state}</c>)
/// of the smallest and the largest seeded state: the time, and how far the process's resident memory rose above what it
/// was just before (Linux: the high-water mark is reset through /proc/self/clear_refs first; the body is counted, not
/// kept, so the client side adds nothing). Goal: the largest state's roster under +30 MB. Then a 10,000-row roster
/// verification end to end: an approved employer's user, signed in, opens the roster page, uploads the CSV, follows
/// the redirect to the result and downloads the whole workbook. Goals: under 1.5 s and +60 MB.
/// </summary>
public sealed partial class Rosters : IBenchmark
{
    private const int VerificationRows = 10_000;

    public string Name => "rosters";

    public int Order => 55;

    public async Task RunAsync(BenchContext context, CancellationToken ct)
    {
        var host = await context.WebHostAsync();
        var scale = context.Scale.ToString();
        var smallest = UsStates.ByPopulation[context.Scale.States - 1];
        var largest = UsStates.ByPopulation[0];
        using var smallStaff = host.Client(await host.TokenAsync($"admin.{smallest.Code.ToLowerInvariant()}@registry.example"));
        using var largeStaff = host.Client(await host.TokenAsync($"admin.{largest.Code.ToLowerInvariant()}@registry.example"));

        // A warm-up (JIT, connection pool), then the measured requests, the smallest state first.
        await CountBytesAsync(smallStaff, $"/api/v1/exports/roster/{smallest.Code}", ct);
        foreach (var (client, state) in new[] { (smallStaff, smallest.Code), (largeStaff, largest.Code) })
        {
            var rows = await CountCredentialsAsync(context.ConnectionString, state, ct);
            var export = await ResidentMemory.MeasureAsync(() => CountBytesAsync(client, $"/api/v1/exports/roster/{state}", ct));
            context.Report($"GET /api/v1/exports/roster/{state} ({rows:N0} rows)", scale, Figure.Seconds(export.Seconds));
            context.Report("  resident memory growth over the run before it", scale, Figure.Count(export.PeakMegabytes - export.BeforeMegabytes, "MB"), goal: Goal.AtMostValue(30));
            context.Report("  roster size", scale, Figure.Count(export.Result / 1024.0 / 1024.0, "MB"));
        }

        var numbers = await context.SampleNumbersAsync(VerificationRows, ct);
        var employer = await SignInEmployerAsync(host, context.ConnectionString, ct);
        await VerifyAsync(employer, numbers.Take(100).ToList(), ct); // warm-up
        var verification = await ResidentMemory.MeasureAsync(() => VerifyAsync(employer, numbers, ct));
        using (var read = new XLWorkbook(new MemoryStream(verification.Result)))
            if (read.Worksheets.First().RangeUsed()!.RowCount() != VerificationRows + 1)
                throw new InvalidOperationException("The roster workbook does not have one row per roster row.");
        context.Report($"Roster verification, {VerificationRows:N0} rows, upload to workbook", scale, Figure.Seconds(verification.Seconds), goal: Goal.AtMostValue(1.5));
        context.Report("  resident memory growth over the run before it", scale, Figure.Count(verification.PeakMegabytes - verification.BeforeMegabytes, "MB"), goal: Goal.AtMostValue(60));
    }

    /// <summary>The response's length, read through a small buffer and not kept.</summary>
    private static async Task<long> CountBytesAsync(HttpClient client, string url, CancellationToken ct)
    {
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[16 * 1024];
        long total = 0;
        for (int read; (read = await body.ReadAsync(buffer, ct)) > 0;) total += read;
        return total;
    }

    /// <summary>The roster page's whole round: open the form, post the CSV, follow the redirect to the result, download the workbook.</summary>
    private static async Task<byte[]> VerifyAsync(HttpClient client, IReadOnlyList<string> numbers, CancellationToken ct)
    {
        var csv = new StringBuilder("Credential number\n");
        foreach (var number in numbers) csv.Append(number).Append('\n');
        var page = await client.GetStringAsync("/Employers/Roster", ct);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Antiforgery(page)), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString())), "RosterFile", "roster.csv" },
        };
        using var posted = await client.PostAsync("/Employers/Roster", form, ct);
        if (posted.StatusCode != HttpStatusCode.Redirect || posted.Headers.Location is not { } result)
            throw new InvalidOperationException($"The roster answered {(int)posted.StatusCode}, not a redirect to its result.");
        var shown = await client.GetStringAsync(result, ct);
        var download = DownloadLink().Match(shown) is { Success: true } link
            ? WebUtility.HtmlDecode(link.Groups[1].Value)
            : throw new InvalidOperationException("The result page links no workbook.");
        using var response = await client.GetAsync(download, ct);
        if (response.Content.Headers.ContentType?.MediaType != "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            throw new InvalidOperationException($"The workbook answered {(int)response.StatusCode} {response.Content.Headers.ContentType}.");
        return await response.Content.ReadAsByteArrayAsync(ct);
    }

    /// <summary>An approved employer's user signed in through the form, with its cookie.</summary>
    private static async Task<HttpClient> SignInEmployerAsync(BenchHost host, string connectionString, CancellationToken ct)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var find = dataSource.CreateCommand("""
            SELECT u."Email" FROM "AspNetUsers" u JOIN "Employers" e ON e."Id" = u."EmployerId" WHERE e."Status" = 'Approved' ORDER BY u."Email" LIMIT 1
            """);
        var email = (string)(await find.ExecuteScalarAsync(ct) ?? throw new InvalidOperationException("The seeded data has no approved employer."));
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }, disposeHandler: true)
        {
            BaseAddress = host.Address, Timeout = TimeSpan.FromMinutes(5),
        };
        var login = await client.GetStringAsync("/Account/Login", ct);
        using var signedIn = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Antiforgery(login), ["Input.Email"] = email, ["Input.Password"] = DataGenerator.Password,
        }), ct);
        if (signedIn.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"{email} could not sign in ({(int)signedIn.StatusCode}).");
        return client;
    }

    private static async Task<long> CountCredentialsAsync(string connectionString, string state, CancellationToken ct)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("""SELECT COUNT(*) FROM "Credentials" WHERE "StateCode" = $1""");
        command.Parameters.Add(new() { Value = state });
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private static string Antiforgery(string html) => AntiforgeryField().Match(html) is { Success: true } match
        ? match.Groups[1].Value
        : throw new InvalidOperationException("The form carries no anti-forgery token.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("href=\"([^\"]*handler=Workbook[^\"]*)\"")]
    private static partial Regex DownloadLink();
}
