using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Safeguarding.Core.Calendar;

namespace Safeguarding.Web.Features.Learning.SeriousIncidents;

/// <summary>A date and a 24-hour time typed by a person in England, turned into an instant.</summary>
public static class LondonTimeInput
{
    private static readonly string[] Formats = ["H:mm", "HH:mm", "H.mm", "HH.mm", "HHmm"];

    /// <summary>Adds an error under <paramref name="timeField"/> and returns null when the time cannot be read.</summary>
    public static DateTimeOffset? Combine(DateOnly? date, string? time, string timeField, ModelStateDictionary modelState, string label)
    {
        if (date is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(time))
        {
            modelState.AddModelError(timeField, $"Enter the time {label}, like 14:30");
            return null;
        }

        if (!TimeOnly.TryParseExact(time.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            modelState.AddModelError(timeField, $"Time {label} must be a real time in 24-hour format, like 14:30");
            return null;
        }

        return LondonTime.At(date.Value, parsed);
    }
}
