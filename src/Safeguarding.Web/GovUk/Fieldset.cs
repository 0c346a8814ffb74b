using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguarding.Web.GovUk;

public class LegendOptions : TextOrHtml
{
    public string? Classes { get; set; }
    public bool IsPageHeading { get; set; }
}

public class FieldsetOptions
{
    public string? DescribedBy { get; set; }
    public LegendOptions? Legend { get; set; }
    public string? Classes { get; set; }
    public string? Role { get; set; }
    public GovUkAttributes? Attributes { get; set; }

    /// <summary>Trusted inner markup.</summary>
    public string? Html { get; set; }
}

public static class GovUkFieldsetRenderer
{
    public static string Render(FieldsetOptions o)
    {
        var legend = string.Empty;
        if (o.Legend is { HasContent: true } l)
        {
            var content = Markup.Content(l);
            legend = $"<legend class=\"{Markup.Classes("govuk-fieldset__legend", l.Classes)}\">"
                + (l.IsPageHeading ? $"<h1 class=\"govuk-fieldset__heading\">{content}</h1>" : content)
                + "</legend>";
        }

        return $"<fieldset class=\"{Markup.Classes("govuk-fieldset", o.Classes)}\"{Markup.Attr("role", o.Role)}{Markup.Attr("aria-describedby", o.DescribedBy)}{Markup.Attributes(o.Attributes)}>"
            + legend + (o.Html ?? string.Empty) + "</fieldset>";
    }
}

/// <summary><c>&lt;govuk-fieldset legend legend-class legend-is-page-heading described-by role&gt;…&lt;/govuk-fieldset&gt;</c></summary>
[HtmlTargetElement("govuk-fieldset")]
public sealed class GovUkFieldsetTagHelper : GovUkTagHelper
{
    [HtmlAttributeName("legend")]
    public string? Legend { get; set; }

    [HtmlAttributeName("legend-class")]
    public string? LegendClass { get; set; }

    [HtmlAttributeName("legend-is-page-heading")]
    public bool LegendIsPageHeading { get; set; }

    [HtmlAttributeName("described-by")]
    public string? DescribedBy { get; set; }

    [HtmlAttributeName("role")]
    public string? Role { get; set; }

    protected override async Task<string?> RenderAsync(TagHelperContext context, TagHelperOutput output) =>
        GovUkFieldsetRenderer.Render(new FieldsetOptions
        {
            Legend = Legend is null ? null : new LegendOptions { Text = Legend, Classes = LegendClass, IsPageHeading = LegendIsPageHeading },
            DescribedBy = DescribedBy,
            Role = Role,
            Html = await ChildHtmlAsync(output),
            Classes = Classes,
            Attributes = Attributes,
        });
}
