namespace Safeguarding.Web.GovUk;

public class LegendOptions : TextOrHtml
{
    public string? Classes { get; set; }
    public bool IsPageHeading { get; set; }
}

public class FieldsetOptions
{
    public string? DescribedBy { get; set; }
    public LegendOptions? Legend { get; set; }
    public string? Classes { get; set; }
    public string? Role { get; set; }
    public GovUkAttributes? Attributes { get; set; }

    /// <summary>Trusted inner markup.</summary>
    public string? Html { get; set; }
}

public static class GovUkFieldsetRenderer
{
    public static string Render(FieldsetOptions o)
    {
        var legend = string.Empty;
        if (o.Legend is { HasContent: true } l)
        {
            var content = Markup.Content(l);
            legend = $"<legend class=\"{Markup.Classes("govuk-fieldset__legend", l.Classes)}\">"
                + (l.IsPageHeading ? $"<h1 class=\"govuk-fieldset__heading\">{content}</h1>" : content)
                + "</legend>";
        }

        return $"<fieldset class=\"{Markup.Classes("govuk-fieldset", o.Classes)}\"{Markup.Attr("role", o.Role)}{Markup.Attr("aria-describedby", o.DescribedBy)}{Markup.Attributes(o.Attributes)}>"
            + legend + (o.Html ?? string.Empty) + "</fieldset>";
    }
}
