using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguarding.Web.GovUk;

public class PaginationLink : TextOrHtml
{
    public string? Href { get; set; }

    /// <summary>Shown under the link in block mode, e.g. the next page's title.</summary>
    public string? LabelText { get; set; }
    public GovUkAttributes? Attributes { get; set; }
}

public class PaginationItem
{
    public string? Number { get; set; }
    public string? VisuallyHiddenText { get; set; }
    public string? Href { get; set; }
    public bool Current { get; set; }
    public bool Ellipsis { get; set; }
    public GovUkAttributes? Attributes { get; set; }

    internal bool IsEmpty => Number is null && VisuallyHiddenText is null && Href is null && !Current && !Ellipsis && Attributes is null;
}

public class PaginationOptions
{
    public List<PaginationItem?>? Items { get; set; }
    public PaginationLink? Previous { get; set; }
    public PaginationLink? Next { get; set; }
    public string? LandmarkLabel { get; set; }
    public string? Classes { get; set; }
    public GovUkAttributes? Attributes { get; set; }
}

public static class GovUkPaginationRenderer
{
    private const string ArrowPrevious = "<svg class=\"govuk-pagination__icon govuk-pagination__icon--prev\" xmlns=\"http://www.w3.org/2000/svg\" height=\"13\" width=\"15\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 15 13\"><path d=\"m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z\"></path></svg>";
    private const string ArrowNext = "<svg class=\"govuk-pagination__icon govuk-pagination__icon--next\" xmlns=\"http://www.w3.org/2000/svg\" height=\"13\" width=\"15\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 15 13\"><path d=\"m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z\"></path></svg>";

    public static string Render(PaginationOptions o)
    {
        // With no numbered items, previous/next stack as full-width links.
        var blockLevel = o.Items is null && (o.Next is not null || o.Previous is not null);
        var html = $"<nav class=\"{Markup.Classes("govuk-pagination", blockLevel ? "govuk-pagination--block" : null, o.Classes)}\" aria-label=\"{Markup.Encode(Markup.Has(o.LandmarkLabel) ? o.LandmarkLabel : "Pagination")}\"{Markup.Attributes(o.Attributes)}>";
        if (Markup.Has(o.Previous?.Href))
        {
            html += ArrowLink(o.Previous!, "prev", blockLevel, "Previous");
        }

        if (o.Items is not null)
        {
            html += "<ul class=\"govuk-pagination__list\">";
            foreach (var item in o.Items)
            {
                if (item is null || item.IsEmpty)
                {
                    continue;
                }

                html += $"<li class=\"{Markup.Classes("govuk-pagination__item", item.Current ? "govuk-pagination__item--current" : null, item.Ellipsis ? "govuk-pagination__item--ellipsis" : null)}\">";
                html += item.Ellipsis
                    ? "&ctdot;"
                    : $"<a class=\"govuk-link govuk-pagination__link\" href=\"{Markup.Encode(item.Href)}\" aria-label=\"{Markup.Encode(item.VisuallyHiddenText ?? "Page " + item.Number)}\""
                        + (item.Current ? " aria-current=\"page\"" : string.Empty)
                        + $"{Markup.Attributes(item.Attributes)}>{Markup.Encode(item.Number)}</a>";
                html += "</li>";
            }

            html += "</ul>";
        }

        if (Markup.Has(o.Next?.Href))
        {
            html += ArrowLink(o.Next!, "next", blockLevel, "Next");
        }

        return html + "</nav>";
    }

