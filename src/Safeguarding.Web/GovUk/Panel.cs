using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguarding.Web.GovUk;

public class PanelAction
{
    public string? Text { get; set; }
    public string? Href { get; set; }

    /// <summary>"button" renders a button even when there is an href.</summary>
    public string? Type { get; set; }
    public string? Classes { get; set; }
    public GovUkAttributes? Attributes { get; set; }
}

public class PanelActions
{
    public List<PanelAction>? Items { get; set; }
    public string? Classes { get; set; }
    public GovUkAttributes? Attributes { get; set; }
}

public class PanelOptions : TextOrHtml
{
    public string? TitleText { get; set; }
    public string? TitleHtml { get; set; }
    public int? HeadingLevel { get; set; }
    public PanelActions? Actions { get; set; }
    public string? Classes { get; set; }
    public GovUkAttributes? Attributes { get; set; }
}

public static class GovUkPanelRenderer
{
    public static string Render(PanelOptions o)
    {
        var level = o.HeadingLevel is > 0 ? o.HeadingLevel.Value : 1;
        var isInterruption = o.Classes?.Contains("govuk-panel--interruption", StringComparison.Ordinal) == true;
        var html = $"<div class=\"{Markup.Classes("govuk-panel", isInterruption ? null : "govuk-panel--confirmation", o.Classes)}\"{Markup.Attributes(o.Attributes)}>"
            + $"<h{level} class=\"govuk-panel__title\">{(Markup.Has(o.TitleHtml) ? o.TitleHtml : Markup.Encode(o.TitleText))}</h{level}>";
        if (o.HasContent)
        {
            html += $"<div class=\"govuk-panel__body\">{Markup.Content(o)}</div>";
        }

        if (isInterruption && o.Actions is { } actions)
        {
            html += $"<div class=\"{Markup.Classes("govuk-panel__actions", actions.Classes)}\"{Markup.Attributes(actions.Attributes)}>";
            if (actions.Items is { Count: > 0 })
            {
                html += "<div class=\"govuk-button-group\">" + string.Concat(actions.Items.Select(Action)) + "</div>";
            }

            html += "</div>";
        }

        return html + "</div>";
    }

    private static string Action(PanelAction a) => !Markup.Has(a.Href) || a.Type == "button"
        ? GovUkButtonRenderer.Render(new ButtonOptions
        {
            Text = a.Text,
            Type = Markup.Has(a.Type) ? a.Type : "button",
            Classes = "govuk-button--inverse" + (Markup.Has(a.Classes) ? " " + a.Classes : string.Empty),
            Href = a.Href,
            Attributes = a.Attributes,
        })
        : $"<a class=\"{Markup.Classes("govuk-link govuk-link--inverse", a.Classes)}\" href=\"{Markup.Encode(a.Href)}\"{Markup.Attributes(a.Attributes)}>{Markup.Encode(a.Text)}</a>";
}

/// <summary><c>&lt;govuk-panel title="Referral received" heading-level="1"&gt;Reference &lt;strong&gt;…&lt;/strong&gt;&lt;/govuk-panel&gt;</c></summary>
[HtmlTargetElement("govuk-panel")]
public sealed class GovUkPanelTagHelper : GovUkTagHelper
{
    [HtmlAttributeName("title")]
    public string? Title { get; set; }

    [HtmlAttributeName("heading-level")]
    public int? HeadingLevel { get; set; }

    protected override async Task<string?> RenderAsync(TagHelperContext context, TagHelperOutput output) =>
        GovUkPanelRenderer.Render(new PanelOptions { TitleText = Title, HeadingLevel = HeadingLevel, Html = await ChildHtmlAsync(output), Classes = Classes, Attributes = Attributes });
}
