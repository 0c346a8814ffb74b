namespace Safeguarding.Web.GovUk;

public class LabelOptions : TextOrHtml
{
    public string? For { get; set; }
    public string? Classes { get; set; }
    public bool IsPageHeading { get; set; }
    public GovUkAttributes? Attributes { get; set; }
}

public static class GovUkLabelRenderer
{
    public static string Render(LabelOptions? o)
    {
        if (o is null || !o.HasContent)
        {
            return string.Empty;
        }

        var label = $"<label class=\"{Markup.Classes("govuk-label", o.Classes)}\"{Markup.Attributes(o.Attributes)}{Markup.Attr("for", o.For)}>{Markup.Content(o)}</label>";
        return o.IsPageHeading ? $"<h1 class=\"govuk-label-wrapper\">{label}</h1>" : label;
    }
}
