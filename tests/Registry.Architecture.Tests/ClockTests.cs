using System.Text.RegularExpressions;

namespace Registry.Architecture.Tests;

/// <summary>All date logic takes the time from <see cref="TimeProvider"/>, so tests move a fake clock instead of waiting.</summary>
public sealed partial class ClockTests
{
    [Fact]
    public void No_source_file_reads_the_system_clock_directly()
    {
        var offenders = Directory.EnumerateFiles(Path.Combine(SolutionFiles.Root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Intersect(["bin", "obj", "Migrations"]).Any())
            .SelectMany(path => File.ReadLines(path).Select((line, index) => (path, line, number: index + 1)))
            .Where(l => SystemClock().IsMatch(l.line))
            .Select(l => $"{Path.GetRelativePath(SolutionFiles.Root, l.path)}:{l.number}: {l.line.Trim()}")
            .ToList();

        Assert.Empty(offenders);
    }

    [GeneratedRegex(@"\b(DateTime|DateTimeOffset)\.(UtcNow|Now|Today)\b")]
    private static partial Regex SystemClock();
}
