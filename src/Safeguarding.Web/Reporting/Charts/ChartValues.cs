using System.Globalization;
using System.Text;
using Safeguarding.Web.GovUk;

namespace Safeguarding.Web.Reporting.Charts;

/// <summary>One month of a KPI: <paramref name="Value"/> is null when the month has no figure (a gap, not a zero).</summary>
/// <param name="Label">What the month is called on the axis, e.g. "Oct 2020".</param>
/// <param name="Month">The first day of the month; points are drawn in this order.</param>
public sealed record ChartPoint(string Label, DateOnly Month, decimal? Value);

/// <summary>How a KPI's values read.</summary>
public enum ChartFormat
{
    /// <summary>Values 0..1 shown as "84%".</summary>
    Percent,

    /// <summary>"497 days".</summary>
    Days,

    /// <summary>"1,342".</summary>
    Number,
}

public enum ChartPolarity
{
    HigherIsBetter,
    LowerIsBetter,
}

/// <summary>A tolerance band around the target, shaded behind the line.</summary>
public sealed record ToleranceBand(decimal Low, decimal High);

/// <summary>Value formatting and the few SVG string helpers both charts share.</summary>
public static class ChartValues
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <param name="decimals">At most this many decimal places (of the percentage, for percents).</param>
    public static string Format(decimal value, ChartFormat format, int decimals = 1)
    {
        var pattern = "#,0." + new string('#', decimals);
        return format switch
        {
            ChartFormat.Percent => (value * 100).ToString(pattern, Invariant) + "%",
            ChartFormat.Days => value.ToString(pattern, Invariant) + (value == 1 ? " day" : " days"),
            _ => value.ToString(pattern, Invariant),
        };
    }

    /// <summary>The decimal places a tick step needs, so ticks 0.25 apart never round to the same label.</summary>
    internal static int Decimals(decimal step, ChartFormat format)
    {
        var shown = (format == ChartFormat.Percent ? step * 100 : step) / 1.000000000000000000000000000000000m; // drops trailing zeros
        return Math.Max(1, (decimal.GetBits(shown)[3] >> 16) & 0xFF);
    }

    /// <summary>A coordinate in user units: invariant, at most one decimal, so output is stable and short.</summary>
    internal static string N(double value) => Math.Round(value, 1).ToString("0.#", Invariant);

    internal static string Encode(string? text) => Markup.Encode(text);

    /// <summary>
    /// Only the vertices of months that have a value, split into runs at each missing month, so a
    /// gap in the data is a gap in the line rather than a line drawn across it.
    /// </summary>
    internal static List<List<(double X, double Y)>> Runs(IReadOnlyList<ChartPoint> points, Func<int, double> x, Func<decimal, double> y)
    {
        var runs = new List<List<(double X, double Y)>>();
        List<(double X, double Y)>? current = null;
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].Value is not { } value)
            {
                current = null;
                continue;
            }

            if (current is null)
            {
                current = [];
                runs.Add(current);
            }

            current.Add((x(i), y(value)));
        }

        return runs;
    }

    internal static void AppendPolylines(StringBuilder svg, List<List<(double X, double Y)>> runs)
    {
        foreach (var run in runs)
        {
            // fill="none" only so a page whose stylesheet failed does not draw a black filled shape.
            svg.Append("<polyline class=\"app-chart__line\" fill=\"none\" points=\"")
                .AppendJoin(' ', run.Select(p => N(p.X) + "," + N(p.Y)))
                .Append("\"/>");
        }
    }
}
