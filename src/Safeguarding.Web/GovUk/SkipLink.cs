using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguarding.Web.GovUk;

public class SkipLinkOptions : TextOrHtml
{
    public string? Href { get; set; }
    public string? Classes { get; set; }
    public GovUkAttributes? Attributes { get; set; }
}

public static class GovUkSkipLinkRenderer
{
    public static string Render(SkipLinkOptions o) =>
        $"<a href=\"{Markup.Encode(Markup.Has(o.Href) ? o.Href : "#content")}\" class=\"{Markup.Classes("govuk-skip-link", o.Classes)}\"{Markup.Attributes(o.Attributes)} data-module=\"govuk-skip-link\">{Markup.Content(o)}</a>";
}

/// <summary><c>&lt;govuk-skip-link href="#main-content"&gt;Skip to main content&lt;/govuk-skip-link&gt;</c></summary>
[HtmlTargetElement("govuk-skip-link")]
public sealed class GovUkSkipLinkTagHelper : GovUkTagHelper
{
    [HtmlAttributeName("href")]
    public string? Href { get; set; }

    protected override async Task<string?> RenderAsync(TagHelperContext context, TagHelperOutput output) =>
        GovUkSkipLinkRenderer.Render(new SkipLinkOptions { Href = Href, Html = await ChildHtmlAsync(output) ?? "Skip to main content", Classes = Classes, Attributes = Attributes });
}
