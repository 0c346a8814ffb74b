using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguarding.Web.GovUk;

public class WarningTextOptions : TextOrHtml
{
    public string? IconFallbackText { get; set; }
    public string? Classes { get; set; }
    public GovUkAttributes? Attributes { get; set; }
}

public static class GovUkWarningTextRenderer
{
    public static string Render(WarningTextOptions o) =>
        $"<div class=\"{Markup.Classes("govuk-warning-text", o.Classes)}\"{Markup.Attributes(o.Attributes)}>"
        + "<span class=\"govuk-warning-text__icon\" aria-hidden=\"true\">!</span>"
        + $"<strong class=\"govuk-warning-text__text\"><span class=\"govuk-visually-hidden\">{Markup.Encode(Markup.Has(o.IconFallbackText) ? o.IconFallbackText : "Warning")}</span>{Markup.Content(o)}</strong></div>";
}

/// <summary><c>&lt;govuk-warning-text icon-fallback-text="Warning"&gt;…&lt;/govuk-warning-text&gt;</c></summary>
[HtmlTargetElement("govuk-warning-text")]
public sealed class GovUkWarningTextTagHelper : GovUkTagHelper
{
    [HtmlAttributeName("icon-fallback-text")]
    public string? IconFallbackText { get; set; }

    protected override async Task<string?> RenderAsync(TagHelperContext context, TagHelperOutput output) =>
        GovUkWarningTextRenderer.Render(new WarningTextOptions { IconFallbackText = IconFallbackText, Html = await ChildHtmlAsync(output), Classes = Classes, Attributes = Attributes });
}
