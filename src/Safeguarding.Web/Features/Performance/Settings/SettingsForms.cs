using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Performance;

namespace Safeguarding.Web.Features.Performance.Settings;

/// <summary>What the settings pages share: reading typed numbers with our own messages, and Core's errors onto the form.</summary>
public static class SettingsForms
{
    public static int CurrentFinancialYear(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return PerformanceMonths.FinancialYearOf(LondonTime.DateOf(clock.GetUtcNow()));
    }

    /// <summary>A number as typed: "80", "80%", "1,342", "12.5". Blank is null; anything else adds <paramref name="message"/> to the field.</summary>
    public static decimal? Number(ModelStateDictionary modelState, string field, string? text, string message)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var cleaned = text.Trim().TrimEnd('%').Trim().Replace(",", "", StringComparison.Ordinal);
        if (decimal.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        modelState.AddModelError(field, message);
        return null;
    }

    /// <summary>A whole number as typed ("2026", "1,234"). Blank is null; anything else adds <paramref name="message"/> to the field.</summary>
    public static int? WholeNumber(ModelStateDictionary modelState, string field, string? text, string message)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim().Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        modelState.AddModelError(field, message);
        return null;
    }

    /// <summary>Core's field-keyed errors onto the page's input model ("" stays a page-level error).</summary>
    public static void AddErrors(ModelStateDictionary modelState, IReadOnlyDictionary<string, string> errors, string prefix = "Input.")
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (field, message) in errors)
        {
            modelState.AddModelError(field.Length == 0 ? "" : prefix + field, message);
        }
    }

    /// <summary>A number for an input's value attribute: "80", "12.5".</summary>
    public static string Typed(decimal? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "";

    public static string GroupName(IndicatorGroup group) => group switch
    {
        IndicatorGroup.ContractKpi => "Contract KPIs",
        IndicatorGroup.HeadlineRate => "Headline rates per 10,000 children",
        _ => "Activity",
    };

    /// <summary>"%" for a percentage, "days" for days, nothing otherwise: the suffix on a value input.</summary>
    public static string? Suffix(IndicatorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Format switch
        {
            IndicatorFormat.Percent => "%",
            IndicatorFormat.Days => "days",
            IndicatorFormat.RatePer10000 => "per 10,000",
            _ => null,
        };
    }
}
