using System.Text;
using Microsoft.AspNetCore.Razor.TagHelpers;
using static Safeguarding.Web.Reporting.Charts.ChartValues;

namespace Safeguarding.Web.Reporting.Charts;

/// <summary>A KPI's recent months (12 to 24) as a tiny line for a summary table row.</summary>
public sealed record SparklineOptions
{
    public required IReadOnlyList<ChartPoint> Points { get; init; }

    public ChartFormat Format { get; init; } = ChartFormat.Number;

    public decimal? Target { get; init; }
}

public static class SparklineRenderer
{
    public const int Width = 120;
    public const int Height = 32;
    private const double Pad = 4; // room for the last point's marker

    public static string Render(SparklineOptions o)
    {
        var points = o.Points.OrderBy(p => p.Month).ToList();
        var extent = points.Where(p => p.Value is not null).Select(p => p.Value!.Value).ToList();
        if (o.Target is { } t)
        {
            extent.Add(t);
        }

        // No axis here, so the line uses the full height: the table row beside it gives the figures.
        var lo = extent.DefaultIfEmpty(0).Min();
        var hi = extent.DefaultIfEmpty(0).Max();
        var n = points.Count;
        double X(int i) => n == 1 ? Width / 2.0 : Pad + (i * (Width - (2 * Pad)) / (n - 1));
        double Y(decimal v) => hi == lo ? Height / 2.0 : Height - Pad - ((double)((v - lo) / (hi - lo)) * (Height - (2 * Pad)));

        var svg = new StringBuilder(1024);
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"app-sparkline\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\"")
            .Append($" role=\"img\" aria-label=\"{Encode(Label(o, points))}\">");

        if (o.Target is { } target)
        {
            svg.Append($"<line class=\"app-chart__target\" x1=\"0\" y1=\"{N(Y(target))}\" x2=\"{Width}\" y2=\"{N(Y(target))}\"/>");
        }

        var runs = Runs(points, X, Y);
        AppendPolylines(svg, runs);
        if (runs.Count > 0)
        {
            var (x, y) = runs[^1][^1];
            svg.Append($"<circle class=\"app-chart__marker\" cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"3\"/>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>"Trend over 24 months: from 62% to 84%, target 80%": what the line says, for a screen reader.</summary>
    private static string Label(SparklineOptions o, List<ChartPoint> points)
    {
        var values = points.Where(p => p.Value is not null).Select(p => p.Value!.Value).ToList();
        var months = points.Count == 1 ? "1 month" : $"{points.Count} months";
        var label = values.Count switch
        {
            0 => $"No values over {months}",
            1 => $"Trend over {months}: one value, {Format(values[0], o.Format)}",
            _ => $"Trend over {months}: from {Format(values[0], o.Format)} to {Format(values[^1], o.Format)}",
        };
        return o.Target is { } target ? $"{label}, target {Format(target, o.Format)}" : label;
    }
}

/// <summary><c>&lt;app-sparkline options="row.Sparkline" /&gt;</c> renders <see cref="SparklineRenderer"/>'s SVG.</summary>
[HtmlTargetElement("app-sparkline", TagStructure = TagStructure.WithoutEndTag)]
public sealed class SparklineTagHelper : TagHelper
{
    [HtmlAttributeName("options")]
    public SparklineOptions? Options { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        output.Content.SetHtmlContent(SparklineRenderer.Render(Options ?? throw new InvalidOperationException("<app-sparkline> needs options.")));
    }
}
