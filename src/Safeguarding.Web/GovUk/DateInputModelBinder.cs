using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace Safeguarding.Web.GovUk;

/// <summary>The outcome of reading a day, month and year typed into a GOV.UK date input.</summary>
/// <param name="InvalidParts">"day", "month" and/or "year", in that order: the parts to highlight.</param>
public sealed record DateInputParseResult(DateOnly? Date, string? Error, IReadOnlyList<string> InvalidParts)
{
    public bool IsEmpty => Date is null && Error is null;
}

/// <summary>Reads date input parts with the messages the GOV.UK date input pattern recommends.</summary>
public static class DateInputParts
{
    public static readonly IReadOnlyList<string> Names = ["day", "month", "year"];

    public static DateInputParseResult Parse(string? day, string? month, string? year, string displayName)
    {
        string?[] values = [day?.Trim(), month?.Trim(), year?.Trim()];
        var missing = Names.Where((_, i) => string.IsNullOrEmpty(values[i])).ToList();
        if (missing.Count == 3)
        {
            return new DateInputParseResult(null, null, []);
        }

        if (missing.Count > 0)
        {
            return new DateInputParseResult(null, $"{displayName} must include a {string.Join(" and ", missing)}", missing);
        }

        var d = ParseNumber(values[0]);
        var m = ParseNumber(values[1]) ?? MonthFromName(values[1]!);
        var y = ParseNumber(values[2]);
        if (y is not null && values[2]!.Length != 4)
        {
            return new DateInputParseResult(null, "Year must include 4 numbers", ["year"]);
        }

        var invalid = new List<string>();
        if (m is null or < 1 or > 12)
        {
            invalid.Add("month");
        }

        if (y is null or < 1)
        {
            invalid.Add("year");
        }

        if (d is null or < 1 || (invalid.Count == 0 && d > DateTime.DaysInMonth(y!.Value, m!.Value)) || d > 31)
        {
            invalid.Insert(0, "day");
        }

        return invalid.Count > 0
            ? new DateInputParseResult(null, $"{displayName} must be a real date", invalid)
            : new DateInputParseResult(new DateOnly(y!.Value, m!.Value, d!.Value), null, []);
    }

    private static int? ParseNumber(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    // People type "Jan" or "January"; the pattern asks us to accept month names too.
    private static int? MonthFromName(string value)
    {
        var names = CultureInfo.GetCultureInfo("en-GB").DateTimeFormat;
        for (var i = 0; i < 12; i++)
        {
            if (string.Equals(value, names.MonthNames[i], StringComparison.OrdinalIgnoreCase)
                || string.Equals(value, names.AbbreviatedMonthNames[i], StringComparison.OrdinalIgnoreCase))
            {
                return i + 1;
            }
        }

        return null;
    }
}

/// <summary>
/// Binds <c>DateOnly</c>/<c>DateOnly?</c> from the <c>{name}-day</c>, <c>{name}-month</c> and <c>{name}-year</c>
/// inputs that <c>&lt;govuk-date-input asp-for&gt;</c> renders. Impossible dates become a ModelState error on
/// <c>{name}</c>; when no parts were posted it falls back to the usual single-value binding (e.g. query strings).
/// </summary>
public sealed class DateInputModelBinder(IModelBinder fallback) : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        // A top-level page property whose parts are posted as "Name-day" does not match the
        // "Name." prefix MVC looks for, so MVC binds it with an empty model name: use the field name.
        var name = string.IsNullOrEmpty(bindingContext.ModelName) ? bindingContext.FieldName : bindingContext.ModelName;
        var parts = DateInputParts.Names.Select(p => bindingContext.ValueProvider.GetValue($"{name}-{p}")).ToArray();
        if (parts.All(p => p == ValueProviderResult.None))
        {
            await fallback.BindModelAsync(bindingContext);
            return;
        }

        // Keep what was typed so the form shows it again.
        for (var i = 0; i < 3; i++)
        {
            var key = $"{name}-{DateInputParts.Names[i]}";
            bindingContext.ModelState.SetModelValue(key, parts[i]);

            // Nothing validates these keys, and an unvalidated entry would make the whole form invalid.
            bindingContext.ModelState.MarkFieldSkipped(key);
        }

        var result = DateInputParts.Parse(parts[0].FirstValue, parts[1].FirstValue, parts[2].FirstValue, bindingContext.ModelMetadata.GetDisplayName());
        if (result.Error is not null)
        {
            bindingContext.ModelState.TryAddModelError(name, result.Error);
            bindingContext.Result = ModelBindingResult.Failed();
        }
        else if (result.Date is null && !bindingContext.ModelMetadata.IsReferenceOrNullableType)
        {
            bindingContext.ModelState.TryAddModelError(name, $"Enter {bindingContext.ModelMetadata.GetDisplayName()}");
            bindingContext.Result = ModelBindingResult.Failed();
        }
        else
        {
            bindingContext.Result = ModelBindingResult.Success(result.Date);
        }
    }
}

/// <summary>Register with <c>AddGovUkDateInputBinding()</c> on MvcOptions.</summary>
public sealed class DateInputModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = context.Metadata.ModelType;
        if (type != typeof(DateOnly) && type != typeof(DateOnly?))
        {
            return null;
        }

        var loggerFactory = context.Services.GetRequiredService<ILoggerFactory>();
        return new DateInputModelBinder(new SimpleTypeModelBinder(type, loggerFactory));
    }
}

public static class DateInputMvcOptionsExtensions
{
    /// <summary>Binds DateOnly properties from GOV.UK date inputs; goes first so it wins over the default.</summary>
    public static MvcOptions AddGovUkDateInputBinding(this MvcOptions options)
    {
        options.ModelBinderProviders.Insert(0, new DateInputModelBinderProvider());
        return options;
    }
}
