namespace Registry.Web.Pages.Shared;

/// <summary>
/// A bar chart drawn on the server as SVG (no script, no third-party library). The SVG is an image with a
/// title and a description that states the figures; each page puts the full data in a table beside it.
/// </summary>
public sealed record BarChart(string Id, string Title, string Description, IReadOnlyList<BarChart.Bar> Bars, bool Horizontal,
    string ValueAxisTitle, string? CategoryAxisTitle, string Caption)
{
    public sealed record Bar(string ShortLabel, string Label, int Value);

    public int Maximum => Bars.Count == 0 ? 0 : Bars.Max(b => b.Value);

    /// <summary>The value axis's ticks, from zero to the top; see <see cref="NiceTicks"/>.</summary>
    public IReadOnlyList<int> Ticks => NiceTicks(Maximum);

    public int AxisTop => Ticks[^1];

    /// <summary>
    /// Whole-number ticks at a round step (1, 2 or 5 times a power of ten) from zero to the first tick at or
    /// above the largest value, at most four steps; each tick sits exactly at the value it is labelled with.
    /// </summary>
    public static IReadOnlyList<int> NiceTicks(int maximum)
    {
        var top = Math.Max(1, maximum);
        var step = 1;
        for (var magnitude = 1; step * 4 < top; magnitude *= 10)
            foreach (var multiple in new[] { 1, 2, 5 })
                if ((step = multiple * magnitude) * 4 >= top) break;
        var steps = (top + step - 1) / step;
        return Enumerable.Range(0, steps + 1).Select(i => i * step).ToList();
    }
}
