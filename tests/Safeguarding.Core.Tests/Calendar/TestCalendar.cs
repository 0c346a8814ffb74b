using Safeguarding.Core.Calendar;

namespace Safeguarding.Core.Tests.Calendar;

internal static class TestCalendar
{
    public static WorkingDayCalendar EnglandAndWales { get; } = WorkingDayCalendar.EnglandAndWales();

    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
