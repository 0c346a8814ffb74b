using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguarding.Web.GovUk;

public class DateInputItem
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Label { get; set; }
    public string? Value { get; set; }
    public bool? Error { get; set; }
    public string? Inputmode { get; set; }
    public string? Autocomplete { get; set; }
    public string? Pattern { get; set; }
    public string? Classes { get; set; }
    public GovUkAttributes? Attributes { get; set; }

    /// <summary>Leaves this part out, e.g. no day for "month and year".</summary>
    public bool Omit { get; set; }
}

public class DateInputOptions
{
    public string? Id { get; set; }
    public string? NamePrefix { get; set; }

    /// <summary>Replaces the day, month and year inputs entirely.</summary>
    public List<DateInputItem?>? Items { get; set; }
    public DateInputItem? Day { get; set; }
    public DateInputItem? Month { get; set; }
    public DateInputItem? Year { get; set; }

    /// <summary>Values keyed by input name (with the name prefix), or plain "day"/"month"/"year".</summary>
    public Dictionary<string, string?>? Values { get; set; }
    public HintOptions? Hint { get; set; }
    public ErrorMessageOptions? ErrorMessage { get; set; }
    public FormGroupOptions? FormGroup { get; set; }
    public FieldsetOptions? Fieldset { get; set; }
    public string? Classes { get; set; }
    public GovUkAttributes? Attributes { get; set; }
}

public static class GovUkDateInputRenderer
{
    private static readonly string[] Parts = ["day", "month", "year"];

    public static string Render(DateInputOptions o)
    {
        var describedBy = o.Fieldset?.DescribedBy ?? string.Empty;
        var defaults = new DateInputItem?[]
        {
            o.Day ?? Default("day", 2),
            o.Month ?? Default("month", 2),
            o.Year ?? Default("year", 4),
        };
        var items = o.Items is { Count: > 0 } ? o.Items : [.. defaults];
        var anyItemHasError = items.Any(i => i is not null && !i.Omit && HasError(i));

        var inner = FormField.HintAndError(o.Id, o.Hint, o.ErrorMessage, ref describedBy);
        inner += $"<div class=\"{Markup.Classes("govuk-date-input", o.Classes)}\"{Markup.Attributes(o.Attributes)}{Markup.Attr("id", o.Id)}>";
        if (o.FormGroup?.BeforeInputs is { } before)
        {
            inner += Markup.Content(before);
        }

        foreach (var item in items)
        {
            if (item is not null && !item.Omit)
            {
                inner += Item(o, item, Array.IndexOf(defaults, item), defaults, anyItemHasError);
            }
        }

        if (o.FormGroup?.AfterInputs is { } after)
        {
            inner += Markup.Content(after);
        }

        inner += "</div>";
        var html = FormField.OpenGroup(o.FormGroup, o.ErrorMessage is not null);

        // role="group" makes JAWS announce the description for a fieldset of text inputs.
        html += o.Fieldset is not null
            ? GovUkFieldsetRenderer.Render(new FieldsetOptions
            {
                DescribedBy = describedBy,
                Classes = o.Fieldset.Classes,
                Role = "group",
                Attributes = o.Fieldset.Attributes,
                Legend = o.Fieldset.Legend,
                Html = inner,
            })
            : inner;
        return html + "</div>";

        DateInputItem Default(string part, int width) => new()
        {
            Name = part,
            Value = o.Values?.GetValueOrDefault(part),
            Classes = "govuk-input--width-" + width,
        };
    }

    private static bool HasError(DateInputItem item) =>
        item.Error == true || item.Classes?.Contains("govuk-input--error", StringComparison.Ordinal) == true;

