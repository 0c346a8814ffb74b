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
