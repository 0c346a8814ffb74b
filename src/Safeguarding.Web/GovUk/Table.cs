using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguarding.Web.GovUk;

public class TableCell : TextOrHtml
{
    /// <summary>"numeric" right-aligns the cell.</summary>
    public string? Format { get; set; }
    public string? Classes { get; set; }
    public int? Colspan { get; set; }
    public int? Rowspan { get; set; }
    public GovUkAttributes? Attributes { get; set; }
}

public class TableOptions
{
    public List<List<TableCell?>?>? Rows { get; set; }
    public List<TableCell?>? Head { get; set; }
    public string? Caption { get; set; }
    public string? CaptionClasses { get; set; }
    public bool FirstCellIsHeader { get; set; }
    public string? Classes { get; set; }
    public GovUkAttributes? Attributes { get; set; }
}

public static class GovUkTableRenderer
{
    public static string Render(TableOptions o)
    {
        var html = $"<table class=\"{Markup.Classes("govuk-table", o.Classes)}\"{Markup.Attributes(o.Attributes)}>";
        if (Markup.Has(o.Caption))
        {
            html += $"<caption class=\"{Markup.Classes("govuk-table__caption", o.CaptionClasses)}\">{Markup.Encode(o.Caption)}</caption>";
        }

        if (o.Head is not null)
        {
            html += "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">";
            foreach (var item in o.Head)
            {
                var cell = item ?? new TableCell();
                html += $"<th scope=\"col\" class=\"{Markup.Classes("govuk-table__header", Markup.Has(cell.Format) ? "govuk-table__header--" + cell.Format : null, cell.Classes)}\"{Spans(cell)}>{Content(cell)}</th>";
            }

            html += "</tr></thead>";
        }

        html += "<tbody class=\"govuk-table__body\">";
        foreach (var row in o.Rows ?? [])
        {
            if (row is null)
            {
                continue;
            }

            html += "<tr class=\"govuk-table__row\">";
            for (var i = 0; i < row.Count; i++)
            {
                var cell = row[i] ?? new TableCell();
                html += i == 0 && o.FirstCellIsHeader
                    ? $"<th scope=\"row\" class=\"{Markup.Classes("govuk-table__header", cell.Classes)}\"{Spans(cell)}>{Content(cell)}</th>"
                    : $"<td class=\"{Markup.Classes("govuk-table__cell", Markup.Has(cell.Format) ? "govuk-table__cell--" + cell.Format : null, cell.Classes)}\"{Spans(cell)}>{Content(cell)}</td>";
            }

            html += "</tr>";
        }

        return html + "</tbody></table>";
    }

    private static string Content(TableCell cell) => Markup.Has(cell.Html) ? cell.Html! : Markup.Encode(cell.Text);

    private static string Spans(TableCell cell) =>
        (cell.Colspan is > 0 ? $" colspan=\"{cell.Colspan}\"" : string.Empty)
        + (cell.Rowspan is > 0 ? $" rowspan=\"{cell.Rowspan}\"" : string.Empty)
        + Markup.Attributes(cell.Attributes);
}

/// <summary>
/// <c>&lt;govuk-table caption caption-class first-cell-is-header&gt;</c> with <c>&lt;govuk-table-head&gt;&lt;govuk-table-cell format&gt;…</c>
/// and <c>&lt;govuk-table-row&gt;&lt;govuk-table-cell format colspan rowspan&gt;…&lt;/…&gt;&lt;/govuk-table-row&gt;</c>.
/// </summary>
[HtmlTargetElement("govuk-table")]
public sealed class GovUkTableTagHelper : GovUkTagHelper
{
    [HtmlAttributeName("caption")]
    public string? Caption { get; set; }

    [HtmlAttributeName("caption-class")]
    public string? CaptionClass { get; set; }

    [HtmlAttributeName("first-cell-is-header")]
    public bool FirstCellIsHeader { get; set; }

    protected override async Task<string?> RenderAsync(TagHelperContext context, TagHelperOutput output)
    {
        var options = new TableOptions { Caption = Caption, CaptionClasses = CaptionClass, FirstCellIsHeader = FirstCellIsHeader, Rows = [], Classes = Classes, Attributes = Attributes };
        context.Items[typeof(TableOptions)] = options;
        await output.GetChildContentAsync();
        return GovUkTableRenderer.Render(options);
    }
}

[HtmlTargetElement("govuk-table-head", ParentTag = "govuk-table")]
public sealed class GovUkTableHeadTagHelper : GovUkChildTagHelper<TableOptions>
{
    protected override async Task CollectAsync(TableOptions parent, TagHelperContext context, TagHelperOutput output)
    {
        parent.Head = [];
        context.Items[typeof(List<TableCell?>)] = parent.Head;
        await output.GetChildContentAsync();
    }
}

[HtmlTargetElement("govuk-table-row", ParentTag = "govuk-table")]
public sealed class GovUkTableRowTagHelper : GovUkChildTagHelper<TableOptions>
{
    protected override async Task CollectAsync(TableOptions parent, TagHelperContext context, TagHelperOutput output)
    {
        var row = new List<TableCell?>();
        parent.Rows!.Add(row);
        context.Items[typeof(List<TableCell?>)] = row;
        await output.GetChildContentAsync();
    }
}

[HtmlTargetElement("govuk-table-cell")]
public sealed class GovUkTableCellTagHelper : GovUkChildTagHelper<List<TableCell?>>
{
    /// <summary>"numeric" right-aligns the column.</summary>
    [HtmlAttributeName("format")]
    public string? Format { get; set; }

    [HtmlAttributeName("colspan")]
    public int? Colspan { get; set; }

    [HtmlAttributeName("rowspan")]
    public int? Rowspan { get; set; }

    [HtmlAttributeName("class")]
    public string? Classes { get; set; }

    protected override async Task CollectAsync(List<TableCell?> parent, TagHelperContext context, TagHelperOutput output) =>
        parent.Add(new TableCell { Format = Format, Colspan = Colspan, Rowspan = Rowspan, Classes = Classes, Html = (await ChildHtmlAsync(output))?.Trim() });
}
