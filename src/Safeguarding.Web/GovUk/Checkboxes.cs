using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguarding.Web.GovUk;

public static class GovUkCheckboxesRenderer
{
    public static string Render(CheckboxesOptions o) =>
        ChoiceRenderer.Render(o, "checkboxes", item => item.Checked ?? (o.Values is not null && item.Value is not null && o.Values.Contains(item.Value)));
}

/// <summary>
/// <c>&lt;govuk-checkboxes asp-for="Concerns" legend hint&gt;</c> with <c>&lt;govuk-checkboxes-item value behaviour&gt;</c>,
/// <c>&lt;govuk-checkboxes-item-conditional&gt;</c> and <c>&lt;govuk-checkboxes-divider&gt;</c>.
/// Bind to a collection (checked when it contains the value) or a bool (one checkbox, value "true").
/// </summary>
[HtmlTargetElement("govuk-checkboxes")]
public sealed class GovUkCheckboxesTagHelper : GovUkChoiceTagHelper
{
    protected override async Task<string?> RenderAsync(TagHelperContext context, TagHelperOutput output)
    {
        var (options, _) = await CollectAsync<CheckboxesOptions>(context, output);
        ((CheckboxesOptions)options).Values = BoundValues();
        return GovUkCheckboxesRenderer.Render((CheckboxesOptions)options);
    }

    private List<string>? BoundValues()
    {
        if (For is null)
        {
            return null;
        }

        var name = ViewContext?.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name) ?? For.Name;
        if (ViewContext?.ViewData.ModelState.TryGetValue(name, out var entry) == true && entry.RawValue is not null)
        {
            return entry.RawValue is string[] raw ? [.. raw] : [entry.AttemptedValue ?? string.Empty];
        }

        return For.Model switch
        {
            null => null,
            string s => [s],
            System.Collections.IEnumerable values => [.. values.Cast<object?>().Select(FieldBinding.Format).OfType<string>()],
            var single => FieldBinding.Format(single) is { } v ? [v] : null,
        };
    }
}

[HtmlTargetElement("govuk-checkboxes-item", ParentTag = "govuk-checkboxes")]
public sealed class GovUkCheckboxesItemTagHelper : GovUkChoiceItemTagHelper
{
    /// <summary>"exclusive" for a "None of these" box that clears the others (with JavaScript).</summary>
    [HtmlAttributeName("behaviour")]
    public string? BehaviourAttribute { get; set; }

    protected override string? Behaviour => BehaviourAttribute;
}

[HtmlTargetElement("govuk-checkboxes-item-conditional", ParentTag = "govuk-checkboxes-item")]
public sealed class GovUkCheckboxesItemConditionalTagHelper : GovUkChoiceConditionalTagHelper;

[HtmlTargetElement("govuk-checkboxes-divider", ParentTag = "govuk-checkboxes")]
public sealed class GovUkCheckboxesDividerTagHelper : GovUkChoiceDividerTagHelper;
