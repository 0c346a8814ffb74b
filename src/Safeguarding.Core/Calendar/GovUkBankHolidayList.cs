using System.Text.Json;

namespace Safeguarding.Core.Calendar;

/// <summary>
/// The GOV.UK bank holiday feed for England and Wales, shipped as an embedded resource. It is the
/// authority for the years it covers; other years come from <see cref="BankHolidayRules"/>.
/// </summary>
public static class GovUkBankHolidayList
{
    /// <summary>The versioned copy in use; a refreshed feed is added as a new file with a new suffix.</summary>
    public const string ResourceName = "Safeguarding.Core.Calendar.Data.gov-uk-bank-holidays-2026-11.json";

    public const string Version = "2026-11";

    private static readonly Lazy<IReadOnlyList<BankHoliday>> Cached = new(() => Load(ResourceName));

    /// <summary>England and Wales events in date order.</summary>
    public static IReadOnlyList<BankHoliday> EnglandAndWales => Cached.Value;

    /// <summary>First calendar year the list covers in full.</summary>
    public static int FirstYear => EnglandAndWales[0].Date.Year;

    /// <summary>Last calendar year the list covers in full.</summary>
    public static int LastYear => EnglandAndWales[^1].Date.Year;

    public static bool Covers(int year) => year >= FirstYear && year <= LastYear;

    internal static IReadOnlyList<BankHoliday> Load(string resourceName)
    {
        using var stream = typeof(GovUkBankHolidayList).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded bank holiday list '{resourceName}' is missing from {typeof(GovUkBankHolidayList).Assembly.GetName().Name}.");
        return Parse(stream);
    }

    /// <summary>Reads the england-and-wales division of a GOV.UK feed document.</summary>
    public static IReadOnlyList<BankHoliday> Parse(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var events = document.RootElement.GetProperty("england-and-wales").GetProperty("events");
        var holidays = new List<BankHoliday>(events.GetArrayLength());
        foreach (var item in events.EnumerateArray())
        {
            var date = DateOnly.ParseExact(item.GetProperty("date").GetString()!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            // The feed uses typographic apostrophes; keep them, they are what GOV.UK shows.
            holidays.Add(new BankHoliday(date, item.GetProperty("title").GetString()!, BankHolidaySource.GovUkList));
        }

        holidays.Sort((a, b) => a.Date.CompareTo(b.Date));
        return holidays;
    }
}
