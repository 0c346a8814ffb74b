using System.Globalization;
using System.Xml.Linq;
using Safeguarding.Web.Reporting.Charts;
using Safeguarding.Web.Tests.GovUk;

namespace Safeguarding.Web.Tests.Reporting;

public sealed class ChartsTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly decimal[] NiceMantissas = [1m, 2m, 2.5m, 5m];

    /// <summary>Consecutive months from October 2020, labelled "Oct 2020", "Nov 2020"…</summary>
    private static List<ChartPoint> Months(params decimal?[] values) =>
        [.. values.Select((v, i) =>
        {
            var month = new DateOnly(2020, 10, 1).AddMonths(i);
            return new ChartPoint(month.ToString("MMM yyyy", CultureInfo.InvariantCulture), month, v);
        })];

    private static TrendChartOptions Chart(IReadOnlyList<ChartPoint> points, ChartFormat format = ChartFormat.Percent) => new()
    {
        IdPrefix = "kpi-1",
        Title = "Assessments completed within 45 working days",
        Description = "Percentage of assessments completed within 45 working days each month.",
        Points = points,
        Format = format,
    };

    // Parsing is the well-formedness check: XDocument.Parse throws on anything that is not XML.
    private static XElement Parse(string svg) => XDocument.Parse(svg).Root!;

    private static double D(XElement e, string attribute) => double.Parse(e.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);

    private static List<List<(double X, double Y)>> Lines(XElement svg) =>
        [.. svg.Descendants(Svg + "polyline").Where(p => p.Attribute("class")?.Value == "app-chart__line")
            .Select(p => p.Attribute("points")!.Value.Split(' ').Select(xy =>
            {
                var parts = xy.Split(',');
                return (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
            }).ToList())];

    /// <summary>Each y-axis tick's label and the y of its grid line.</summary>
    private static Dictionary<string, double> Ticks(XElement svg) =>
        svg.Descendants(Svg + "g").Where(g => g.Attribute("class")?.Value == "app-chart__tick")
            .ToDictionary(g => g.Element(Svg + "text")!.Value, g => D(g.Element(Svg + "line")!, "y1"));

    private static XElement ByClass(XElement svg, string name, string cssClass) =>
        svg.Descendants(Svg + name).Single(e => (e.Attribute("class")?.Value ?? "").Split(' ').Contains(cssClass));

    [Fact]
    public void TrendChart_IsAnImageNamedAndDescribedByItsTitleAndDesc()
    {
        var svg = Parse(TrendChartRenderer.Render(Chart(Months(0.62m, 0.7m, 0.84m))));

        Assert.Equal("img", svg.Attribute("role")?.Value);
        var title = svg.Descendants(Svg + "title").Single(e => e.Attribute("id")?.Value == svg.Attribute("aria-labelledby")?.Value);
        var desc = svg.Descendants(Svg + "desc").Single(e => e.Attribute("id")?.Value == svg.Attribute("aria-describedby")?.Value);
        Assert.Equal("Assessments completed within 45 working days", title.Value);
        Assert.StartsWith("Percentage of assessments completed within 45 working days each month.", desc.Value);
        Assert.Contains("latest, Dec 2020: 84%", desc.Value);
    }

    [Fact]
    public void TrendChart_IdsComeFromThePrefix_SoTwoChartsOnAPageDoNotClash()
    {
        var first = Parse(TrendChartRenderer.Render(Chart(Months(0.5m)) with { IdPrefix = "kpi-1" }));
        var second = Parse(TrendChartRenderer.Render(Chart(Months(0.5m)) with { IdPrefix = "kpi-2" }));

        var ids = first.Descendants().Concat(second.Descendants()).Select(e => e.Attribute("id")?.Value).OfType<string>().ToList();
        Assert.Equal(4, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids.Take(2), id => Assert.StartsWith("kpi-1-", id, StringComparison.Ordinal));
    }

    [Fact]
    public void Charts_HaveNoStyleAttributeOrElement_SoTheContentSecurityPolicyAllowsThem()
    {
        var points = Months(0.5m, null, 0.7m, 0.9m);
        var trend = Parse(TrendChartRenderer.Render(Chart(points) with { Target = 0.8m, Band = new ToleranceBand(0.75m, 0.85m) }));
        var sparkline = Parse(SparklineRenderer.Render(new SparklineOptions { Points = points, Format = ChartFormat.Percent, Target = 0.8m }));

        foreach (var element in new[] { trend, sparkline }.SelectMany(s => s.DescendantsAndSelf()))
        {
            Assert.NotEqual("style", element.Name.LocalName);
            Assert.Null(element.Attribute("style"));
        }
    }

    [Fact]
    public void TrendChart_HasOneVertexPerValue_AndAMissingMonthSplitsTheLine()
    {
        var svg = Parse(TrendChartRenderer.Render(Chart(Months(0.5m, 0.6m, null, 0.7m, 0.8m, 0.9m))));

        var lines = Lines(svg);
        Assert.Equal([2, 3], lines.Select(l => l.Count));
        Assert.Equal(5, svg.Descendants(Svg + "circle").Count(c => c.Attribute("class")?.Value == "app-chart__marker"));
        Assert.True(lines[1][0].X - lines[0][^1].X > (lines[0][1].X - lines[0][0].X) * 1.5, "the gap spans the missing month");
    }

    [Fact]
    public void TrendChart_DrawsAHigherValueHigher()
    {
        var svg = Parse(TrendChartRenderer.Render(Chart(Months(1342, 980, 1100, 1500), ChartFormat.Number)));

        var ys = Lines(svg).Single().Select(p => p.Y).ToList();
        Assert.True(ys[1] > ys[2] && ys[2] > ys[0] && ys[0] > ys[3], $"y (down is larger) out of order: {string.Join(", ", ys)}");
    }

    [Fact]
    public void TrendChart_TargetAndBandSitOnTheValueScale()
    {
        var svg = Parse(TrendChartRenderer.Render(Chart(Months(0.62m, 0.7m, 0.84m)) with { Target = 0.8m, Band = new ToleranceBand(0.85m, 0.75m) }));

        var ticks = Ticks(svg);
        Assert.Equal(["0%", "20%", "40%", "60%", "80%", "100%"], ticks.Keys);
        double At(double fraction) => ticks["0%"] + (fraction * (ticks["100%"] - ticks["0%"]));
        var target = ByClass(svg, "line", "app-chart__target");
        Assert.Equal(At(0.8), D(target, "y1"), 0.1);
        Assert.Equal(At(0.8), D(target, "y2"), 0.1);
        var band = ByClass(svg, "rect", "app-chart__band");
        Assert.Equal(At(0.85), D(band, "y"), 0.1);
        Assert.Equal(At(0.75), D(band, "y") + D(band, "height"), 0.1);
        Assert.Equal("Target 80%", ByClass(svg, "text", "app-chart__target-label").Value);
    }

    [Theory]
    [InlineData(ChartFormat.Percent, new[] { 0.62, 0.84 }, "80%", "84%")]
    [InlineData(ChartFormat.Number, new[] { 980.0, 1342.0 }, "1,000", "1,342")]
    [InlineData(ChartFormat.Days, new[] { 452.0, 497.0 }, "480 days", "497 days")]
    public void TrendChart_FormatsTicksAndTheLatestValue(ChartFormat format, double[] values, string aTick, string latest)
    {
        var svg = Parse(TrendChartRenderer.Render(Chart(Months([.. values.Select(v => (decimal?)(decimal)v)]), format)));

        Assert.Contains(aTick, Ticks(svg).Keys);
        Assert.Equal(latest, ByClass(svg, "text", "app-chart__value").Value);
    }

    [Fact]
    public void TrendChart_TickLabelsKeepTheDecimalsTheirStepNeeds()
    {
        var svg = Parse(TrendChartRenderer.Render(Chart(Months(0, 1.2m), ChartFormat.Number)));

        Assert.Equal(["0", "0.25", "0.5", "0.75", "1", "1.25"], Ticks(svg).Keys);
    }

    [Theory]
    [InlineData(ChartFormat.Number, 980, 1342)]
    [InlineData(ChartFormat.Number, 3, 3)]
    [InlineData(ChartFormat.Number, -12, 7)]
    [InlineData(ChartFormat.Days, 452, 497)]
    [InlineData(ChartFormat.Percent, 0.4, 1.2)]
    [InlineData(ChartFormat.Number, 0.013, 0.0172)]
    public void Ticks_AreFourToSixEvenRoundStepsCoveringTheValues(ChartFormat format, double min, double max)
    {
        var ticks = TrendChartRenderer.Ticks((decimal)min, (decimal)max, format);

        Assert.InRange(ticks.Length, 4, 6);
        Assert.True(ticks[0] <= (decimal)min && ticks[^1] >= (decimal)max);
        var step = ticks[1] - ticks[0];
        Assert.All(ticks.Zip(ticks.Skip(1)), pair => Assert.Equal(step, pair.Second - pair.First));
        var mantissa = step / (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)step)));
        Assert.Contains(mantissa, NiceMantissas);
    }

    [Fact]
    public void Ticks_PercentAxisIsZeroToHundredWhileTheDataFit_AndGrowsWhenItDoesNot()
    {
        Assert.Equal([0m, 0.2m, 0.4m, 0.6m, 0.8m, 1m], TrendChartRenderer.Ticks(0.62m, 0.84m, ChartFormat.Percent));
        var over = TrendChartRenderer.Ticks(0.62m, 1.2m, ChartFormat.Percent);
        Assert.Equal(0m, over[0]);
        Assert.True(over[^1] >= 1.2m);
    }

    [Fact]
    public void TrendChart_EscapesText()
    {
        const string awkward = "Waits <&> \"quoted\" 'single'";
        var svg = Parse(TrendChartRenderer.Render(Chart(Months(0.5m)) with { Title = awkward, Description = awkward }));

        Assert.Equal(awkward, svg.Element(Svg + "title")!.Value);
        Assert.StartsWith(awkward, svg.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void TrendChart_DescriptionGivesPolarityTargetBandAndMissingMonths()
    {
        var desc = Parse(TrendChartRenderer.Render(Chart(Months(30, null, 25), ChartFormat.Days) with
        {
            Polarity = ChartPolarity.LowerIsBetter,
            Target = 28,
            Band = new ToleranceBand(26, 30),
        })).Element(Svg + "desc")!.Value;

        Assert.Contains("Target 28 days.", desc);
        Assert.Contains("Tolerance 26 days to 30 days.", desc);
        Assert.Contains("1 month has no value.", desc);
        Assert.EndsWith("Lower is better.", desc, StringComparison.Ordinal);
    }

    [Fact]
    public void TrendChart_ThirtySixMonths_LabelsTheLatestMonthAndLabelsDoNotOverlap()
    {
        var svg = Parse(TrendChartRenderer.Render(Chart(Months([.. Enumerable.Range(0, 36).Select(i => (decimal?)(0.5m + (i / 100m)))]))));

        var labels = svg.Descendants(Svg + "text").Where(t => t.Attribute("class")!.Value.Contains("app-chart__text--middle", StringComparison.Ordinal))
            .Select(t => (X: D(t, "x"), Words: t.Elements(Svg + "tspan").Select(s => s.Value).ToList())).OrderBy(l => l.X).ToList();
        Assert.Equal(["Sep", "2023"], labels[^1].Words);
        Assert.InRange(labels.Count, 4, 12);
        const double widestWord = 4 * 0.6 * 16; // "2020" in 16px Arial, generously
        Assert.All(labels.Zip(labels.Skip(1)), pair => Assert.True(pair.Second.X - pair.First.X > widestWord));
    }

    [Fact]
    public void Sparkline_NamesFirstAndLastValuesAndTarget()
    {
        var values = Enumerable.Range(0, 24).Select(i => (decimal?)(0.62m + (i * 0.01m))).ToArray();
        values[0] = null; // the first month with a value is the one to name
        values[1] = 0.62m;
        values[^1] = 0.84m;

        var svg = Parse(SparklineRenderer.Render(new SparklineOptions { Points = Months(values), Format = ChartFormat.Percent, Target = 0.8m }));

        Assert.Equal("img", svg.Attribute("role")?.Value);
        Assert.Equal("Trend over 24 months: from 62% to 84%, target 80%", svg.Attribute("aria-label")?.Value);
    }

    [Fact]
    public void Sparkline_HasGapsForMissingMonths_MarksTheLastPoint_AndDrawsHigherValuesHigher()
    {
        var svg = Parse(SparklineRenderer.Render(new SparklineOptions { Points = Months(10, 12, null, 8, 15), Target = 11 }));

        var lines = Lines(svg);
        Assert.Equal([2, 2], lines.Select(l => l.Count));
        var marker = svg.Descendants(Svg + "circle").Single();
        Assert.Equal(lines[^1][^1], (D(marker, "cx"), D(marker, "cy")));
        Assert.True(lines[1][1].Y < lines[0][1].Y && lines[0][1].Y < lines[0][0].Y && lines[0][0].Y < lines[1][0].Y);
        var target = ByClass(svg, "line", "app-chart__target");
        Assert.InRange(D(target, "y1"), lines[0][1].Y, lines[0][0].Y); // 11 lies between 12 and 10
    }

    [Fact]
    public async Task TagHelpers_RenderTheRenderersOutput()
    {
        var chart = Chart(Months(0.5m, 0.6m));
        var sparkline = new SparklineOptions { Points = Months(1, 2) };

        Assert.Equal(TrendChartRenderer.Render(chart),
            await TagHelperHarness.RenderAsync(new Tag("app-trend-chart", new TrendChartTagHelper { Options = chart })));
        Assert.Equal(SparklineRenderer.Render(sparkline),
            await TagHelperHarness.RenderAsync(new Tag("app-sparkline", new SparklineTagHelper { Options = sparkline })));
    }
}
