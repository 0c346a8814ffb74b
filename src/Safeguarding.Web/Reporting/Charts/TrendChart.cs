using System.Text;
using Microsoft.AspNetCore.Razor.TagHelpers;
using static Safeguarding.Web.Reporting.Charts.ChartValues;

namespace Safeguarding.Web.Reporting.Charts;

/// <summary>A KPI's monthly values as a line chart (the page shows the same figures in a table beside it).</summary>
public sealed record TrendChartOptions
{
    /// <summary>Starts every id in the chart (title, desc), so two charts on one page never share an id.</summary>
    public required string IdPrefix { get; init; }

    /// <summary>The chart's accessible name, e.g. "Assessments completed within 45 working days".</summary>
    public required string Title { get; init; }

    /// <summary>Opens the accessible description; the renderer adds the range, latest value, target and polarity.</summary>
    public string? Description { get; init; }

    public required IReadOnlyList<ChartPoint> Points { get; init; }

    public ChartFormat Format { get; init; } = ChartFormat.Number;

    public ChartPolarity Polarity { get; init; } = ChartPolarity.HigherIsBetter;

    public decimal? Target { get; init; }

    public ToleranceBand? Band { get; init; }
}

public static class TrendChartRenderer
{
    public const int Width = 640;
    public const int Height = 260;

    // Text is 16 user units (GOV.UK's smallest body size when the chart is drawn at 640px). Arial's
    // digits are about 0.55em wide, which is enough to size the margins without measuring text.
    private const double CharWidth = 9;
    private const double LineHeight = 18;
    private const double Top = 16;
    private const double Bottom = Height - 48; // two lines of month labels below the plot
    private static readonly decimal[] StepMultiples = [1m, 2m, 2.5m, 5m, 10m, 20m, 25m, 50m];
    private static readonly int[] LabelEvery = [1, 2, 3, 6, 12]; // months: whole quarters, halves, years

    public static string Render(TrendChartOptions o)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(o.IdPrefix);
        var points = o.Points.OrderBy(p => p.Month).ToList();
        var values = points.Where(p => p.Value is not null).Select(p => p.Value!.Value).ToList();
        var extent = values.ToList();
        if (o.Target is { } t)
        {
            extent.Add(t);
        }

        if (o.Band is { } b)
        {
            extent.Add(b.Low);
            extent.Add(b.High);
        }

        var ticks = Ticks(extent.DefaultIfEmpty(0).Min(), extent.DefaultIfEmpty(0).Max(), o.Format);
        decimal lo = ticks[0], hi = ticks[^1];
        var tickDecimals = Decimals(ticks[1] - ticks[0], o.Format);
        string TickLabel(decimal v) => Format(v, o.Format, tickDecimals);
        var last = points.LastOrDefault(p => p.Value is not null);
        var valueLabel = last is null ? null : Format(last.Value!.Value, o.Format);
        var targetLabel = o.Target is { } target ? "Target " + Format(target, o.Format) : null;

        var left = 20 + (ticks.Max(v => TickLabel(v).Length) * CharWidth);
        var right = Width - 20 - (Math.Max(valueLabel?.Length ?? 0, targetLabel?.Length ?? 0) * CharWidth);
        var n = points.Count;
        double X(int i) => n == 1 ? (left + right) / 2 : left + (i * (right - left) / (n - 1));
        double Y(decimal v) => Bottom - ((double)((v - lo) / (hi - lo)) * (Bottom - Top));

