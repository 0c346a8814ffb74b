using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguarding.Web.GovUk;

public class TagOptions : TextOrHtml
{
    public string? Classes { get; set; }
    public GovUkAttributes? Attributes { get; set; }
}

public static class GovUkTagRenderer
{
    public static string Render(TagOptions o) =>
        $"<strong class=\"{Markup.Classes("govuk-tag", o.Classes)}\"{Markup.Attributes(o.Attributes)}>{Markup.Content(o)}</strong>";
}

/// <summary><c>&lt;govuk-tag class="govuk-tag--blue"&gt;Open&lt;/govuk-tag&gt;</c></summary>
[HtmlTargetElement("govuk-tag")]
public sealed class GovUkTagTagHelper : GovUkTagHelper
{
    protected override async Task<string?> RenderAsync(TagHelperContext context, TagHelperOutput output) =>
        GovUkTagRenderer.Render(new TagOptions { Html = await ChildHtmlAsync(output), Classes = Classes, Attributes = Attributes });
}
