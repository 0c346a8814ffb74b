using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguarding.Web.GovUk;

public class SummaryListAction : TextOrHtml
{
    public string? Href { get; set; }

    /// <summary>Finishes the link for screen readers, e.g. "name" in "Change name".</summary>
    public string? VisuallyHiddenText { get; set; }
    public string? Classes { get; set; }
    public GovUkAttributes? Attributes { get; set; }
}

public class SummaryListActions
{
    public List<SummaryListAction>? Items { get; set; }
    public string? Classes { get; set; }
}

public class ClassedContent : TextOrHtml
{
    public string? Classes { get; set; }
}

public class SummaryListRow
{
    public string? Classes { get; set; }
    public ClassedContent? Key { get; set; }
    public ClassedContent? Value { get; set; }
    public SummaryListActions? Actions { get; set; }
}

public class SummaryCardTitle : ClassedContent
{
    public int? HeadingLevel { get; set; }
}

public class SummaryCardOptions
{
    public SummaryCardTitle? Title { get; set; }
    public SummaryListActions? Actions { get; set; }
    public string? Classes { get; set; }
    public GovUkAttributes? Attributes { get; set; }
}

public class SummaryListOptions
{
    public List<SummaryListRow?>? Rows { get; set; }
    public SummaryCardOptions? Card { get; set; }
    public string? Classes { get; set; }
    public GovUkAttributes? Attributes { get; set; }
}

public static class GovUkSummaryListRenderer
{
    public static string Render(SummaryListOptions o)
    {
        var rows = o.Rows ?? [];
        var anyRowHasActions = rows.Any(r => r?.Actions?.Items is { Count: > 0 });
        var cardTitle = o.Card?.Title;
        var html = $"<dl class=\"{Markup.Classes("govuk-summary-list", o.Classes)}\"{Markup.Attributes(o.Attributes)}>";
        foreach (var row in rows)
        {
            if (row is null)
            {
                continue;
            }

            var actions = row.Actions?.Items ?? [];
            html += $"<div class=\"{Markup.Classes("govuk-summary-list__row", anyRowHasActions && actions.Count == 0 ? "govuk-summary-list__row--no-actions" : null, row.Classes)}\">"
                + $"<dt class=\"{Markup.Classes("govuk-summary-list__key", row.Key?.Classes)}\">{Markup.Content(row.Key)}</dt>"
                + $"<dd class=\"{Markup.Classes("govuk-summary-list__value", row.Value?.Classes)}\">{Markup.Content(row.Value)}</dd>";
            if (actions.Count > 0)
            {
                html += $"<dd class=\"{Markup.Classes("govuk-summary-list__actions", row.Actions!.Classes)}\">";
                html += actions.Count == 1
                    ? ActionLink(actions[0], cardTitle)
                    : "<ul class=\"govuk-summary-list__actions-list\">"
                        + string.Concat(actions.Select(a => $"<li class=\"govuk-summary-list__actions-list-item\">{ActionLink(a, cardTitle)}</li>"))
                        + "</ul>";
                html += "</dd>";
            }

            html += "</div>";
        }

        html += "</dl>";
        return o.Card is null ? html : Card(o.Card, html);
    }

    private static string Card(SummaryCardOptions card, string content)
    {
        var level = card.Title?.HeadingLevel is > 0 ? card.Title.HeadingLevel.Value : 2;
        var html = $"<div class=\"{Markup.Classes("govuk-summary-card", card.Classes)}\"{Markup.Attributes(card.Attributes)}><div class=\"govuk-summary-card__title-wrapper\">";
        if (card.Title is not null)
        {
            html += $"<h{level} class=\"{Markup.Classes("govuk-summary-card__title", card.Title.Classes)}\">{Markup.Content(card.Title)}</h{level}>";
        }

        var actions = card.Actions?.Items ?? [];
        if (actions.Count == 1)
        {
            html += $"<div class=\"{Markup.Classes("govuk-summary-card__actions", card.Actions!.Classes)}\">{ActionLink(actions[0], card.Title)}</div>";
        }
        else if (actions.Count > 1)
        {
            html += $"<ul class=\"{Markup.Classes("govuk-summary-card__actions", card.Actions!.Classes)}\">"
                + string.Concat(actions.Select(a => $"<li class=\"govuk-summary-card__action\">{ActionLink(a, card.Title)}</li>"))
                + "</ul>";
        }

        return html + $"</div><div class=\"govuk-summary-card__content\">{content}</div></div>";
    }

    private static string ActionLink(SummaryListAction a, SummaryCardTitle? cardTitle)
    {
        var html = $"<a class=\"{Markup.Classes("govuk-link", a.Classes)}\" href=\"{Markup.Encode(a.Href)}\"{Markup.Attributes(a.Attributes)}>"
            + (Markup.Has(a.Html) ? a.Html : Markup.Encode(a.Text));
        if (Markup.Has(a.VisuallyHiddenText) || cardTitle is not null)
        {
            html += "<span class=\"govuk-visually-hidden\">"
                + (Markup.Has(a.VisuallyHiddenText) ? " " + Markup.Encode(a.VisuallyHiddenText) : string.Empty)
                + (cardTitle is not null ? $" ({Markup.Content(cardTitle)})" : string.Empty)
                + "</span>";
        }

        return html + "</a>";
    }
}

