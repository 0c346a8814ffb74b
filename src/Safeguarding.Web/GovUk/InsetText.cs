using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguarding.Web.GovUk;

public class InsetTextOptions : TextOrHtml
{
    public string? Id { get; set; }
    public string? Classes { get; set; }
    public GovUkAttributes? Attributes { get; set; }
}

public static class GovUkInsetTextRenderer
{
    public static string Render(InsetTextOptions o) =>
        $"<div{Markup.Attr("id", o.Id)} class=\"{Markup.Classes("govuk-inset-text", o.Classes)}\"{Markup.Attributes(o.Attributes)}>{Markup.Content(o)}</div>";
}

/// <summary><c>&lt;govuk-inset-text id&gt;…&lt;/govuk-inset-text&gt;</c></summary>
[HtmlTargetElement("govuk-inset-text")]
public sealed class GovUkInsetTextTagHelper : GovUkTagHelper
{
    [HtmlAttributeName("id")]
    public string? Id { get; set; }

    protected override async Task<string?> RenderAsync(TagHelperContext context, TagHelperOutput output) =>
        GovUkInsetTextRenderer.Render(new InsetTextOptions { Id = Id, Html = await ChildHtmlAsync(output), Classes = Classes, Attributes = Attributes });
}
