using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguarding.Web.Tests.GovUk;

/// <summary>A tag helper and what Razor would give it: unbound attributes and child content (markup or nested tags).</summary>
internal sealed record Tag(string Name, TagHelper Helper, params object[] Children)
{
    public TagHelperAttributeList Attributes { get; init; } = [];
}

/// <summary>Runs tag helpers the way Razor does, without compiling a view.</summary>
internal static class TagHelperHarness
{
    public static async Task<string> RenderAsync(Tag tag, IDictionary<object, object>? parentItems = null)
    {
        // Razor gives each child a copy of its parent's Items, which is how our children find their parent.
        var items = new Dictionary<object, object>(parentItems ?? new Dictionary<object, object>());
        var context = new TagHelperContext(tag.Name, new TagHelperAttributeList(tag.Attributes), items, Guid.NewGuid().ToString("N"));
        var output = new TagHelperOutput(tag.Name, new TagHelperAttributeList(tag.Attributes), async (_, _) =>
        {
            var sb = new StringBuilder();
            foreach (var child in tag.Children)
            {
                sb.Append(child is Tag t ? await RenderAsync(t, items) : (string)child);
            }

            var content = new DefaultTagHelperContent();
            content.SetHtmlContent(sb.ToString());
            return content;
        });

        tag.Helper.Init(context);
        await tag.Helper.ProcessAsync(context, output);
        using var writer = new StringWriter();
        output.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    public static ViewContext ViewContext(ModelStateDictionary? modelState = null) => new()
    {
        ViewData = new ViewDataDictionary(new EmptyModelMetadataProvider(), modelState ?? new ModelStateDictionary()),
    };

    public static ModelExpression For<TModel>(TModel model, string property) =>
        new(property, new EmptyModelMetadataProvider().GetModelExplorerForType(typeof(TModel), model).GetExplorerForProperty(property));
}
