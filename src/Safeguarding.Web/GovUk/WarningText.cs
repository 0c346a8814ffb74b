namespace Safeguarding.Web.GovUk;

public class WarningTextOptions : TextOrHtml
{
    public string? IconFallbackText { get; set; }
    public string? Classes { get; set; }
    public GovUkAttributes? Attributes { get; set; }
}

public static class GovUkWarningTextRenderer
{
    public static string Render(WarningTextOptions o) =>
        $"<div class=\"{Markup.Classes("govuk-warning-text", o.Classes)}\"{Markup.Attributes(o.Attributes)}>"
        + "<span class=\"govuk-warning-text__icon\" aria-hidden=\"true\">!</span>"
        + $"<strong class=\"govuk-warning-text__text\"><span class=\"govuk-visually-hidden\">{Markup.Encode(Markup.Has(o.IconFallbackText) ? o.IconFallbackText : "Warning")}</span>{Markup.Content(o)}</strong></div>";
}
