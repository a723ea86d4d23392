using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Registry.Bench.Running;
using Registry.Infrastructure.Imports;

namespace Registry.Web.Tests.Imports;

/// <summary>
/// The one reader every import uses (<see cref="SpreadsheetRows"/>): each kind of bomb refused with words a person
/// can act on, each limit where configuration puts it, and the memory a read takes measured on the bombs.
/// </summary>
public sealed class BoundedImportTests
{
    private const long Megabyte = 1024 * 1024;

    public static TheoryData<string, string> Bombs => new()
    {
        { "huge-sheet", "compressed far more than a spreadsheet is" },
        { "many-cells", "more than 2,000,000 cells" },
        { "shared-strings", "more than 1,000,000 different texts" },
        { "line-feeds", "more than 200,000 rows" },
        // .NET's zip reader stops where the entry said it ends, so the sheet's XML is cut short: a damaged workbook.
        { "lying-size", "not a readable Excel workbook" },
    };

    /// <summary>Each bomb, its first row a roster's header, small enough to be uploaded (a roster may be 10 MB).</summary>
    public static byte[] Bomb(string kind, string header) => kind switch
    {
        "huge-sheet" => SpreadsheetBombs.HugeSheet(header, megabytes: 64),
        "many-cells" => SpreadsheetBombs.ManyCells(header, cells: 2_100_000),
        "shared-strings" => SpreadsheetBombs.ManySharedStrings(header, count: 1_050_000),
        "line-feeds" => SpreadsheetBombs.LineFeeds(header, bytes: 5 * 1024 * 1024),
        "lying-size" => SpreadsheetBombs.LyingSize(header, megabytes: 64),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Bombs))]
    public void Each_bomb_is_refused_with_a_clear_message_and_fits_an_upload(string kind, string expected)
    {
        var bomb = Bomb(kind, SpreadsheetBombs.RosterHeader);

        var refused = Assert.Throws<ImportRefusedException>(() => new SpreadsheetRows(new ImportLimits()).Read(bomb).Count());

        Assert.Contains(expected, refused.Message);
        Assert.True(bomb.Length <= Application.Features.Exams.ImportExamResults.MaximumBytes, $"{kind} is {bomb.Length:N0} bytes");
    }

    /// <summary>
    /// Peak memory is measured in a process of its own (<c>Registry.Bench import-memory</c>), from the kernel's
    /// high-water mark of resident memory, reset just before the read. Measured in this process it would count
    /// whatever the tests running beside it allocate; counting this thread's allocations instead would be exact but
    /// measure the wrong thing (a streaming read allocates far more over its life than it ever holds). The child's
    /// managed heap is also capped at 100 MB, so a reader that tried to hold more would die rather than pass.
    /// </summary>
    [Theory]
    [MemberData(nameof(Bombs))]
    public async Task Reading_a_bomb_grows_the_process_by_less_than_100_MB(string kind, string expected)
    {
        var result = await MeasureAsync(Bomb(kind, SpreadsheetBombs.RosterHeader));

        Assert.Contains(expected, result.Refusal);
        Assert.True(result.PeakGrowthBytes < 100 * Megabyte, $"{kind}: peak grew by {result.PeakGrowthBytes / Megabyte:N0} MB");
    }

    [Fact]
    public async Task A_register_sized_file_of_100000_rows_is_read_whole_within_100_MB()
    {
        var csv = new StringBuilder("Number,First,Last,Email,Phone,Born,Program,Status,Issued,Expires,Street,City,State,Zip,County\n");
        for (var i = 1; i <= 100_000; i++)
            csv.Append($"TN-CPRS-{i:D6},Ann{i},Lee{i},ann{i}@example.org,615-555-{i % 10000:D4},1980-01-01,CPRS,Active,2024-01-01,2026-01-01,{i} Main St,Nashville,TN,37201,Davidson\n");

        var result = await MeasureAsync(Encoding.UTF8.GetBytes(csv.ToString()));

        Assert.Null(result.Refusal);
        Assert.Equal(100_001, result.Rows);
        Assert.True(result.PeakGrowthBytes < 100 * Megabyte, $"peak grew by {result.PeakGrowthBytes / Megabyte:N0} MB");
    }

    [Fact]
    public void Every_limit_comes_from_configuration_and_is_named_in_the_refusal()
    {
        var wide = Encoding.UTF8.GetBytes("a,b,c\n1,2,3\n4,5,6\n");
        Assert.Contains("more than 2 rows", Refusal(wide, new ImportLimits { MaxRows = 2 }));
        Assert.Contains("more than 5 cells", Refusal(wide, new ImportLimits { MaxCells = 5 }));

        var sheet = SpreadsheetBombs.HugeSheet(SpreadsheetBombs.RosterHeader, megabytes: 3);
        Assert.Contains("unpack to more than 2 MB", Refusal(sheet, new ImportLimits { MaxUncompressedBytes = 2 * Megabyte, MaxCompressionRatio = 10_000 }));
        Assert.Contains("compressed far more than a spreadsheet is", Refusal(sheet, new ImportLimits()));
        Assert.Contains("more than 1,000 rows", Refusal(sheet, new ImportLimits { MaxCompressionRatio = 10_000, MaxRows = 1_000 }));
        Assert.Contains("more than 3 files inside it", Refusal(sheet, new ImportLimits { MaxEntries = 3 }));
        Assert.Contains("more than 10 different texts", Refusal(SpreadsheetBombs.ManySharedStrings(SpreadsheetBombs.RosterHeader, 11), new ImportLimits { MaxSharedStrings = 10 }));
        Assert.Contains("more than 20 characters", Refusal(SpreadsheetBombs.ManySharedStrings(SpreadsheetBombs.RosterHeader, 11), new ImportLimits { MaxSharedStringCharacters = 20 }));
    }

    [Fact]
    public void A_cell_longer_than_a_spreadsheet_allows_is_refused_by_its_reference()
    {
        var csv = Encoding.UTF8.GetBytes("a,b\n1," + new string('x', SpreadsheetRows.MaxCellCharacters + 1) + "\n");
        Assert.Equal("Cell B2 holds more than 32,767 characters, more than a spreadsheet cell can.", Refusal(csv, new ImportLimits()));
        Assert.Contains("more than 16,384 columns", Refusal(Encoding.UTF8.GetBytes(new string(',', 20_000)), new ImportLimits()));
    }

    [Fact]
    public void Rows_come_with_their_numbers_and_cell_references()
    {
        using var workbook = new ClosedXML.Excel.XLWorkbook();
        var sheet = workbook.AddWorksheet("People");
        sheet.Cell("A1").SetValue("Name");
        sheet.Cell("C1").SetValue("Born");
        sheet.Cell("A3").SetValue("Ann");
        sheet.Cell("C3").SetValue(new DateTime(1980, 2, 29));
        sheet.Cell("C3").Style.DateFormat.Format = "yyyy-mm-dd";
        sheet.Cell("B4").SetValue(85.5);
        using var output = new MemoryStream();
        workbook.SaveAs(output);

        var rows = new SpreadsheetRows(new ImportLimits()).Read(output.ToArray()).ToList();

        Assert.Equal([1, 3, 4], rows.Select(r => r.Number));
        Assert.Equal(["A3", "C3"], rows[1].Cells.Select(c => c.Reference));
        Assert.Equal(new DateOnly(1980, 2, 29), rows[1].Cell(3)?.Date);
        Assert.Equal("85.5", rows[2].Cell(2)?.Text);
    }

    private static string? Refusal(byte[] content, ImportLimits limits)
    {
        try
        {
            _ = new SpreadsheetRows(limits).Read(content).Count();
            return null;
        }
        catch (ImportRefusedException e)
        {
            return e.Message;
        }
    }

    /// <summary>Runs <see cref="ImportMemory"/> on the file in a child process (workstation GC, managed heap capped at 100 MB).</summary>
    private static async Task<ImportMemory.Result> MeasureAsync(byte[] content)
    {
        var file = Path.Combine(Path.GetTempPath(), $"registry-import-{Guid.NewGuid():N}");
        await File.WriteAllBytesAsync(file, content);
        try
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Registry.Bench.dll"));
            start.ArgumentList.Add("import-memory");
            start.ArgumentList.Add(file);
            start.Environment["DOTNET_gcServer"] = "0";
            start.Environment["DOTNET_GCHeapHardLimit"] = "0x6400000";
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(3)); // a hung child fails the test rather than the run
            await process.WaitForExitAsync(patience.Token);
            Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {await output}{await errors}");
            return JsonSerializer.Deserialize<ImportMemory.Result>(await output)!;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
