namespace Safeguarding.Web.GovUk;

public class SkipLinkOptions : TextOrHtml
{
    public string? Href { get; set; }
    public string? Classes { get; set; }
    public GovUkAttributes? Attributes { get; set; }
}

public static class GovUkSkipLinkRenderer
{
    public static string Render(SkipLinkOptions o) =>
        $"<a href=\"{Markup.Encode(Markup.Has(o.Href) ? o.Href : "#content")}\" class=\"{Markup.Classes("govuk-skip-link", o.Classes)}\"{Markup.Attributes(o.Attributes)} data-module=\"govuk-skip-link\">{Markup.Content(o)}</a>";
}
