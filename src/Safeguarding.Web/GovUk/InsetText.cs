namespace Safeguarding.Web.GovUk;

public class InsetTextOptions : TextOrHtml
{
    public string? Id { get; set; }
    public string? Classes { get; set; }
    public GovUkAttributes? Attributes { get; set; }
}

public static class GovUkInsetTextRenderer
{
    public static string Render(InsetTextOptions o) =>
        $"<div{Markup.Attr("id", o.Id)} class=\"{Markup.Classes("govuk-inset-text", o.Classes)}\"{Markup.Attributes(o.Attributes)}>{Markup.Content(o)}</div>";
}
