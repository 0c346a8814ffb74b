using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguarding.Web.GovUk;

public class HintOptions : TextOrHtml
{
    public string? Id { get; set; }
    public string? Classes { get; set; }
    public GovUkAttributes? Attributes { get; set; }
}

public static class GovUkHintRenderer
{
    public static string Render(HintOptions o) =>
        $"<div{Markup.Attr("id", o.Id)} class=\"{Markup.Classes("govuk-hint", o.Classes)}\"{Markup.Attributes(o.Attributes)}>{Markup.Content(o)}</div>";
}

/// <summary><c>&lt;govuk-hint id&gt;…&lt;/govuk-hint&gt;</c></summary>
[HtmlTargetElement("govuk-hint")]
public sealed class GovUkHintTagHelper : GovUkTagHelper
{
    [HtmlAttributeName("id")]
    public string? Id { get; set; }

    protected override async Task<string?> RenderAsync(TagHelperContext context, TagHelperOutput output) =>
        GovUkHintRenderer.Render(new HintOptions { Id = Id, Html = await ChildHtmlAsync(output), Classes = Classes, Attributes = Attributes });
}
