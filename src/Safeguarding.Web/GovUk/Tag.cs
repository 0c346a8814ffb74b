namespace Safeguarding.Web.GovUk;

public class TagOptions : TextOrHtml
{
    public string? Classes { get; set; }
    public GovUkAttributes? Attributes { get; set; }
}

public static class GovUkTagRenderer
{
    public static string Render(TagOptions o) =>
        $"<strong class=\"{Markup.Classes("govuk-tag", o.Classes)}\"{Markup.Attributes(o.Attributes)}>{Markup.Content(o)}</strong>";
}
