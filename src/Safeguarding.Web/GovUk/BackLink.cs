using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguarding.Web.GovUk;

public class BackLinkOptions : TextOrHtml
{
    public string? Href { get; set; }
    public string? Classes { get; set; }
    public GovUkAttributes? Attributes { get; set; }
}

public static class GovUkBackLinkRenderer
{
    public static string Render(BackLinkOptions o) =>
        $"<a href=\"{Markup.Encode(Markup.Has(o.Href) ? o.Href : "#")}\" class=\"{Markup.Classes("govuk-back-link", o.Classes)}\"{Markup.Attributes(o.Attributes)}>"
        + (Markup.Has(o.Html) ? o.Html : Markup.Encode(Markup.Has(o.Text) ? o.Text : "Back")) + "</a>";
}

/// <summary><c>&lt;govuk-back-link href="…" /&gt;</c>; content replaces the default "Back".</summary>
[HtmlTargetElement("govuk-back-link", TagStructure = TagStructure.NormalOrSelfClosing)]
public sealed class GovUkBackLinkTagHelper : GovUkTagHelper
{
    [HtmlAttributeName("href")]
    public string? Href { get; set; }

    protected override async Task<string?> RenderAsync(TagHelperContext context, TagHelperOutput output) =>
        GovUkBackLinkRenderer.Render(new BackLinkOptions { Href = Href, Html = await ChildHtmlAsync(output), Classes = Classes, Attributes = Attributes });
}