/// <summary>
/// <c>&lt;govuk-summary-list card-title card-heading-level&gt;</c> with rows of
/// <c>&lt;govuk-summary-list-row&gt;&lt;govuk-summary-list-row-key&gt;Name&lt;/…&gt;&lt;govuk-summary-list-row-value&gt;…&lt;/…&gt;
/// &lt;govuk-summary-list-row-action href visually-hidden-text="name"&gt;Change&lt;/…&gt;&lt;/govuk-summary-list-row&gt;</c>.
/// With card-title the list is wrapped in a summary card; <c>&lt;govuk-summary-card-action&gt;</c> adds card actions.
/// </summary>
[HtmlTargetElement("govuk-summary-list")]
public sealed class GovUkSummaryListTagHelper : GovUkTagHelper
{
    [HtmlAttributeName("card-title")]
    public string? CardTitle { get; set; }

    [HtmlAttributeName("card-heading-level")]
    public int? CardHeadingLevel { get; set; }

    protected override async Task<string?> RenderAsync(TagHelperContext context, TagHelperOutput output)
    {
        var options = new SummaryListOptions { Rows = [], Classes = Classes, Attributes = Attributes };
        if (CardTitle is not null)
        {
            options.Card = new SummaryCardOptions
            {
                Title = new SummaryCardTitle { Text = CardTitle, HeadingLevel = CardHeadingLevel },
                Actions = new SummaryListActions { Items = [] },
            };
        }

        context.Items[typeof(SummaryListOptions)] = options;
        await output.GetChildContentAsync();
        return GovUkSummaryListRenderer.Render(options);
    }
}

[HtmlTargetElement("govuk-summary-list-row", ParentTag = "govuk-summary-list")]
public sealed class GovUkSummaryListRowTagHelper : GovUkChildTagHelper<SummaryListOptions>
{
    [HtmlAttributeName("class")]
    public string? Classes { get; set; }

    protected override async Task CollectAsync(SummaryListOptions parent, TagHelperContext context, TagHelperOutput output)
    {
        var row = new SummaryListRow { Classes = Classes, Actions = new SummaryListActions { Items = [] } };
        parent.Rows!.Add(row);
        context.Items[typeof(SummaryListRow)] = row;
        await output.GetChildContentAsync();
    }
}

[HtmlTargetElement("govuk-summary-list-row-key", ParentTag = "govuk-summary-list-row")]
public sealed class GovUkSummaryListRowKeyTagHelper : GovUkChildTagHelper<SummaryListRow>
{
    [HtmlAttributeName("class")]
    public string? Classes { get; set; }

    protected override async Task CollectAsync(SummaryListRow parent, TagHelperContext context, TagHelperOutput output) =>
        parent.Key = new ClassedContent { Html = await ChildHtmlAsync(output), Classes = Classes };
}

[HtmlTargetElement("govuk-summary-list-row-value", ParentTag = "govuk-summary-list-row")]
public sealed class GovUkSummaryListRowValueTagHelper : GovUkChildTagHelper<SummaryListRow>
{
    [HtmlAttributeName("class")]
    public string? Classes { get; set; }

    protected override async Task CollectAsync(SummaryListRow parent, TagHelperContext context, TagHelperOutput output) =>
        parent.Value = new ClassedContent { Html = await ChildHtmlAsync(output), Classes = Classes };
}

[HtmlTargetElement("govuk-summary-list-row-action", ParentTag = "govuk-summary-list-row")]
public sealed class GovUkSummaryListRowActionTagHelper : GovUkChildTagHelper<SummaryListRow>
{
    [HtmlAttributeName("href")]
    public string? Href { get; set; }

    [HtmlAttributeName("visually-hidden-text")]
    public string? VisuallyHiddenText { get; set; }

    [HtmlAttributeName("class")]
    public string? Classes { get; set; }

    protected override async Task CollectAsync(SummaryListRow parent, TagHelperContext context, TagHelperOutput output) =>
        parent.Actions!.Items!.Add(new SummaryListAction { Href = Href, VisuallyHiddenText = VisuallyHiddenText, Classes = Classes, Html = (await ChildHtmlAsync(output))?.Trim() });
}

[HtmlTargetElement("govuk-summary-card-action", ParentTag = "govuk-summary-list")]
public sealed class GovUkSummaryCardActionTagHelper : GovUkChildTagHelper<SummaryListOptions>
{
    [HtmlAttributeName("href")]
    public string? Href { get; set; }

    [HtmlAttributeName("visually-hidden-text")]
    public string? VisuallyHiddenText { get; set; }

    protected override async Task CollectAsync(SummaryListOptions parent, TagHelperContext context, TagHelperOutput output)
    {
        if (parent.Card is null)
        {
            throw new InvalidOperationException("<govuk-summary-card-action> needs card-title on its <govuk-summary-list>.");
        }

        parent.Card.Actions!.Items!.Add(new SummaryListAction { Href = Href, VisuallyHiddenText = VisuallyHiddenText, Html = (await ChildHtmlAsync(output))?.Trim() });
    }
}
