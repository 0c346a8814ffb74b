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
