using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguarding.Web.GovUk;

public class BreadcrumbsItem : TextOrHtml
{
    /// <summary>Without an href the item is the current page.</summary>
    public string? Href { get; set; }
    public GovUkAttributes? Attributes { get; set; }
}

public class BreadcrumbsOptions
{
    public List<BreadcrumbsItem?>? Items { get; set; }
    public bool CollapseOnMobile { get; set; }
    public string? LabelText { get; set; }
    public string? Classes { get; set; }
    public GovUkAttributes? Attributes { get; set; }
}

public static class GovUkBreadcrumbsRenderer
{
    public static string Render(BreadcrumbsOptions o)
    {
        var html = $"<nav class=\"{Markup.Classes("govuk-breadcrumbs", o.Classes, o.CollapseOnMobile ? "govuk-breadcrumbs--collapse-on-mobile" : null)}\"{Markup.Attributes(o.Attributes)} aria-label=\"{Markup.Encode(o.LabelText ?? "Breadcrumb")}\"><ol class=\"govuk-breadcrumbs__list\">";
        foreach (var item in o.Items ?? [])
        {
            if (item is null)
            {
                continue;
            }

            var content = Markup.Has(item.Html) ? item.Html : Markup.Encode(item.Text);
            html += Markup.Has(item.Href)
                ? $"<li class=\"govuk-breadcrumbs__list-item\"><a class=\"govuk-breadcrumbs__link\" href=\"{Markup.Encode(item.Href)}\"{Markup.Attributes(item.Attributes)}>{content}</a></li>"
                : $"<li class=\"govuk-breadcrumbs__list-item\" aria-current=\"page\">{content}</li>";
        }

        return html + "</ol></nav>";
    }
}

/// <summary><c>&lt;govuk-breadcrumbs collapse-on-mobile label-text&gt;&lt;govuk-breadcrumbs-item href&gt;Home&lt;/…&gt;</c></summary>
[HtmlTargetElement("govuk-breadcrumbs")]
public sealed class GovUkBreadcrumbsTagHelper : GovUkTagHelper
{
    [HtmlAttributeName("collapse-on-mobile")]
    public bool CollapseOnMobile { get; set; }

    [HtmlAttributeName("label-text")]
    public string? LabelText { get; set; }

    protected override async Task<string?> RenderAsync(TagHelperContext context, TagHelperOutput output)
    {
        var items = new List<BreadcrumbsItem?>();
        context.Items[typeof(List<BreadcrumbsItem?>)] = items;
        await output.GetChildContentAsync();
        return GovUkBreadcrumbsRenderer.Render(new BreadcrumbsOptions { Items = items, CollapseOnMobile = CollapseOnMobile, LabelText = LabelText, Classes = Classes, Attributes = Attributes });
    }
}

/// <summary>A crumb; without href it is the current page.</summary>
[HtmlTargetElement("govuk-breadcrumbs-item", ParentTag = "govuk-breadcrumbs")]
public sealed class GovUkBreadcrumbsItemTagHelper : GovUkChildTagHelper<List<BreadcrumbsItem?>>
{
    [HtmlAttributeName("href")]
    public string? Href { get; set; }

    protected override async Task CollectAsync(List<BreadcrumbsItem?> parent, TagHelperContext context, TagHelperOutput output) =>
        parent.Add(new BreadcrumbsItem { Href = Href, Html = (await ChildHtmlAsync(output))?.Trim() });
}
