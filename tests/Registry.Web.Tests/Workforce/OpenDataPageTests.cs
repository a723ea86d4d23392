using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Infrastructure.Exports.Workforce;
using Registry.Testing;

namespace Registry.Web.Tests.Workforce;

/// <summary>Anyone reads the open data page and downloads each released month; no figure under 11 is ever shown.</summary>
public sealed partial class OpenDataPageTests(WebFixture fixture) : WebTest(fixture)
{
    private static readonly DateOnly May2025 = new(2025, 5, 1);

    [Fact]
    public async Task Anyone_reads_the_latest_month_with_the_rule_stated_and_small_figures_hidden()
    {
        await Fixture.InsertAsync(OpenDataPeople.Entities());
        await RunSnapshotJobAsync(May2025);
        await RunSnapshotJobAsync(OpenDataPeople.June2025);

        var html = await Fixture.Client().GetStringAsync("/OpenData");

        Assert.Contains("Any figure under 11 (from 0 to 10) is not shown", html);
        Assert.Contains("<h2>June 2025</h2>", html);
        Assert.Contains("<caption>Tennessee: active peer specialists by county and program, June 2025</caption>", html);
        Assert.Contains("<th scope=\"row\">Counties with fewer than 11 each</th>", html);
        Assert.DoesNotContain("Shelby", html); // a county's name is published only with 11 or more living there
        Assert.Contains("fewer than 11 or hidden to protect privacy", html);
        var shown = Figures().Matches(html).Select(m => int.Parse(m.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(119, shown);
        Assert.All(shown, figure => Assert.True(figure >= 11, $"{figure} is shown."));
        Assert.Contains("href=\"/OpenData/2025-06.csv\"", html);
        Assert.Contains("href=\"/OpenData/2025-05.json\"", html);
        Assert.Contains("href=\"/OpenData\"", html); // the footer link on every page
    }

    [Fact]
    public async Task Each_released_month_downloads_as_csv_and_json_and_a_month_never_released_is_not_found()
    {
        await Fixture.InsertAsync(OpenDataPeople.Entities());
        await RunSnapshotJobAsync(OpenDataPeople.June2025);
        var anyone = Fixture.Client();

        var csv = await anyone.GetAsync("/OpenData/2025-06.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("table,row,column,count,suppressed", lines[0]);
        Assert.Contains("active-by-county-and-program-tn,Knox County,CPRS,,true", lines);
        Assert.Contains("active-by-state-and-program,Total,Total,119,false", lines);
        Assert.All(lines.Skip(1).Select(l => l.Split(',')[^2]).Where(c => c != ""), c => Assert.True(int.Parse(c, CultureInfo.InvariantCulture) >= 11));

        var json = await anyone.GetAsync("/OpenData/2025-06.json");
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await json.Content.ReadAsStringAsync());
        Assert.Equal("2025-06", document.RootElement.GetProperty("month").GetString());
        var counts = document.RootElement.GetProperty("tables").EnumerateArray()
            .SelectMany(t => t.GetProperty("rows").EnumerateArray().Append(t.GetProperty("totals")))
            .SelectMany(r => r.GetProperty("cells").EnumerateArray().Append(r.GetProperty("total")))
            .Where(f => f.ValueKind == JsonValueKind.Object && f.GetProperty("count").ValueKind == JsonValueKind.Number)
            .Select(f => f.GetProperty("count").GetInt32()).ToList();
        Assert.NotEmpty(counts);
        Assert.All(counts, c => Assert.True(c >= 11));

        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync("/OpenData/2025-05.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync("/OpenData/2025-13.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync("/OpenData/2025-06.xml")).StatusCode);
    }

    [Fact]
    public async Task Before_the_first_release_the_page_says_so()
    {
        var html = await Fixture.Client().GetStringAsync("/OpenData");

        Assert.Contains("No open data has been published yet.", html);
        Assert.Equal(0, await Fixture.QueryAsync(db => db.OpenDataReleases.CountAsync()));
    }

    private async Task RunSnapshotJobAsync(DateOnly month)
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WorkforceSnapshotJob>().TakeAsync(month);
    }

    /// <summary>Every count shown in a table cell.</summary>
    [GeneratedRegex(@"<td class=""text-right"">([\d,]+)</td>")]
    private static partial Regex Figures();
}
