namespace Registry.Web.Pages.Shared;

/// <summary>
/// A bar chart drawn on the server as SVG (no script, no third-party library). The SVG is an image with a
/// title and a description that states the figures; each page puts the full data in a table beside it.
/// </summary>
public sealed record BarChart(string Id, string Title, string Description, IReadOnlyList<BarChart.Bar> Bars, bool Horizontal)
{
    public sealed record Bar(string ShortLabel, string Label, int Value);

    public int Maximum => Math.Max(1, Bars.Count == 0 ? 1 : Bars.Max(b => b.Value));

    /// <summary>A round top for the value axis: 1, 2 or 5 times a power of ten, at or above the largest value.</summary>
    public int AxisTop
    {
        get
        {
            var magnitude = (int)Math.Pow(10, Math.Floor(Math.Log10(Maximum)));
            foreach (var step in new[] { 1, 2, 5, 10 })
                if (step * magnitude >= Maximum) return step * magnitude;
            return 10 * magnitude;
        }
    }
}
