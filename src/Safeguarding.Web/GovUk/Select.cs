using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguarding.Web.GovUk;

public class SelectItem
{
    /// <summary>Null leaves the value attribute off, so the option's text is its value.</summary>
    public string? Value { get; set; }
    public string? Text { get; set; }
    public bool? Selected { get; set; }
    public bool Disabled { get; set; }
    public GovUkAttributes? Attributes { get; set; }
}

public class SelectOptions
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public List<SelectItem?>? Items { get; set; }
    public string? Value { get; set; }
    public bool Disabled { get; set; }
    public string? DescribedBy { get; set; }
    public LabelOptions? Label { get; set; }
    public HintOptions? Hint { get; set; }
    public ErrorMessageOptions? ErrorMessage { get; set; }
    public FormGroupOptions? FormGroup { get; set; }
    public string? Classes { get; set; }
    public GovUkAttributes? Attributes { get; set; }
}

public static class GovUkSelectRenderer
{
    public static string Render(SelectOptions o)
    {
        var id = Markup.Has(o.Id) ? o.Id : o.Name;
        var describedBy = o.DescribedBy ?? string.Empty;
        var hasError = o.ErrorMessage is not null;

        var html = FormField.OpenGroup(o.FormGroup, hasError) + FormField.Label(o.Label, id);
        html += FormField.HintAndError(id, o.Hint, o.ErrorMessage, ref describedBy);
        if (o.FormGroup?.BeforeInput is { } before)
        {
            html += Markup.Content(before);
        }

        html += $"<select class=\"{Markup.Classes("govuk-select", o.Classes, hasError ? "govuk-select--error" : null)}\" id=\"{Markup.Encode(id)}\" name=\"{Markup.Encode(o.Name)}\""
            + (o.Disabled ? " disabled" : string.Empty)
            + Markup.Attr("aria-describedby", describedBy)
            + Markup.Attributes(o.Attributes) + ">";

        foreach (var item in o.Items ?? [])
        {
            if (item is null)
            {
                continue;
            }

            // Options without a value are matched on their text, as the browser would submit it.
            var effectiveValue = item.Value ?? item.Text;
            var selected = item.Selected ?? (Markup.Has(o.Value) && effectiveValue == o.Value);
            html += "<option" + Markup.OptAttr("value", item.Value)
                + (selected ? " selected" : string.Empty)
                + (item.Disabled ? " disabled" : string.Empty)
                + Markup.Attributes(item.Attributes) + $">{Markup.Encode(item.Text)}</option>";
        }

        html += "</select>";
        if (o.FormGroup?.AfterInput is { } after)
        {
            html += Markup.Content(after);
        }

        return html + "</div>";
    }
}

/// <summary>
/// <c>&lt;govuk-select asp-for="Agency" asp-items="Model.Agencies" label hint&gt;</c>, and/or
/// <c>&lt;govuk-select-item value disabled&gt;Text&lt;/govuk-select-item&gt;</c> children.
/// </summary>
[HtmlTargetElement("govuk-select")]
public sealed class GovUkSelectTagHelper : GovUkFieldTagHelper
{
    [HtmlAttributeName("asp-items")]
    public IEnumerable<SelectListItem>? Items { get; set; }

    protected override async Task<string?> RenderAsync(TagHelperContext context, TagHelperOutput output)
    {
        var items = (Items ?? []).Select(i => (SelectItem?)new SelectItem { Value = i.Value, Text = i.Text, Disabled = i.Disabled, Selected = i.Selected ? true : null }).ToList();
        context.Items[typeof(List<SelectItem?>)] = items;
        await output.GetChildContentAsync();
        var f = Field();
        return GovUkSelectRenderer.Render(new SelectOptions
        {
            Name = f.Name,
            Id = f.Id,
            Value = f.Value,
            Label = f.Label,
            Hint = f.Hint,
            ErrorMessage = f.Error,
            Items = items,
            Disabled = Disabled,
            Classes = Classes,
            Attributes = Attributes,
        });
    }
}

[HtmlTargetElement("govuk-select-item", ParentTag = "govuk-select")]
public sealed class GovUkSelectItemTagHelper : GovUkChildTagHelper<List<SelectItem?>>
{
    [HtmlAttributeName("value")]
    public string? Value { get; set; }

    [HtmlAttributeName("selected")]
    public bool? Selected { get; set; }

    [HtmlAttributeName("disabled")]
    public bool Disabled { get; set; }

    protected override async Task CollectAsync(List<SelectItem?> parent, TagHelperContext context, TagHelperOutput output)
    {
        var text = (await output.GetChildContentAsync()).GetContent(System.Text.Encodings.Web.HtmlEncoder.Default);

        // Option text is plain text; Razor content is already encoded, so decode before the renderer encodes.
        parent.Add(new SelectItem { Value = Value, Text = System.Net.WebUtility.HtmlDecode(text).Trim(), Selected = Selected, Disabled = Disabled });
    }
}
