using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguarding.Web.GovUk;

/// <summary>
/// Base for our GOV.UK tag helpers: the tag is replaced by the renderer's markup, a <c>class</c>
/// attribute becomes the component's extra classes and any other unbound attribute is passed through.
/// </summary>
public abstract class GovUkTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext? ViewContext { get; set; }

    protected string? Classes { get; private set; }

    protected GovUkAttributes? Attributes { get; private set; }

    public sealed override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var attributes = new GovUkAttributes();
        foreach (var attribute in output.Attributes)
        {
            if (attribute.Name == "class")
            {
                Classes = attribute.Value?.ToString();
            }
            else
            {
                attributes.Add(attribute.Name, attribute.ValueStyle == HtmlAttributeValueStyle.Minimized ? null : attribute.Value?.ToString());
            }
        }

        Attributes = attributes.Count > 0 ? attributes : null;
        output.Attributes.Clear();
        output.TagName = null;

        var html = await RenderAsync(context, output);
        if (html is null)
        {
            output.SuppressOutput();
        }
        else
        {
            output.Content.SetHtmlContent(html);
        }
    }

    /// <summary>Returns the component markup, or null to render nothing.</summary>
    protected abstract Task<string?> RenderAsync(TagHelperContext context, TagHelperOutput output);

    protected static async Task<string?> ChildHtmlAsync(TagHelperOutput output)
    {
        var content = await output.GetChildContentAsync();
        return content.IsEmptyOrWhiteSpace ? null : content.GetContent();
    }

    protected static string? Text(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

/// <summary>Base for child tags (items, rows) that hand their options to the enclosing component.</summary>
public abstract class GovUkChildTagHelper<TParent> : TagHelper
    where TParent : class
{
    public sealed override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var parent = context.Items.TryGetValue(typeof(TParent), out var p) ? (TParent)p : null;
        output.SuppressOutput();
        if (parent is null)
        {
            throw new InvalidOperationException($"<{context.TagName}> must be inside its GOV.UK component.");
        }

        await CollectAsync(parent, context, output);
    }

    protected abstract Task CollectAsync(TParent parent, TagHelperContext context, TagHelperOutput output);

    protected static async Task<string?> ChildHtmlAsync(TagHelperOutput output)
    {
        var content = await output.GetChildContentAsync();
        return content.IsEmptyOrWhiteSpace ? null : content.GetContent();
    }
}

/// <summary>What an <c>asp-for</c> binding gives a form component: name, id, value to show and error.</summary>
public sealed record FieldBinding(string Name, string Id, string? Value, string? Error, string DisplayName)
{
    public static FieldBinding? From(ModelExpression? modelExpression, ViewContext? viewContext)
    {
        if (modelExpression is null)
        {
            return null;
        }

        var name = viewContext?.ViewData.TemplateInfo.GetFullHtmlFieldName(modelExpression.Name) ?? modelExpression.Name;
        string? value = null;
        string? error = null;
        if (viewContext is not null && viewContext.ViewData.ModelState.TryGetValue(name, out var entry))
        {
            // Show what the person typed, even when it didn't bind.
            value = entry.AttemptedValue;
            error = entry.Errors.FirstOrDefault()?.ErrorMessage;
        }

        value ??= Format(modelExpression.Model);
        return new FieldBinding(name, IdFor(name), value, error, modelExpression.Metadata.GetDisplayName());
    }

    /// <summary>The element id for a field name; the error summary links to the same id.</summary>
    public static string IdFor(string name) => TagBuilder.CreateSanitizedId(name, "_");

    internal static string? Format(object? model) => model switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => model.ToString(),
    };
}
