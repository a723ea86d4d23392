using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Registry.Application.Common.Security;
using Registry.Domain.Credentials;
using Registry.Testing;
using Registry.Web.Pages.Shared;

namespace Registry.Web.Tests.Workforce;

/// <summary>The dashboard's value axis: whole-number ticks at round steps, each drawn where its label says.</summary>
public sealed partial class BarChartTests(WebFixture fixture) : WebTest(fixture)
{
    [Theory]
    [InlineData(0, new[] { 0, 1 })]
    [InlineData(1, new[] { 0, 1 })]
    [InlineData(3, new[] { 0, 1, 2, 3 })]
    [InlineData(4, new[] { 0, 1, 2, 3, 4 })]
    [InlineData(5, new[] { 0, 2, 4, 6 })]
    [InlineData(7, new[] { 0, 2, 4, 6, 8 })]
    [InlineData(11, new[] { 0, 5, 10, 15 })]
    [InlineData(40, new[] { 0, 10, 20, 30, 40 })]
    [InlineData(123, new[] { 0, 50, 100, 150 })]
    [InlineData(2001, new[] { 0, 1000, 2000, 3000 })]
    public void Ticks_are_whole_round_steps_from_zero_to_at_or_above_the_largest_value(int maximum, int[] expected) =>
        Assert.Equal(expected, BarChart.NiceTicks(maximum));

    [Fact]
    public void Every_step_is_one_two_or_five_times_a_power_of_ten_and_there_are_at_most_four()
    {
        for (var maximum = 0; maximum <= 5000; maximum++)
        {
            var ticks = BarChart.NiceTicks(maximum);
            var step = ticks[1];
            var leading = step / (int)Math.Pow(10, Math.Floor(Math.Log10(step)));
            Assert.Contains(leading, new[] { 1, 2, 5 });
            Assert.True(ticks[^1] >= maximum && ticks.Count - 1 <= 4 && ticks[^2] < Math.Max(1, maximum), $"{maximum}: {string.Join(",", ticks)}");
        }
    }

    [Fact]
    public async Task The_dashboard_chart_labels_each_tick_where_it_is_drawn_and_has_axis_titles_and_a_caption()
    {
        var tn = TestData.State("TN", "Tennessee", "CPRS", TestData.NoRequirements());
        var people = Enumerable.Range(0, 3).Select(i => TestData.Person("Ada", $"Holder{i}")).ToList();
        await Fixture.InsertAsync([tn, .. people, .. people.Select(p => Credential.Issue(tn.Programs[0], p.Id, new DateOnly(2026, 3, 1), Guid.NewGuid(), Now))]);
        await Fixture.CreateUserAsync("admin.tn@test.example", Roles.StateAdmin, state: "TN");
        var browser = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(browser, "admin.tn@test.example");

        var html = await browser.GetStringAsync("/Staff/Dashboard");

        var chart = XElement.Parse(Svg().Matches(html)[0].Value);
        XNamespace svg = "http://www.w3.org/2000/svg";
        var lines = chart.Elements(svg + "line").Select(l => double.Parse((string)l.Attribute("y1")!, CultureInfo.InvariantCulture)).ToList();
        var ticks = chart.Elements(svg + "text").Where(t => (string?)t.Attribute("text-anchor") == "end").ToList();
        Assert.Equal(["0", "1", "2", "3"], ticks.Select(t => t.Value));
        // Zero sits on the bottom grid line and three on the top one, evenly spaced: each label is beside its own line.
        Assert.Equal(lines.Count, ticks.Count);
        for (var i = 0; i < ticks.Count; i++)
            Assert.Equal(lines[i] + 5, double.Parse((string)ticks[i].Attribute("y")!, CultureInfo.InvariantCulture), tolerance: 0.2);
        Assert.Equal(lines[0] - lines[1], lines[1] - lines[2], tolerance: 0.2);
        var titles = chart.Elements(svg + "text").Where(t => (string?)t.Attribute("class") == "registry-chart__title").Select(t => t.Value).ToList();
        Assert.Equal(["Active peer specialists", "Month"], titles);
        Assert.Contains("<figcaption class=\"registry-chart__caption\">Active peer specialists in Tennessee at the end of each month", html);
        // The tallest bar (three) reaches the top grid line.
        var tallest = chart.Elements(svg + "rect").Min(r => double.Parse((string)r.Attribute("y")!, CultureInfo.InvariantCulture));
        Assert.Equal(lines[^1], tallest, tolerance: 0.2);
    }

    [GeneratedRegex("<svg .*?</svg>", RegexOptions.Singleline)]
    private static partial Regex Svg();
}
