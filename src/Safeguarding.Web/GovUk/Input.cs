using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguarding.Web.GovUk;

public class InputAffixOptions : TextOrHtml
{
    public string? Classes { get; set; }
    public GovUkAttributes? Attributes { get; set; }
}

public class InputWrapperOptions
{
    public string? Classes { get; set; }
    public GovUkAttributes? Attributes { get; set; }
}

public class InputOptions
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Type { get; set; }
    public string? Inputmode { get; set; }
    public string? Value { get; set; }
    public bool Disabled { get; set; }
    public string? DescribedBy { get; set; }
    public LabelOptions? Label { get; set; }
    public HintOptions? Hint { get; set; }
    public ErrorMessageOptions? ErrorMessage { get; set; }
    public InputAffixOptions? Prefix { get; set; }
    public InputAffixOptions? Suffix { get; set; }
    public FormGroupOptions? FormGroup { get; set; }
    public string? Classes { get; set; }
    public string? Autocomplete { get; set; }
    public string? Pattern { get; set; }
    public bool? Spellcheck { get; set; }
    public string? Autocapitalize { get; set; }
    public InputWrapperOptions? InputWrapper { get; set; }
    public GovUkAttributes? Attributes { get; set; }
}

public static class GovUkInputRenderer
{
    public static string Render(InputOptions o)
    {
        var id = Markup.Has(o.Id) ? o.Id : o.Name;
        var describedBy = Markup.Has(o.DescribedBy) ? o.DescribedBy! : string.Empty;
        var hasError = o.ErrorMessage is not null;

        var html = FormField.OpenGroup(o.FormGroup, hasError) + FormField.Label(o.Label, id);
        html += FormField.HintAndError(id, o.Hint, o.ErrorMessage, ref describedBy);

        var input = "<input" + Markup.Attributes(
        [
            new("class", "govuk-input" + (Markup.Has(o.Classes) ? " " + o.Classes : string.Empty) + (hasError ? " govuk-input--error" : string.Empty)),
            new("id", id),
            new("name", o.Name),
            new("type", Markup.Has(o.Type) ? o.Type : "text"),
            new("spellcheck", o.Spellcheck is { } s ? (s ? "true" : "false") : null, true),
            new("value", o.Value, true),
            new("disabled", o.Disabled, true),
            new("aria-describedby", Markup.Has(describedBy) ? describedBy : null, true),
            new("autocomplete", o.Autocomplete, true),
            new("autocapitalize", o.Autocapitalize, true),
            new("pattern", o.Pattern, true),
            new("inputmode", o.Inputmode, true),
        ]) + Markup.Attributes(o.Attributes) + ">";

        var before = o.FormGroup?.BeforeInput is { HasContent: true } b ? Markup.Content(b) : null;
        var after = o.FormGroup?.AfterInput is { HasContent: true } a ? Markup.Content(a) : null;
        var hasPrefix = o.Prefix is { HasContent: true };
        var hasSuffix = o.Suffix is { HasContent: true };
        if (hasPrefix || hasSuffix || before is not null || after is not null)
        {
            html += $"<div class=\"{Markup.Classes("govuk-input__wrapper", o.InputWrapper?.Classes)}\"{Markup.Attributes(o.InputWrapper?.Attributes)}>"
                + before
                + (hasPrefix ? Affix(o.Prefix!, "prefix") : null)
                + input
                + (hasSuffix ? Affix(o.Suffix!, "suffix") : null)
                + after
                + "</div>";
        }
        else
        {
            html += input;
        }

        return html + "</div>";
    }

    private static string Affix(InputAffixOptions a, string type) =>
        $"<div class=\"{Markup.Classes("govuk-input__" + type, a.Classes)}\" aria-hidden=\"true\"{Markup.Attributes(a.Attributes)}>{Markup.Content(a)}</div>";
}

/// <summary><c>&lt;govuk-input asp-for="Name" label hint type inputmode prefix suffix autocomplete /&gt;</c></summary>
[HtmlTargetElement("govuk-input", TagStructure = TagStructure.NormalOrSelfClosing)]
public sealed class GovUkInputTagHelper : GovUkFieldTagHelper
{
    [HtmlAttributeName("type")]
    public string? Type { get; set; }

    [HtmlAttributeName("inputmode")]
    public string? Inputmode { get; set; }

    [HtmlAttributeName("pattern")]
    public string? Pattern { get; set; }

    [HtmlAttributeName("autocapitalize")]
    public string? Autocapitalize { get; set; }

    [HtmlAttributeName("prefix")]
    public string? Prefix { get; set; }

    [HtmlAttributeName("suffix")]
    public string? Suffix { get; set; }

    protected override Task<string?> RenderAsync(TagHelperContext context, TagHelperOutput output)
    {
        var f = Field();
        return Task.FromResult<string?>(GovUkInputRenderer.Render(new InputOptions
        {
            Name = f.Name,
            Id = f.Id,
            Value = f.Value,
            Label = f.Label,
            Hint = f.Hint,
            ErrorMessage = f.Error,
            Type = Type,
            Inputmode = Inputmode,
            Pattern = Pattern,
            Autocapitalize = Autocapitalize,
            Autocomplete = Autocomplete,
            Spellcheck = Spellcheck,
            Disabled = Disabled,
            Prefix = Text(Prefix) is { } p ? new InputAffixOptions { Text = p } : null,
            Suffix = Text(Suffix) is { } s ? new InputAffixOptions { Text = s } : null,
            Classes = Classes,
            Attributes = Attributes,
        }));
    }
}
