using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Safeguarding.Core.Calendar;

/// <summary>
/// The <c>working-days</c> command-line verb: <c>add DATE N</c>, <c>between A B</c>, <c>is DATE</c>,
/// each with <c>--json</c>. Plain text is for a person; JSON keys are snake_case and stable because
/// scripts rely on them. Exit codes: 0 success, 2 bad input (with a one-line reason on stderr).
/// </summary>
public static class WorkingDaysCommand
{
    public const int Success = 0;
    public const int BadInput = 2;

    public const string Usage =
        "usage: working-days add DATE N | between FROM TO | is DATE  [--json]   (dates as yyyy-mm-dd)";

    /// <param name="args">The arguments after the word <c>working-days</c>.</param>
    public static int Run(IReadOnlyList<string> args, WorkingDayCalendar calendar, TextWriter stdout, TextWriter stderr)
    {
        var json = false;
        var words = new List<string>(args.Count);
        foreach (var arg in args)
        {
            if (arg == "--json")
            {
                json = true;
            }
            else if (arg is "--help" or "-h")
            {
                stdout.WriteLine(Usage);
                return Success;
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                return Fail(stderr, $"unknown option '{arg}'");
            }
            else
            {
                words.Add(arg);
            }
        }

        if (words.Count == 0)
        {
            return Fail(stderr, "missing sub-command: add, between or is");
        }

        try
        {
            return words[0] switch
            {
                "add" => Add(words, calendar, json, stdout, stderr),
                "between" => Between(words, calendar, json, stdout, stderr),
                "is" => Is(words, calendar, json, stdout, stderr),
                _ => Fail(stderr, $"unknown sub-command '{words[0]}': use add, between or is"),
            };
        }
        catch (ArgumentOutOfRangeException e)
        {
            // Dates outside 1990-2060; the calendar's message already names the range.
            return Fail(stderr, FirstLine(e.Message));
        }
    }

    private static int Add(List<string> words, WorkingDayCalendar calendar, bool json, TextWriter stdout, TextWriter stderr)
    {
        if (words.Count != 3)
        {
            return Fail(stderr, "add needs a date and a number of working days, e.g. working-days add 2025-04-17 5");
        }

        if (!TryDate(words[1], stderr, out var start))
        {
            return BadInput;
        }

        if (!int.TryParse(words[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            return Fail(stderr, $"'{words[2]}' is not a whole number of working days");
        }

        var count = calendar.AddWorkingDaysExplained(start, n);
        if (json)
        {
            Json(stdout, w =>
            {
                w.WriteString("start", DateDisplay.Iso(start));
                w.WriteNumber("working_days", n);
                w.WriteString("result", DateDisplay.Iso(count.Result));
                w.WriteBoolean("start_is_working_day", calendar.IsWorkingDay(start));
                w.WriteBoolean("start_moved", count.StartMoved);
                w.WriteString("counted_from", DateDisplay.Iso(count.CountedFrom));
            });
        }
        else
        {
            var direction = n < 0 ? "before" : "after";
            var line = $"{DateDisplay.Readable(count.Result)} ({Plural(Math.Abs(n))} {direction} {DateDisplay.Readable(start)})";
            if (count.StartMoved)
            {
                line += $"; {DateDisplay.Readable(start)} is not a working day, so counting started from {DateDisplay.Readable(count.CountedFrom)}";
            }

            stdout.WriteLine(line);
        }

        return Success;
    }

    private static int Between(List<string> words, WorkingDayCalendar calendar, bool json, TextWriter stdout, TextWriter stderr)
    {
        if (words.Count != 3)
        {
            return Fail(stderr, "between needs two dates, e.g. working-days between 2025-04-17 2025-04-28");
        }

        if (!TryDate(words[1], stderr, out var from) || !TryDate(words[2], stderr, out var to))
        {
            return BadInput;
        }

        var days = calendar.WorkingDaysBetween(from, to);
        if (json)
        {
            Json(stdout, w =>
            {
                w.WriteString("from", DateDisplay.Iso(from));
                w.WriteString("to", DateDisplay.Iso(to));
                w.WriteNumber("working_days", days);
            });
        }
        else
        {
            stdout.WriteLine(
                $"{Plural(days)} from {DateDisplay.Readable(from)} to {DateDisplay.Readable(to)} (not counting {DateDisplay.Readable(days < 0 ? to : from)}, counting {DateDisplay.Readable(days < 0 ? from : to)})");
        }

        return Success;
    }

    private static int Is(List<string> words, WorkingDayCalendar calendar, bool json, TextWriter stdout, TextWriter stderr)
    {
        if (words.Count != 2)
        {
            return Fail(stderr, "is needs one date, e.g. working-days is 2025-12-25");
        }

        if (!TryDate(words[1], stderr, out var date))
        {
            return BadInput;
        }

        var working = calendar.IsWorkingDay(date);
        var holiday = calendar.HolidayTitle(date);
        var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        string? reason = working ? null : holiday is not null ? "bank_holiday" : "weekend";
        if (json)
        {
            Json(stdout, w =>
            {
                w.WriteString("date", DateDisplay.Iso(date));
                w.WriteBoolean("is_working_day", working);
                if (reason is null)
                {
                    w.WriteNull("reason");
                }
                else
                {
                    w.WriteString("reason", reason);
                }

                if (holiday is null)
                {
                    w.WriteNull("bank_holiday");
                }
                else
                {
                    w.WriteString("bank_holiday", holiday);
                }

                w.WriteString("next_working_day", DateDisplay.Iso(calendar.NextWorkingDay(date)));
            });
        }
        else if (working)
        {
            stdout.WriteLine($"{DateDisplay.Readable(date)} is a working day");
        }
        else
        {
            var why = holiday is not null ? holiday : weekend ? date.DayOfWeek.ToString() : "not a working day";
            stdout.WriteLine($"{DateDisplay.Readable(date)} is not a working day ({why}); the next working day is {DateDisplay.Readable(calendar.NextWorkingDay(date))}");
        }

        return Success;
    }

    private static bool TryDate(string text, TextWriter stderr, out DateOnly date)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            if (WorkingDayCalendar.InRange(date))
            {
                return true;
            }

            Fail(stderr, $"{text} is outside the working-day calendar ({DateDisplay.Iso(WorkingDayCalendar.FirstDate)} to {DateDisplay.Iso(WorkingDayCalendar.LastDate)})");
            return false;
        }

        Fail(stderr, $"'{text}' is not a date in the form yyyy-mm-dd");
        return false;
    }

    private static string Plural(int n) => Math.Abs(n) == 1 ? $"{n} working day" : $"{n} working days";

    private static int Fail(TextWriter stderr, string reason)
    {
        stderr.WriteLine($"working-days: {reason}");
        return BadInput;
    }

    private static string FirstLine(string message)
    {
        // ArgumentException appends " (Parameter 'x')"; a person does not need it.
        var cut = message.IndexOf(" (Parameter", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static void Json(TextWriter stdout, Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        // Relaxed escaping keeps GOV.UK's typographic apostrophes readable; the output never goes into HTML.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
