using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguarding.Web.GovUk;

public class TextareaOptions
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public bool? Spellcheck { get; set; }
    public int? Rows { get; set; }
    public string? Value { get; set; }
    public bool Disabled { get; set; }
    public string? DescribedBy { get; set; }
    public LabelOptions? Label { get; set; }
    public HintOptions? Hint { get; set; }
    public ErrorMessageOptions? ErrorMessage { get; set; }
    public FormGroupOptions? FormGroup { get; set; }
    public string? Classes { get; set; }
    public string? Autocomplete { get; set; }
    public GovUkAttributes? Attributes { get; set; }
}

public static class GovUkTextareaRenderer
{
    public static string Render(TextareaOptions o) => Render(o, null);

    /// <param name="formGroupAttributes">Pre-rendered form group attributes (character count needs its own).</param>
    internal static string Render(TextareaOptions o, string? formGroupAttributes)
    {
        var id = Markup.Has(o.Id) ? o.Id : o.Name;
        var describedBy = o.DescribedBy ?? string.Empty;
        var hasError = o.ErrorMessage is not null;

        var html = FormField.OpenGroup(o.FormGroup, hasError, null, formGroupAttributes) + FormField.Label(o.Label, id);
        html += FormField.HintAndError(id, o.Hint, o.ErrorMessage, ref describedBy);
        if (o.FormGroup?.BeforeInput is { } before)
        {
            html += Markup.Content(before);
        }

        var rows = o.Rows is > 0 ? o.Rows.Value : 5;
        html += $"<textarea class=\"{Markup.Classes("govuk-textarea", hasError ? "govuk-textarea--error" : null, o.Classes)}\" id=\"{Markup.Encode(id)}\" name=\"{Markup.Encode(o.Name)}\" rows=\"{rows}\""
            + (o.Spellcheck is { } s ? $" spellcheck=\"{(s ? "true" : "false")}\"" : string.Empty)
            + (o.Disabled ? " disabled" : string.Empty)
            + Markup.Attr("aria-describedby", describedBy)
            + Markup.Attr("autocomplete", o.Autocomplete)
            + Markup.Attributes(o.Attributes)
            + $">{Markup.Encode(o.Value)}</textarea>";

        if (o.FormGroup?.AfterInput is { } after)
        {
            html += Markup.Content(after);
        }

        return html + "</div>";
    }
}

/// <summary><c>&lt;govuk-textarea asp-for="Details" label hint rows /&gt;</c></summary>
[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.NormalOrSelfClosing)]
public sealed class GovUkTextareaTagHelper : GovUkFieldTagHelper
{
    [HtmlAttributeName("rows")]
    public int? Rows { get; set; }

    protected override Task<string?> RenderAsync(TagHelperContext context, TagHelperOutput output)
    {
        var f = Field();
        return Task.FromResult<string?>(GovUkTextareaRenderer.Render(new TextareaOptions
        {
            Name = f.Name,
            Id = f.Id,
            Value = f.Value,
            Label = f.Label,
            Hint = f.Hint,
            ErrorMessage = f.Error,
            Rows = Rows,
            Autocomplete = Autocomplete,
            Spellcheck = Spellcheck,
            Disabled = Disabled,
            Classes = Classes,
            Attributes = Attributes,
        }));
    }
}