    private static string ArrowLink(PaginationLink link, string type, bool blockLevel, string defaultText)
    {
        var arrow = type == "prev" ? ArrowPrevious : ArrowNext;
        var title = link.HasContent ? Markup.Content(link) : defaultText + "<span class=\"govuk-visually-hidden\"> page</span>";
        var html = $"<div class=\"govuk-pagination__{type}\"><a class=\"govuk-link govuk-pagination__link\" href=\"{Markup.Encode(link.Href)}\" rel=\"{type}\"{Markup.Attributes(link.Attributes)}>";
        if (blockLevel || type == "prev")
        {
            html += arrow;
        }

        html += $"<span class=\"{Markup.Classes("govuk-pagination__link-title", blockLevel && !Markup.Has(link.LabelText) ? "govuk-pagination__link-title--decorated" : null)}\">{title}</span>";
        if (Markup.Has(link.LabelText) && blockLevel)
        {
            html += $"<span class=\"govuk-visually-hidden\">:</span><span class=\"govuk-pagination__link-label\">{Markup.Encode(link.LabelText)}</span>";
        }

        if (!blockLevel && type == "next")
        {
            html += arrow;
        }

        return html + "</a></div>";
    }
}

/// <summary>
/// <c>&lt;govuk-pagination landmark-label&gt;</c> with <c>&lt;govuk-pagination-previous href label-text /&gt;</c>,
/// <c>&lt;govuk-pagination-item href number current ellipsis visually-hidden-text /&gt;</c> and
/// <c>&lt;govuk-pagination-next href label-text /&gt;</c>. Without items, previous/next render as block links.
/// </summary>
[HtmlTargetElement("govuk-pagination")]
public sealed class GovUkPaginationTagHelper : GovUkTagHelper
{
    [HtmlAttributeName("landmark-label")]
    public string? LandmarkLabel { get; set; }

    protected override async Task<string?> RenderAsync(TagHelperContext context, TagHelperOutput output)
    {
        var options = new PaginationOptions { LandmarkLabel = LandmarkLabel, Classes = Classes, Attributes = Attributes };
        context.Items[typeof(PaginationOptions)] = options;
        await output.GetChildContentAsync();
        return GovUkPaginationRenderer.Render(options);
    }
}

[HtmlTargetElement("govuk-pagination-item", ParentTag = "govuk-pagination", TagStructure = TagStructure.NormalOrSelfClosing)]
public sealed class GovUkPaginationItemTagHelper : GovUkChildTagHelper<PaginationOptions>
{
    [HtmlAttributeName("href")]
    public string? Href { get; set; }

    [HtmlAttributeName("number")]
    public int? Number { get; set; }

    [HtmlAttributeName("current")]
    public bool Current { get; set; }

    [HtmlAttributeName("ellipsis")]
    public bool Ellipsis { get; set; }

    [HtmlAttributeName("visually-hidden-text")]
    public string? VisuallyHiddenText { get; set; }

    protected override Task CollectAsync(PaginationOptions parent, TagHelperContext context, TagHelperOutput output)
    {
        (parent.Items ??= []).Add(new PaginationItem
        {
            Href = Href,
            Number = Number?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Current = Current,
            Ellipsis = Ellipsis,
            VisuallyHiddenText = VisuallyHiddenText,
        });
        return Task.CompletedTask;
    }
}

public abstract class GovUkPaginationLinkTagHelper : GovUkChildTagHelper<PaginationOptions>
{
    [HtmlAttributeName("href")]
    public string? Href { get; set; }

    [HtmlAttributeName("label-text")]
    public string? LabelText { get; set; }

    protected async Task<PaginationLink> LinkAsync(TagHelperOutput output) =>
        new() { Href = Href, LabelText = LabelText, Html = (await ChildHtmlAsync(output))?.Trim() };
}

[HtmlTargetElement("govuk-pagination-previous", ParentTag = "govuk-pagination", TagStructure = TagStructure.NormalOrSelfClosing)]
public sealed class GovUkPaginationPreviousTagHelper : GovUkPaginationLinkTagHelper
{
    protected override async Task CollectAsync(PaginationOptions parent, TagHelperContext context, TagHelperOutput output) =>
        parent.Previous = await LinkAsync(output);
}

[HtmlTargetElement("govuk-pagination-next", ParentTag = "govuk-pagination", TagStructure = TagStructure.NormalOrSelfClosing)]
public sealed class GovUkPaginationNextTagHelper : GovUkPaginationLinkTagHelper
{
    protected override async Task CollectAsync(PaginationOptions parent, TagHelperContext context, TagHelperOutput output) =>
        parent.Next = await LinkAsync(output);
}
