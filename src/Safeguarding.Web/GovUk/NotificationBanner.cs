using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguarding.Web.GovUk;

public class NotificationBannerOptions : TextOrHtml
{
    public string? TitleText { get; set; }
    public string? TitleHtml { get; set; }
    public int? TitleHeadingLevel { get; set; }

    /// <summary>"success" for a green banner that takes focus; anything else is the neutral banner.</summary>
    public string? Type { get; set; }
    public string? Role { get; set; }
    public string? TitleId { get; set; }
    public bool? DisableAutoFocus { get; set; }
    public string? Classes { get; set; }
    public GovUkAttributes? Attributes { get; set; }
}

public static class GovUkNotificationBannerRenderer
{
    public static string Render(NotificationBannerOptions o)
    {
        var success = o.Type == "success";
        var role = Markup.Has(o.Role) ? o.Role : success ? "alert" : "region";
        var title = Markup.Has(o.TitleHtml) ? o.TitleHtml : Markup.Has(o.TitleText) ? Markup.Encode(o.TitleText) : success ? "Success" : "Important";
        var titleId = Markup.Has(o.TitleId) ? o.TitleId : "govuk-notification-banner-title";
        var level = o.TitleHeadingLevel is > 0 ? o.TitleHeadingLevel.Value : 2;
        var autoFocus = o.DisableAutoFocus is { } d ? $" data-disable-auto-focus=\"{(d ? "true" : "false")}\"" : string.Empty;
        var content = Markup.Has(o.Html) ? o.Html!.Trim()
            : Markup.Has(o.Text) ? $"<p class=\"govuk-notification-banner__heading\">{Markup.Encode(o.Text!.Trim())}</p>"
            : string.Empty;

        return $"<div class=\"{Markup.Classes("govuk-notification-banner", success ? "govuk-notification-banner--success" : null, o.Classes)}\" role=\"{Markup.Encode(role)}\" aria-labelledby=\"{Markup.Encode(titleId)}\" data-module=\"govuk-notification-banner\"{autoFocus}{Markup.Attributes(o.Attributes)}>"
            + $"<div class=\"govuk-notification-banner__header\"><h{level} class=\"govuk-notification-banner__title\" id=\"{Markup.Encode(titleId)}\">{title}</h{level}></div>"
            + $"<div class=\"govuk-notification-banner__content\">{content}</div></div>";
    }
}

/// <summary>
/// <c>&lt;govuk-notification-banner type="success" title="Success" title-id role title-heading-level disable-auto-focus&gt;
/// &lt;h3 class="govuk-notification-banner__heading"&gt;…&lt;/h3&gt;&lt;/govuk-notification-banner&gt;</c>
/// </summary>
[HtmlTargetElement("govuk-notification-banner")]
public sealed class GovUkNotificationBannerTagHelper : GovUkTagHelper
{
    [HtmlAttributeName("type")]
    public string? Type { get; set; }

    [HtmlAttributeName("title")]
    public string? Title { get; set; }

    [HtmlAttributeName("title-id")]
    public string? TitleId { get; set; }

    [HtmlAttributeName("title-heading-level")]
    public int? TitleHeadingLevel { get; set; }

    [HtmlAttributeName("role")]
    public string? Role { get; set; }

    [HtmlAttributeName("disable-auto-focus")]
    public bool? DisableAutoFocus { get; set; }

    protected override async Task<string?> RenderAsync(TagHelperContext context, TagHelperOutput output) =>
        GovUkNotificationBannerRenderer.Render(new NotificationBannerOptions
        {
            Type = Type,
            TitleText = Title,
            TitleId = TitleId,
            TitleHeadingLevel = TitleHeadingLevel,
            Role = Role,
            DisableAutoFocus = DisableAutoFocus,
            Html = await ChildHtmlAsync(output),
            Classes = Classes,
            Attributes = Attributes,
        });
}