        var titleId = o.IdPrefix + "-title";
        var descId = o.IdPrefix + "-desc";
        var svg = new StringBuilder(4096);
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"app-chart\" viewBox=\"0 0 {Width} {Height}\" width=\"100%\" preserveAspectRatio=\"xMidYMid meet\"")
            .Append($" role=\"img\" aria-labelledby=\"{Encode(titleId)}\" aria-describedby=\"{Encode(descId)}\">")
            .Append($"<title id=\"{Encode(titleId)}\">{Encode(o.Title)}</title>")
            .Append($"<desc id=\"{Encode(descId)}\">{Encode(Describe(o, points, last))}</desc>");

        if (o.Band is { } band)
        {
            var (yTop, yBottom) = (Y(Math.Max(band.Low, band.High)), Y(Math.Min(band.Low, band.High)));
            svg.Append($"<rect class=\"app-chart__band\" x=\"{N(left)}\" y=\"{N(yTop)}\" width=\"{N(right - left)}\" height=\"{N(yBottom - yTop)}\"/>");
        }

        foreach (var tick in ticks)
        {
            var y = N(Y(tick));
            svg.Append($"<g class=\"app-chart__tick\"><line class=\"app-chart__grid\" x1=\"{N(left)}\" y1=\"{y}\" x2=\"{N(right)}\" y2=\"{y}\"/>")
                .Append($"<text class=\"app-chart__text app-chart__text--end\" x=\"{N(left - 8)}\" y=\"{N(Y(tick) + 5)}\">{Encode(TickLabel(tick))}</text></g>");
        }

        svg.Append($"<line class=\"app-chart__axis\" x1=\"{N(left)}\" y1=\"{N(Bottom)}\" x2=\"{N(right)}\" y2=\"{N(Bottom)}\"/>");
        AppendMonthLabels(svg, points, X, right - left);

        if (o.Target is { } targetValue)
        {
            var y = Y(targetValue);
            svg.Append($"<line class=\"app-chart__target\" x1=\"{N(left)}\" y1=\"{N(y)}\" x2=\"{N(right)}\" y2=\"{N(y)}\"/>");

            // Keep the target's label clear of the latest value's label when the two lines meet.
            var labelY = y;
            if (last is not null && Math.Abs(y - Y(last.Value!.Value)) < LineHeight + 2)
            {
                labelY = Y(last.Value!.Value) + (y >= Y(last.Value!.Value) ? LineHeight + 2 : -(LineHeight + 2));
            }

            svg.Append($"<text class=\"app-chart__text app-chart__target-label\" x=\"{N(right + 8)}\" y=\"{N(labelY + 5)}\">{Encode(targetLabel)}</text>");
        }

        var runs = Runs(points, X, Y);
        AppendPolylines(svg, runs);
        var radius = n > 24 ? 3 : 4; // three years of markers at 4 would hide the line between them
        foreach (var (x, y) in runs.SelectMany(r => r))
        {
            svg.Append($"<circle class=\"app-chart__marker\" cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{radius}\"/>");
        }

        if (last is not null)
        {
            var i = points.IndexOf(last);
            svg.Append($"<text class=\"app-chart__text app-chart__value\" x=\"{N(X(i) + 8)}\" y=\"{N(Y(last.Value!.Value) + 5)}\">{Encode(valueLabel)}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>
    /// Nice round ticks (steps of 1, 2, 2.5 or 5 × 10ⁿ, at most six) covering the values, target
    /// and band. Percentages use the whole 0–100% scale while everything fits in it, so a small
    /// change does not look like a big one, and so charts in the pack compare at a glance.
    /// </summary>
    public static decimal[] Ticks(decimal min, decimal max, ChartFormat format)
    {
        if (format == ChartFormat.Percent)
        {
            if (min >= 0 && max <= 1)
            {
                return [0m, 0.2m, 0.4m, 0.6m, 0.8m, 1m];
            }

            min = Math.Min(min, 0);
        }

        if (min == max)
        {
            var pad = min == 0 ? 1 : Math.Abs(min) / 10;
            (min, max) = (min - pad, max + pad);
        }

        var magnitude = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)(max - min) / 5)));
        foreach (var multiple in StepMultiples)
        {
            var step = multiple * magnitude;
            var lo = Math.Floor(min / step) * step;
            var hi = Math.Ceiling(max / step) * step;
            var intervals = (int)((hi - lo) / step);
            if (intervals <= 5)
            {
                return [.. Enumerable.Range(0, intervals + 1).Select(i => lo + (i * step))];
            }
        }

        throw new InvalidOperationException("Unreachable: a step of 50 × 10ⁿ always fits.");
    }

    // Each label word on its own line ("Oct" over "2020"), every few months counting back from the
    // latest so it is always labelled and labels never overlap.
    private static void AppendMonthLabels(StringBuilder svg, List<ChartPoint> points, Func<int, double> x, double plotWidth)
    {
        if (points.Count == 0)
        {
            return;
        }

        var labelWidth = (points.Max(p => p.Label.Split(' ').Max(w => w.Length)) * CharWidth) + 8;
        var spacing = points.Count > 1 ? plotWidth / (points.Count - 1) : plotWidth;
        var every = LabelEvery.FirstOrDefault(s => s * spacing >= labelWidth);
        if (every == 0)
        {
            every = (int)Math.Ceiling(labelWidth / spacing);
        }

        for (var i = points.Count - 1; i >= 0; i -= every)
        {
            var words = points[i].Label.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            svg.Append($"<text class=\"app-chart__text app-chart__text--middle\" x=\"{N(x(i))}\" y=\"{N(Bottom + 22)}\">");
            for (var w = 0; w < words.Length; w++)
            {
                svg.Append($"<tspan x=\"{N(x(i))}\"{(w > 0 ? $" dy=\"{N(LineHeight)}\"" : "")}>{Encode(words[w])}</tspan>");
            }

            svg.Append("</text>");
        }
    }

    private static string Describe(TrendChartOptions o, List<ChartPoint> points, ChartPoint? last)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(o.Description))
        {
            parts.Add(o.Description.Trim());
        }

        if (last is null)
        {
            parts.Add("No monthly values.");
        }
        else
        {
            parts.Add($"Monthly values from {points[0].Label} to {points[^1].Label}; latest, {last.Label}: {Format(last.Value!.Value, o.Format)}.");
        }

        var missing = points.Count(p => p.Value is null);
        if (missing > 0 && last is not null)
        {
            parts.Add(missing == 1 ? "1 month has no value." : $"{missing} months have no value.");
        }

        if (o.Target is { } target)
        {
            parts.Add($"Target {Format(target, o.Format)}.");
        }

        if (o.Band is { } band)
        {
            parts.Add($"Tolerance {Format(Math.Min(band.Low, band.High), o.Format)} to {Format(Math.Max(band.Low, band.High), o.Format)}.");
        }

        parts.Add(o.Polarity == ChartPolarity.HigherIsBetter ? "Higher is better." : "Lower is better.");
        return string.Join(' ', parts);
    }
}

/// <summary><c>&lt;app-trend-chart options="Model.Chart" /&gt;</c> renders <see cref="TrendChartRenderer"/>'s SVG.</summary>
[HtmlTargetElement("app-trend-chart", TagStructure = TagStructure.WithoutEndTag)]
public sealed class TrendChartTagHelper : TagHelper
{
    [HtmlAttributeName("options")]
    public TrendChartOptions? Options { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        output.Content.SetHtmlContent(TrendChartRenderer.Render(Options ?? throw new InvalidOperationException("<app-trend-chart> needs options.")));
    }
}
