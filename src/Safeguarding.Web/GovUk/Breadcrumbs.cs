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
