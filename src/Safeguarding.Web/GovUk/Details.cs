using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguarding.Web.GovUk;

public class DetailsOptions : TextOrHtml
{
    public string? SummaryText { get; set; }
    public string? SummaryHtml { get; set; }
    public string? Id { get; set; }
    public bool Open { get; set; }
    public string? Classes { get; set; }
    public GovUkAttributes? Attributes { get; set; }
}

public static class GovUkDetailsRenderer
{
    public static string Render(DetailsOptions o) =>
        $"<details{Markup.Attr("id", o.Id)} class=\"{Markup.Classes("govuk-details", o.Classes)}\"{Markup.Attributes(o.Attributes)}{(o.Open ? " open" : string.Empty)}>"
        + $"<summary class=\"govuk-details__summary\"><span class=\"govuk-details__summary-text\">{Markup.Content(o.SummaryText, o.SummaryHtml)}</span></summary>"
        + $"<div class=\"govuk-details__text\">{Markup.Content(o)}</div></details>";
}

/// <summary><c>&lt;govuk-details summary="Help with …" open id&gt;…&lt;/govuk-details&gt;</c></summary>
[HtmlTargetElement("govuk-details")]
public sealed class GovUkDetailsTagHelper : GovUkTagHelper
{
    [HtmlAttributeName("summary")]
    public string? Summary { get; set; }

    [HtmlAttributeName("open")]
    public bool Open { get; set; }

    [HtmlAttributeName("id")]
    public string? Id { get; set; }

    protected override async Task<string?> RenderAsync(TagHelperContext context, TagHelperOutput output) =>
        GovUkDetailsRenderer.Render(new DetailsOptions { SummaryText = Summary, Open = Open, Id = Id, Html = await ChildHtmlAsync(output), Classes = Classes, Attributes = Attributes });
}
