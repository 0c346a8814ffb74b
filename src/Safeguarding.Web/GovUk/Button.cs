using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguarding.Web.GovUk;

public class ButtonOptions : TextOrHtml
{
    /// <summary>When set, renders a link styled as a button.</summary>
    public string? Href { get; set; }
    public string? Type { get; set; }
    public string? Name { get; set; }
    public string? Value { get; set; }
    public bool Disabled { get; set; }
    public string? Id { get; set; }
    public string? Classes { get; set; }
    public bool IsStartButton { get; set; }
    public bool? PreventDoubleClick { get; set; }
    public GovUkAttributes? Attributes { get; set; }
}

public static class GovUkButtonRenderer
{
    private const string StartIcon =
        "<svg class=\"govuk-button__start-icon\" xmlns=\"http://www.w3.org/2000/svg\" width=\"17.5\" height=\"19\" viewBox=\"0 0 33 40\" aria-hidden=\"true\" focusable=\"false\"><path fill=\"currentColor\" d=\"M0 0h13l20 20-20 20H0l20-20z\"/></svg>";

    public static string Render(ButtonOptions o)
    {
        var classes = Markup.Classes("govuk-button", o.Classes, o.IsStartButton ? "govuk-button--start" : null);
        var common = $" class=\"{classes}\" data-module=\"govuk-button\"{Markup.Attributes(o.Attributes)}{Markup.Attr("id", o.Id)}";

        // Start buttons use flexbox, which drops whitespace between inline elements, so HTML is wrapped.
        var text = Markup.Has(o.Html) && o.IsStartButton ? $"<span>{o.Html!.Trim()}</span>" : Markup.Content(o);
        var icon = o.IsStartButton ? StartIcon : string.Empty;

        if (Markup.Has(o.Href))
        {
            return $"<a href=\"{Markup.Encode(o.Href)}\" role=\"button\" draggable=\"false\"{common}>{text}{icon}</a>";
        }

        var type = Markup.Has(o.Type) ? o.Type : "submit";
        var preventDoubleClick = o.PreventDoubleClick is { } p ? $" data-prevent-double-click=\"{(p ? "true" : "false")}\"" : string.Empty;
        return $"<button type=\"{Markup.Encode(type)}\"{Markup.Attr("value", o.Value)}{Markup.Attr("name", o.Name)}{(o.Disabled ? " disabled aria-disabled=\"true\"" : string.Empty)}{preventDoubleClick}{common}>{text}{icon}</button>";
    }
}

/// <summary><c>&lt;govuk-button href type name value disabled prevent-double-click is-start-button&gt;Save&lt;/govuk-button&gt;</c></summary>
[HtmlTargetElement("govuk-button")]
public sealed class GovUkButtonTagHelper : GovUkTagHelper
{
    [HtmlAttributeName("href")]
    public string? Href { get; set; }

    [HtmlAttributeName("type")]
    public string? Type { get; set; }

    [HtmlAttributeName("name")]
    public string? Name { get; set; }

    [HtmlAttributeName("value")]
    public string? Value { get; set; }

    [HtmlAttributeName("id")]
    public string? Id { get; set; }

    [HtmlAttributeName("disabled")]
    public bool Disabled { get; set; }

    [HtmlAttributeName("is-start-button")]
    public bool IsStartButton { get; set; }

    [HtmlAttributeName("prevent-double-click")]
    public bool? PreventDoubleClick { get; set; }

    protected override async Task<string?> RenderAsync(TagHelperContext context, TagHelperOutput output) =>
        GovUkButtonRenderer.Render(new ButtonOptions
        {
            Html = await ChildHtmlAsync(output),
            Href = Href,
            Type = Type,
            Name = Name,
            Value = Value,
            Id = Id,
            Disabled = Disabled,
            IsStartButton = IsStartButton,
            PreventDoubleClick = PreventDoubleClick,
            Classes = Classes,
            Attributes = Attributes,
        });
}
