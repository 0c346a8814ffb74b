using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguarding.Web.GovUk;

public class TaskListStatus : ClassedContent
{
    public TagOptions? Tag { get; set; }
}

public class TaskListItem
{
    public ClassedContent? Title { get; set; }
    public TextOrHtml? Hint { get; set; }
    public TaskListStatus? Status { get; set; }

    /// <summary>Without an href the task cannot be started yet.</summary>
    public string? Href { get; set; }
    public string? Classes { get; set; }
}

public class TaskListOptions
{
    public List<TaskListItem?>? Items { get; set; }
    public string? IdPrefix { get; set; }
    public string? Classes { get; set; }
    public GovUkAttributes? Attributes { get; set; }
}

public static class GovUkTaskListRenderer
{
    public static string Render(TaskListOptions o)
    {
        var idPrefix = Markup.Has(o.IdPrefix) ? o.IdPrefix : "task-list";
        var html = $"<ul class=\"{Markup.Classes("govuk-task-list", o.Classes)}\"{Markup.Attributes(o.Attributes)}>";
        var index = 0;
        foreach (var item in o.Items ?? [])
        {
            index++;
            if (item is null)
            {
                continue;
            }

            var hintId = $"{idPrefix}-{index}-hint";
            var statusId = $"{idPrefix}-{index}-status";
            var hasLink = Markup.Has(item.Href);
            html += $"<li class=\"{Markup.Classes("govuk-task-list__item", hasLink ? "govuk-task-list__item--with-link" : null, item.Classes)}\"><div class=\"govuk-task-list__name-and-hint\">";
            html += hasLink
                ? $"<a class=\"{Markup.Classes("govuk-link govuk-task-list__link", item.Title?.Classes)}\" href=\"{Markup.Encode(item.Href)}\" aria-describedby=\"{(item.Hint is not null ? hintId + " " : string.Empty)}{Markup.Encode(statusId)}\">{Markup.Content(item.Title)}</a>"
                : $"<div{Markup.Attr("class", item.Title?.Classes)}>{Markup.Content(item.Title)}</div>";
            if (item.Hint is not null)
            {
                html += $"<div id=\"{Markup.Encode(hintId)}\" class=\"govuk-task-list__hint\">{Markup.Content(item.Hint)}</div>";
            }

            html += $"</div><div class=\"{Markup.Classes("govuk-task-list__status", item.Status?.Classes)}\" id=\"{Markup.Encode(statusId)}\">"
                + (item.Status?.Tag is { } tag ? GovUkTagRenderer.Render(tag) : Markup.Content(item.Status))
                + "</div></li>";
        }

        return html + "</ul>";
    }
}

/// <summary>
/// <c>&lt;govuk-task-list id-prefix&gt;&lt;govuk-task-list-item href hint status="Completed"&gt;Child's details&lt;/…&gt;</c>;
/// <c>status-tag="Incomplete" status-tag-class="govuk-tag--blue"</c> shows the status as a tag instead.
/// </summary>
[HtmlTargetElement("govuk-task-list")]
public sealed class GovUkTaskListTagHelper : GovUkTagHelper
{
    [HtmlAttributeName("id-prefix")]
    public string? IdPrefix { get; set; }

    protected override async Task<string?> RenderAsync(TagHelperContext context, TagHelperOutput output)
    {
        var items = new List<TaskListItem?>();
        context.Items[typeof(List<TaskListItem?>)] = items;
        await output.GetChildContentAsync();
        return GovUkTaskListRenderer.Render(new TaskListOptions { Items = items, IdPrefix = IdPrefix, Classes = Classes, Attributes = Attributes });
    }
}

[HtmlTargetElement("govuk-task-list-item", ParentTag = "govuk-task-list")]
public sealed class GovUkTaskListItemTagHelper : GovUkChildTagHelper<List<TaskListItem?>>
{
    [HtmlAttributeName("href")]
    public string? Href { get; set; }

    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    [HtmlAttributeName("status")]
    public string? Status { get; set; }

    [HtmlAttributeName("status-tag")]
    public string? StatusTag { get; set; }

    [HtmlAttributeName("status-tag-class")]
    public string? StatusTagClass { get; set; }

    [HtmlAttributeName("class")]
    public string? Classes { get; set; }

    protected override async Task CollectAsync(List<TaskListItem?> parent, TagHelperContext context, TagHelperOutput output)
    {
        parent.Add(new TaskListItem
        {
            Href = Href,
            Title = new ClassedContent { Html = (await ChildHtmlAsync(output))?.Trim() },
            Hint = string.IsNullOrEmpty(Hint) ? null : new TextOrHtml { Text = Hint },
            Status = StatusTag is not null
                ? new TaskListStatus { Tag = new TagOptions { Text = StatusTag, Classes = StatusTagClass } }
                : new TaskListStatus { Text = Status, Classes = Href is null ? "govuk-task-list__status--cannot-start-yet" : null },
            Classes = Classes,
        });
    }
}
