using System.Globalization;

namespace Safeguarding.Core.Calendar;

/// <summary>How dates read to a person ("Thu 17 Apr 2025"), fixed to English whatever the server culture.</summary>
public static class DateDisplay
{
    public static string Readable(DateOnly date) => date.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
