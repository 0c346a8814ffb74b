namespace Safeguarding.Web.GovUk;

public class HintOptions : TextOrHtml
{
    public string? Id { get; set; }
    public string? Classes { get; set; }
    public GovUkAttributes? Attributes { get; set; }
}

public static class GovUkHintRenderer
{
    public static string Render(HintOptions o) =>
        $"<div{Markup.Attr("id", o.Id)} class=\"{Markup.Classes("govuk-hint", o.Classes)}\"{Markup.Attributes(o.Attributes)}>{Markup.Content(o)}</div>";
}
