using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguarding.Web.GovUk;

public class ErrorSummaryItem : TextOrHtml
{
    /// <summary>Link to the field in error, e.g. "#date-of-birth-day".</summary>
    public string? Href { get; set; }
    public GovUkAttributes? Attributes { get; set; }
}

public class ErrorSummaryOptions
{
    public string? TitleText { get; set; }
    public string? TitleHtml { get; set; }
    public string? DescriptionText { get; set; }
    public string? DescriptionHtml { get; set; }
    public List<ErrorSummaryItem>? ErrorList { get; set; }
    public bool? DisableAutoFocus { get; set; }
    public string? Classes { get; set; }
    public GovUkAttributes? Attributes { get; set; }
}

public static class GovUkErrorSummaryRenderer
{
    public static string Render(ErrorSummaryOptions o)
    {
        var autoFocus = o.DisableAutoFocus is { } d ? $" data-disable-auto-focus=\"{(d ? "true" : "false")}\"" : string.Empty;

        // role="alert" sits on a child so focusing the summary doesn't race the announcement.
        var html = $"<div class=\"{Markup.Classes("govuk-error-summary", o.Classes)}\"{autoFocus}{Markup.Attributes(o.Attributes)} data-module=\"govuk-error-summary\"><div role=\"alert\">"
            + $"<h2 class=\"govuk-error-summary__title\">{Markup.Content(o.TitleText, o.TitleHtml)}</h2><div class=\"govuk-error-summary__body\">";
        if (Markup.Has(o.DescriptionHtml) || Markup.Has(o.DescriptionText))
        {
            html += $"<p>{Markup.Content(o.DescriptionText, o.DescriptionHtml)}</p>";
        }

        if (o.ErrorList is { Count: > 0 })
        {
            html += "<ul class=\"govuk-list govuk-error-summary__list\">";
            foreach (var item in o.ErrorList)
            {
                html += Markup.Has(item.Href)
                    ? $"<li><a href=\"{Markup.Encode(item.Href)}\"{Markup.Attributes(item.Attributes)}>{Markup.Content(item)}</a></li>"
                    : $"<li>{Markup.Content(item)}</li>";
            }

            html += "</ul>";
        }

        return html + "</div></div></div>";
    }
}

/// <summary>
/// <c>&lt;govuk-error-summary /&gt;</c> lists every ModelState error, linking to the field's id (for a date input,
/// the first part in error); renders nothing when there are none. Extra <c>&lt;govuk-error-summary-item href&gt;</c>
/// children are listed first. Attributes: title (default "There is a problem"), description, disable-auto-focus.
/// </summary>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.NormalOrSelfClosing)]
public sealed class GovUkErrorSummaryTagHelper : GovUkTagHelper
{
    [HtmlAttributeName("title")]
    public string Title { get; set; } = "There is a problem";

    [HtmlAttributeName("description")]
    public string? Description { get; set; }

    [HtmlAttributeName("disable-auto-focus")]
    public bool? DisableAutoFocus { get; set; }

    protected override async Task<string?> RenderAsync(TagHelperContext context, TagHelperOutput output)
    {
        var items = new List<ErrorSummaryItem>();
        context.Items[typeof(List<ErrorSummaryItem>)] = items;
        await output.GetChildContentAsync();
        if (ViewContext is not null)
        {
            items.AddRange(FromModelState(ViewContext.ViewData.ModelState));
        }

        return items.Count == 0 ? null : GovUkErrorSummaryRenderer.Render(new ErrorSummaryOptions
        {
            TitleText = Title,
            DescriptionText = Description,
            ErrorList = items,
            DisableAutoFocus = DisableAutoFocus,
            Classes = Classes,
            Attributes = Attributes,
        });
    }

    public static IEnumerable<ErrorSummaryItem> FromModelState(ModelStateDictionary modelState)
    {
        foreach (var (key, entry) in modelState)
        {
            foreach (var error in entry.Errors)
            {
                var message = string.IsNullOrEmpty(error.ErrorMessage) ? error.Exception?.Message : error.ErrorMessage;
                yield return new ErrorSummaryItem { Text = message, Href = string.IsNullOrEmpty(key) ? null : "#" + TargetId(modelState, key) };
            }
        }
    }

    private static string TargetId(ModelStateDictionary modelState, string key)
    {
        var typed = DateInputParts.Names.Select(p => modelState.TryGetValue($"{key}-{p}", out var e) ? e.AttemptedValue : null).ToArray();
        if (typed.All(t => t is null))
        {
            return FieldBinding.IdFor(key);
        }

        var invalid = DateInputParts.Parse(typed[0], typed[1], typed[2], string.Empty).InvalidParts;
        return FieldBinding.IdFor(key) + "-" + (invalid.Count > 0 ? invalid[0] : "day");
    }
}

[HtmlTargetElement("govuk-error-summary-item", ParentTag = "govuk-error-summary")]
public sealed class GovUkErrorSummaryItemTagHelper : GovUkChildTagHelper<List<ErrorSummaryItem>>
{
    [HtmlAttributeName("href")]
    public string? Href { get; set; }

    protected override async Task CollectAsync(List<ErrorSummaryItem> parent, TagHelperContext context, TagHelperOutput output) =>
        parent.Add(new ErrorSummaryItem { Href = Href, Html = await ChildHtmlAsync(output) });
}
