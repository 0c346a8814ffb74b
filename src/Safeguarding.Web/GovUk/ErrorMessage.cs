using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguarding.Web.GovUk;

public class ErrorMessageOptions : TextOrHtml
{
    public string? Id { get; set; }
    public string? Classes { get; set; }
    public GovUkAttributes? Attributes { get; set; }

    /// <summary>Prefix read by screen readers; defaults to "Error". Set to "" to leave it out.</summary>
    public string? VisuallyHiddenText { get; set; }
}

public static class GovUkErrorMessageRenderer
{
    public static string Render(ErrorMessageOptions o)
    {
        var hidden = o.VisuallyHiddenText ?? "Error";
        var prefix = hidden.Length > 0 ? $"<span class=\"govuk-visually-hidden\">{Markup.Encode(hidden)}:</span> " : string.Empty;
        return $"<p{Markup.Attr("id", o.Id)} class=\"{Markup.Classes("govuk-error-message", o.Classes)}\"{Markup.Attributes(o.Attributes)}>{prefix}{Markup.Content(o)}</p>";
    }
}

/// <summary>
/// <c>&lt;govuk-error-message asp-for="X" /&gt;</c> shows the ModelState error for X (nothing when valid);
/// or give the message as content.
/// </summary>
[HtmlTargetElement("govuk-error-message")]
public sealed class GovUkErrorMessageTagHelper : GovUkTagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression? For { get; set; }

    [HtmlAttributeName("id")]
    public string? Id { get; set; }

    [HtmlAttributeName("visually-hidden-text")]
    public string? VisuallyHiddenText { get; set; }

    protected override async Task<string?> RenderAsync(TagHelperContext context, TagHelperOutput output)
    {
        var html = await ChildHtmlAsync(output);
        var binding = FieldBinding.From(For, ViewContext);
        if (html is null && binding?.Error is null)
        {
            return null;
        }

        return GovUkErrorMessageRenderer.Render(new ErrorMessageOptions
        {
            Id = Id ?? (binding is null ? null : binding.Id + "-error"),
            Html = html,
            Text = binding?.Error,
            VisuallyHiddenText = VisuallyHiddenText,
            Classes = Classes,
            Attributes = Attributes,
        });
    }
}
