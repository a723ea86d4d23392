using System.Text.RegularExpressions;

namespace Registry.Architecture.Tests;

/// <summary>
/// All date logic takes the time from <see cref="TimeProvider"/>, so tests move a fake clock instead of waiting;
/// and tests take it from their frozen test clock, so no result depends on the day or the hour they run.
/// </summary>
public sealed partial class ClockTests
{
    [Fact]
    public void No_source_file_reads_the_system_clock_directly() =>
        AssertNone(Reads(SystemClock(), "src", [".cs", ".cshtml"], "Migrations"));

    /// <summary>
    /// The test host's <see cref="TimeProvider"/> is the frozen TestClock, so <c>TimeProvider.System</c> counts as a
    /// system read here. This file is skipped: its samples below are reads on purpose.
    /// </summary>
    [Fact]
    public void No_test_reads_the_system_clock() =>
        AssertNone(Reads(SystemClockInTests(), "tests", [".cs"], "ClockTests.cs"));

    [Theory]
    [InlineData("var now = DateTime.UtcNow;")]
    [InlineData("var today = DateOnly.FromDateTime(DateTime.Today);")]
    [InlineData("Start(id, DateTimeOffset.Now.AddDays(-1))")]
    [InlineData("new ServiceCollection().AddSingleton(TimeProvider.System)")]
    public void A_system_clock_read_in_a_test_is_found(string line) => Assert.Matches(SystemClockInTests(), line);

    [Theory]
    [InlineData("var now = Fixture.Clock.GetUtcNow();")]
    [InlineData("var day = TestClock.StartDay.AddDays(-1);")]
    [InlineData("var waiting = Stopwatch.StartNew();")]
    public void The_test_clock_is_not_taken_for_the_system_clock(string line) => Assert.DoesNotMatch(SystemClockInTests(), line);

    /// <summary>
    /// "Today" has one source, <c>RegistryDay</c> (a state's own time zone): no other code turns an instant into a
    /// calendar day (the UTC day, or any zone's). The one other conversion allowed turns a spreadsheet cell's date
    /// (no instant, no zone) into a date.
    /// </summary>
    [Fact]
    public void Only_RegistryDay_turns_an_instant_into_a_calendar_day() =>
        Assert.True(DayReads().Count == 0, "A calendar day is worked out outside RegistryDay at:\n" + string.Join("\n", DayReads()));

    [Theory]
    [InlineData("var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);")]
    [InlineData("var day = DateOnly.FromDateTime(now.UtcDateTime);")]
    [InlineData("var local = TimeZoneInfo.ConvertTime(at, zone);")]
    [InlineData("var hawaii = clock.GetUtcNow().ToOffset(TimeSpan.FromHours(-10));")]
    [InlineData("var today = DateOnly.FromDateTime(DateTime.Today);")]
    public void A_home_made_today_is_found(string line) => Assert.Matches(HomeMadeDay(), line);

    [Theory]
    [InlineData("var today = await calendar.TodayAsync(credential.StateCode, cancellationToken);")]
    [InlineData("var today = RegistryDay.TodayNationwide(clock);")]
    public void The_registry_day_is_not_taken_for_a_home_made_one(string line) => Assert.DoesNotMatch(HomeMadeDay(), line);

    private static List<string> DayReads() =>
        Reads(HomeMadeDay(), "src", [".cs", ".cshtml"], "Migrations", "RegistryDay.cs")
            .Where(read => !read.StartsWith(Path.Combine("src", "Registry.Infrastructure", "Imports", "WorkbookRows.cs") + ":", StringComparison.Ordinal))
            .ToList();

    private static void AssertNone(List<string> reads) =>
        Assert.True(reads.Count == 0, "The system clock is read at:\n" + string.Join("\n", reads));

    /// <summary>"path:line: text" of every line under <paramref name="folder"/> that <paramref name="read"/> matches, outside bin, obj and the <paramref name="skipped"/> folders or files.</summary>
    private static List<string> Reads(Regex read, string folder, string[] extensions, params string[] skipped) =>
        Directory.EnumerateFiles(Path.Combine(SolutionFiles.Root, folder), "*.*", SearchOption.AllDirectories)
            .Where(path => extensions.Any(extension => path.EndsWith(extension, StringComparison.Ordinal)))
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Intersect(["bin", "obj", .. skipped]).Any())
            .SelectMany(path => File.ReadLines(path).Select((line, index) => (path, line, number: index + 1)))
            .Where(l => read.IsMatch(l.line))
            .Select(l => $"{Path.GetRelativePath(SolutionFiles.Root, l.path)}:{l.number}: {l.line.Trim()}")
            .ToList();

    [GeneratedRegex(@"\b(DateTime|DateTimeOffset)\.(UtcNow|Now|Today)\b")]
    private static partial Regex SystemClock();

    [GeneratedRegex(@"\bDateOnly\.FromDateTime\(|\bTimeZoneInfo\.ConvertTime|\.ToOffset\(")]
    private static partial Regex HomeMadeDay();

    [GeneratedRegex(@"\b(DateTime|DateTimeOffset)\.(UtcNow|Now|Today)\b|\bTimeProvider\.System\b")]
    private static partial Regex SystemClockInTests();
}
