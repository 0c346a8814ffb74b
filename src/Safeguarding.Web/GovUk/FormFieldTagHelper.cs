using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguarding.Web.GovUk;

/// <summary>
/// Attributes shared by the single-field components (input, textarea, select, character count).
/// With <c>asp-for</c> the name, id, value, label and ModelState error come from the model.
/// </summary>
public abstract class GovUkFieldTagHelper : GovUkTagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression? For { get; set; }

    [HtmlAttributeName("name")]
    public string? Name { get; set; }

    [HtmlAttributeName("id")]
    public string? Id { get; set; }

    [HtmlAttributeName("value")]
    public string? Value { get; set; }

    /// <summary>Label text; defaults to the property's display name.</summary>
    [HtmlAttributeName("label")]
    public string? Label { get; set; }

    [HtmlAttributeName("label-class")]
    public string? LabelClass { get; set; }

    [HtmlAttributeName("label-is-page-heading")]
    public bool LabelIsPageHeading { get; set; }

    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    /// <summary>Overrides the ModelState error for this field.</summary>
    [HtmlAttributeName("error-message")]
    public string? ErrorMessage { get; set; }

    [HtmlAttributeName("disabled")]
    public bool Disabled { get; set; }

    [HtmlAttributeName("autocomplete")]
    public string? Autocomplete { get; set; }

    [HtmlAttributeName("spellcheck")]
    public bool? Spellcheck { get; set; }

    protected FieldBinding? Binding => FieldBinding.From(For, ViewContext);

    protected (string? Name, string? Id, string? Value, LabelOptions Label, HintOptions? Hint, ErrorMessageOptions? Error) Field()
    {
        var binding = Binding;
        var error = ErrorMessage ?? binding?.Error;
        return (
            Name ?? binding?.Name,
            Id ?? binding?.Id,
            Value ?? binding?.Value,
            new LabelOptions { Text = Label ?? binding?.DisplayName, Classes = LabelClass, IsPageHeading = LabelIsPageHeading },
            Text(Hint) is { } hint ? new HintOptions { Text = hint } : null,
            Text(error) is { } e ? new ErrorMessageOptions { Text = e } : null);
    }
}

/// <summary>Attributes shared by components wrapped in a fieldset (radios, checkboxes, date input).</summary>
public abstract class GovUkFieldsetFieldTagHelper : GovUkTagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression? For { get; set; }

    [HtmlAttributeName("name")]
    public string? Name { get; set; }

    /// <summary>Legend text; without it (and without asp-for) no fieldset is rendered.</summary>
    [HtmlAttributeName("legend")]
    public string? Legend { get; set; }

    [HtmlAttributeName("legend-class")]
    public string? LegendClass { get; set; }

    [HtmlAttributeName("legend-is-page-heading")]
    public bool LegendIsPageHeading { get; set; }

    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    [HtmlAttributeName("error-message")]
    public string? ErrorMessage { get; set; }

    protected FieldsetOptions? Fieldset(FieldBinding? binding)
    {
        var legend = Legend ?? binding?.DisplayName;
        return legend is null ? null : new FieldsetOptions
        {
            Legend = new LegendOptions { Text = legend, Classes = LegendClass, IsPageHeading = LegendIsPageHeading },
        };
    }

    protected HintOptions? HintOptions => Text(Hint) is { } hint ? new HintOptions { Text = hint } : null;

    protected ErrorMessageOptions? Error(FieldBinding? binding) =>
        Text(ErrorMessage ?? binding?.Error) is { } e ? new ErrorMessageOptions { Text = e } : null;
}