    private static string Item(DateInputOptions o, DateInputItem item, int defaultIndex, DateInputItem?[] defaults, bool anyItemHasError)
    {
        var itemName = item.Name;
        var itemValue = item.Value;
        var width = 2;

        // Which of day/month/year this is: the default object itself, or a custom item named like one.
        var part = defaultIndex;
        if (part < 0 && Markup.Has(item.Name))
        {
            part = Array.FindIndex(Parts, (p) => item.Name == p || item.Name == defaults[Array.IndexOf(Parts, p)]?.Name);
        }

        if (part >= 0)
        {
            itemName = item.Name ?? Parts[part];
            itemValue = item.Value ?? defaults[part]?.Value;
            width = part == 2 ? 4 : 2;
        }

        var classes = item.Classes ?? string.Empty;
        var itemClasses = string.Empty;
        if (!classes.Contains("govuk-input--error", StringComparison.Ordinal)
            && (HasError(item) || (item.Error != false && o.ErrorMessage is not null && !anyItemHasError)))
        {
            itemClasses = "govuk-input--error";
        }

        if (!classes.Contains("govuk-input--width-", StringComparison.Ordinal))
        {
            itemClasses = (itemClasses + " govuk-input--width-" + width).Trim();
        }

        if (classes.Length > 0)
        {
            itemClasses = (itemClasses + " " + classes).Trim();
        }

        var namePrefix = Markup.Has(o.NamePrefix) ? o.NamePrefix + "-" : string.Empty;
        return "<div class=\"govuk-date-input__item\">" + GovUkInputRenderer.Render(new InputOptions
        {
            Label = new LabelOptions
            {
                Text = Markup.Has(item.Label) ? item.Label : Markup.Capitalize(itemName ?? string.Empty),
                Classes = "govuk-date-input__label",
            },
            Id = Markup.Has(item.Id) ? item.Id : o.Id + "-" + itemName,
            Classes = "govuk-date-input__input" + (itemClasses.Length > 0 ? " " + itemClasses : string.Empty),
            Name = namePrefix + itemName,
            Value = itemValue ?? o.Values?.GetValueOrDefault(namePrefix + itemName),
            Type = "text",
            Inputmode = Markup.Has(item.Inputmode) ? item.Inputmode : "numeric",
            Autocomplete = item.Autocomplete,
            Pattern = item.Pattern,
            Attributes = item.Attributes,
        }) + "</div>";
    }
}

/// <summary>
/// <c>&lt;govuk-date-input asp-for="DateOfBirth" legend hint /&gt;</c>: day, month and year inputs named
/// <c>{name}-day</c> etc., bound back by <see cref="DateInputModelBinder"/>. Errors highlight the parts in error.
/// </summary>
[HtmlTargetElement("govuk-date-input", TagStructure = TagStructure.NormalOrSelfClosing)]
public sealed class GovUkDateInputTagHelper : GovUkFieldsetFieldTagHelper
{
    [HtmlAttributeName("id")]
    public string? Id { get; set; }

    /// <summary>Sets the date shown when there is no asp-for.</summary>
    [HtmlAttributeName("value")]
    public DateOnly? Value { get; set; }

    protected override Task<string?> RenderAsync(TagHelperContext context, TagHelperOutput output)
    {
        var binding = FieldBinding.From(For, ViewContext);
        var name = Name ?? binding?.Name;
        var id = Id ?? binding?.Id ?? name;
        var error = Error(binding);

        var typed = DateInputParts.Names
            .Select(p => ViewContext is not null && name is not null && ViewContext.ViewData.ModelState.TryGetValue($"{name}-{p}", out var e) ? e.AttemptedValue : null)
            .ToArray();
        string?[] values;
        IReadOnlyList<string> invalid = [];
        if (typed.Any(t => t is not null))
        {
            values = typed;
            if (error is not null)
            {
                invalid = DateInputParts.Parse(typed[0], typed[1], typed[2], string.Empty).InvalidParts;
            }
        }
        else
        {
            var date = Value ?? For?.Model as DateOnly?;
            values = date is { } d ? [d.Day.ToString(CultureInfo.InvariantCulture), d.Month.ToString(CultureInfo.InvariantCulture), d.Year.ToString(CultureInfo.InvariantCulture)] : [null, null, null];
        }

        DateInputItem Part(int i) => new()
        {
            Name = DateInputParts.Names[i],
            Value = values[i],
            Error = invalid.Count == 0 ? null : invalid.Contains(DateInputParts.Names[i]),
            Classes = i == 2 ? "govuk-input--width-4" : "govuk-input--width-2",
        };

        return Task.FromResult<string?>(GovUkDateInputRenderer.Render(new DateInputOptions
        {
            Id = id,
            NamePrefix = name,
            Items = [Part(0), Part(1), Part(2)],
            Fieldset = Fieldset(binding),
            Hint = HintOptions,
            ErrorMessage = error,
            Classes = Classes,
            Attributes = Attributes,
        }));
    }
}
