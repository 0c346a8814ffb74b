using System.Diagnostics;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Timescales;

namespace Safeguarding.Benchmarks;

/// <summary>
/// Due dates and states for N clocks on one thread (target: at least 1,000,000 a second), plus raw
/// working-day additions. Inputs are deterministic so runs compare.
/// </summary>
public sealed class CalendarSuite : IBenchmarkSuite
{
    private const int Runs = 5;

    public string Name => "calendar";

    public string Description => "clock due dates and states, working-day additions (one thread)";

    public int DefaultScale => 1_000_000;

    public Task<IReadOnlyList<Figure>> RunAsync(int scale, TextWriter log)
    {
        var build = Stopwatch.StartNew();
        var calendar = WorkingDayCalendar.EnglandAndWales();
        var evaluator = new ClockEvaluator(calendar);
        var buildMs = build.Elapsed.TotalMilliseconds;

        var clocks = SyntheticClocks(scale, out var now);
        var random = new Random(17);
        var dates = new DateOnly[scale];
        var counts = new int[scale];
        var first = new DateOnly(2000, 1, 1).DayNumber;
        for (var i = 0; i < scale; i++)
        {
            dates[i] = DateOnly.FromDayNumber(first + random.Next(0, 365 * 50));
            counts[i] = random.Next(-20, 61);
        }

        // Warm up: tiered JIT reaches its optimised code (and the London table is built) before timing.
        for (var w = 0; w < 3; w++)
        {
            EvaluateAll(evaluator, clocks, now, Math.Min(scale, 200_000), null);
            AddAll(calendar, dates, counts, Math.Min(scale, 200_000));
        }

        var stateCounts = new int[Enum.GetValues<ClockState>().Length];
        var clockSeconds = new List<double>(Runs);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var run = 0; run < Runs; run++)
        {
            Array.Clear(stateCounts);
            var sw = Stopwatch.StartNew();
            EvaluateAll(evaluator, clocks, now, scale, stateCounts);
            clockSeconds.Add(sw.Elapsed.TotalSeconds);
        }

        var allocatedPerClock = (double)(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / ((double)scale * Runs);

        var addSeconds = new List<double>(Runs);
        var checksum = 0L;
        for (var run = 0; run < Runs; run++)
        {
            var sw = Stopwatch.StartNew();
            checksum += AddAll(calendar, dates, counts, scale);
            addSeconds.Add(sw.Elapsed.TotalSeconds);
        }

        log.WriteLine($"calendar built in {buildMs:F1} ms; {Runs} timed runs each, median reported (checksum {checksum})");
        log.WriteLine("states: " + string.Join(", ", Enum.GetValues<ClockState>().Select(s => $"{s} {stateCounts[(int)s]}")));

        IReadOnlyList<Figure> figures =
        [
            new("clocks_per_second", Math.Round(scale / Median(clockSeconds)), "clocks/s"),
            new("working_day_adds_per_second", Math.Round(scale / Median(addSeconds)), "adds/s"),
            new("ns_per_clock", Math.Round(Median(clockSeconds) * 1e9 / scale, 1), "ns"),
            new("allocated_bytes_per_clock", Math.Round(allocatedPerClock, 3), "bytes"),
            new("calendar_build_ms", Math.Round(buildMs, 1), "ms"),
        ];
        return Task.FromResult(figures);
    }

    private readonly record struct ClockInput(TimescaleRule Rule, DateTimeOffset? Start, DateTimeOffset? Stop, bool NotRequired);

    /// <summary>A mix like a real queue: every default rule, mostly open clocks, some met, a few not started or not required.</summary>
    private static ClockInput[] SyntheticClocks(int count, out DateTimeOffset now)
    {
        var rules = DefaultTimescaleRules.All;
        var random = new Random(20261124);
        now = new DateTimeOffset(2026, 6, 15, 11, 0, 0, TimeSpan.Zero);
        var from = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var spanMinutes = (int)(now - from).TotalMinutes;
        var clocks = new ClockInput[count];
        for (var i = 0; i < count; i++)
        {
            var rule = rules[random.Next(rules.Count)];
            var start = from.AddMinutes(random.Next(spanMinutes));
            var kind = random.Next(100);
            clocks[i] = kind switch
            {
                < 5 => new ClockInput(rule, null, null, false),
                < 10 => new ClockInput(rule, start, null, true),
                < 40 => new ClockInput(rule, start, start.AddMinutes(random.Next(60 * 24 * 90)), false),
                _ => new ClockInput(rule, start, null, false),
            };
        }

        return clocks;
    }

    private static void EvaluateAll(ClockEvaluator evaluator, ClockInput[] clocks, DateTimeOffset now, int count, int[]? stateCounts)
    {
        var sink = 0;
        for (var i = 0; i < count; i++)
        {
            ref readonly var clock = ref clocks[i];
            var status = evaluator.Evaluate(clock.Rule, clock.Start, clock.Stop, clock.NotRequired, now);
            sink += (int)status.State;
            if (stateCounts is not null)
            {
                stateCounts[(int)status.State]++;
            }
        }

        GC.KeepAlive(sink);
    }

    private static long AddAll(WorkingDayCalendar calendar, DateOnly[] dates, int[] counts, int count)
    {
        var sum = 0L;
        for (var i = 0; i < count; i++)
        {
            sum += calendar.AddWorkingDays(dates[i], counts[i]).DayNumber;
        }

        return sum;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
