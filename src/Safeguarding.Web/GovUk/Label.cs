using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguarding.Web.GovUk;

public class LabelOptions : TextOrHtml
{
    public string? For { get; set; }
    public string? Classes { get; set; }
    public bool IsPageHeading { get; set; }
    public GovUkAttributes? Attributes { get; set; }
}

public static class GovUkLabelRenderer
{
    public static string Render(LabelOptions? o)
    {
        if (o is null || !o.HasContent)
        {
            return string.Empty;
        }

        var label = $"<label class=\"{Markup.Classes("govuk-label", o.Classes)}\"{Markup.Attributes(o.Attributes)}{Markup.Attr("for", o.For)}>{Markup.Content(o)}</label>";
        return o.IsPageHeading ? $"<h1 class=\"govuk-label-wrapper\">{label}</h1>" : label;
    }
}

/// <summary><c>&lt;govuk-label for is-page-heading&gt;…&lt;/govuk-label&gt;</c>, or <c>asp-for</c> for the id and display name.</summary>
[HtmlTargetElement("govuk-label")]
public sealed class GovUkLabelTagHelper : GovUkTagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression? For { get; set; }

    [HtmlAttributeName("for")]
    public string? ForId { get; set; }

    [HtmlAttributeName("is-page-heading")]
    public bool IsPageHeading { get; set; }

    protected override async Task<string?> RenderAsync(TagHelperContext context, TagHelperOutput output)
    {
        var binding = FieldBinding.From(For, ViewContext);
        return GovUkLabelRenderer.Render(new LabelOptions
        {
            For = ForId ?? binding?.Id,
            Html = await ChildHtmlAsync(output),
            Text = binding?.DisplayName,
            IsPageHeading = IsPageHeading,
            Classes = Classes,
            Attributes = Attributes,
        });
    }
}
