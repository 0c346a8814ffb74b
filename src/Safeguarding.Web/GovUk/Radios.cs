using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguarding.Web.GovUk;

public class ChoiceItemLabel
{
    public string? Classes { get; set; }
    public GovUkAttributes? Attributes { get; set; }
}

public class ChoiceItemConditional
{
    /// <summary>Trusted markup revealed when the item is chosen.</summary>
    public string? Html { get; set; }
}

/// <summary>One radio or checkbox.</summary>
public class ChoiceItem : TextOrHtml
{
    public string? Value { get; set; }
    public string? Id { get; set; }
    public string? Name { get; set; }
    public LabelOptions? Label { get; set; }
    public HintOptions? Hint { get; set; }

    /// <summary>When set, renders a divider (such as "or") instead of an item.</summary>
    public string? Divider { get; set; }
    public bool? Checked { get; set; }
    public ChoiceItemConditional? Conditional { get; set; }

    /// <summary>Checkboxes only: "exclusive" unchecks the others ("None of these").</summary>
    public string? Behaviour { get; set; }
    public bool Disabled { get; set; }
    public GovUkAttributes? Attributes { get; set; }
}

public class ChoiceOptions
{
    public string? IdPrefix { get; set; }
    public string? Name { get; set; }
    public List<ChoiceItem?>? Items { get; set; }
    public string? DescribedBy { get; set; }
    public FieldsetOptions? Fieldset { get; set; }
    public HintOptions? Hint { get; set; }
    public ErrorMessageOptions? ErrorMessage { get; set; }
    public FormGroupOptions? FormGroup { get; set; }
    public string? Classes { get; set; }
    public GovUkAttributes? Attributes { get; set; }
}

public class RadiosOptions : ChoiceOptions
{
    /// <summary>The chosen value; checks the matching item unless items say otherwise.</summary>
    public string? Value { get; set; }
}

public class CheckboxesOptions : ChoiceOptions
{
    public List<string>? Values { get; set; }
}

/// <summary>Radios and checkboxes share one template shape; only names and a few rules differ.</summary>
internal static class ChoiceRenderer
{
    public static string Render(ChoiceOptions o, string kind, Func<ChoiceItem, bool> isChecked)
    {
        var idPrefix = Markup.Has(o.IdPrefix) ? o.IdPrefix : o.Name;
        var isCheckboxes = kind == "checkboxes";
        var describedBy = isCheckboxes ? o.DescribedBy ?? string.Empty : string.Empty;
        if (Markup.Has(o.Fieldset?.DescribedBy))
        {
            describedBy = o.Fieldset!.DescribedBy!;
        }

        var hasFieldset = o.Fieldset is not null;
        var inner = FormField.HintAndError(idPrefix, o.Hint, o.ErrorMessage, ref describedBy);
        inner += $"<div class=\"{Markup.Classes("govuk-" + kind, o.Classes)}\"{Markup.Attributes(o.Attributes)} data-module=\"govuk-{kind}\">";
        if (o.FormGroup?.BeforeInputs is { } before)
        {
            inner += Markup.Content(before);
        }

        var index = 0;
        foreach (var item in o.Items ?? [])
        {
            index++;
            if (item is null)
            {
                continue;
            }

            // The first id has no number so the error summary can link to it.
            var itemId = Markup.Has(item.Id) ? item.Id! : idPrefix + (index > 1 ? "-" + index : string.Empty);
            if (Markup.Has(item.Divider))
            {
                inner += $"<div class=\"govuk-{kind}__divider\">{Markup.Encode(item.Divider)}</div>";
                continue;
            }

            var checkedNow = isChecked(item);
            var hasHint = item.Hint is { HasContent: true };
            var itemHintId = itemId + "-item-hint";
            var conditionalId = "conditional-" + itemId;
            var hasConditional = Markup.Has(item.Conditional?.Html);
            string? itemDescribedBy;
            if (isCheckboxes)
            {
                itemDescribedBy = ((hasFieldset ? string.Empty : describedBy) + " " + (hasHint ? itemHintId : string.Empty)).Trim();
            }
            else
            {
                itemDescribedBy = hasHint ? itemHintId : null;
            }

            var name = isCheckboxes && Markup.Has(item.Name) ? item.Name : o.Name;
            var type = isCheckboxes ? "checkbox" : "radio";
            inner += $"<div class=\"govuk-{kind}__item\">"
                + $"<input class=\"govuk-{kind}__input\" id=\"{Markup.Encode(itemId)}\" name=\"{Markup.Encode(name)}\" type=\"{type}\" value=\"{Markup.Encode(item.Value)}\""
                + (checkedNow ? " checked" : string.Empty)
                + (item.Disabled ? " disabled" : string.Empty)
                + (hasConditional ? $" data-aria-controls=\"{Markup.Encode(conditionalId)}\"" : string.Empty)
                + Markup.Attr("data-behaviour", item.Behaviour)
                + Markup.Attr("aria-describedby", itemDescribedBy)
                + Markup.Attributes(item.Attributes) + ">"
                + GovUkLabelRenderer.Render(new LabelOptions
                {
                    Html = item.Html,
                    Text = item.Text,
                    Classes = $"govuk-{kind}__label" + (Markup.Has(item.Label?.Classes) ? " " + item.Label!.Classes : string.Empty),
                    Attributes = item.Label?.Attributes,
                    For = itemId,
                });
            if (hasHint)
            {
                inner += GovUkHintRenderer.Render(new HintOptions
                {
                    Id = itemHintId,
                    Classes = $"govuk-{kind}__hint" + (Markup.Has(item.Hint!.Classes) ? " " + item.Hint.Classes : string.Empty),
                    Attributes = item.Hint.Attributes,
                    Html = item.Hint.Html,
                    Text = item.Hint.Text,
                });
            }

            inner += "</div>";
            if (hasConditional)
            {
                inner += $"<div class=\"govuk-{kind}__conditional{(checkedNow ? string.Empty : $" govuk-{kind}__conditional--hidden")}\" id=\"{Markup.Encode(conditionalId)}\">{item.Conditional!.Html!.Trim()}</div>";
            }
        }

        if (o.FormGroup?.AfterInputs is { } after)
        {
            inner += Markup.Content(after);
        }

        inner += "</div>";

        var html = FormField.OpenGroup(o.FormGroup, o.ErrorMessage is not null);
        html += hasFieldset
            ? GovUkFieldsetRenderer.Render(new FieldsetOptions
            {
                DescribedBy = describedBy,
                Classes = o.Fieldset!.Classes,
                Attributes = o.Fieldset.Attributes,
                Legend = o.Fieldset.Legend,
                Html = inner,
            })
            : inner;
        return html + "</div>";
    }
}

public static class GovUkRadiosRenderer
{
    public static string Render(RadiosOptions o) =>
        ChoiceRenderer.Render(o, "radios", item => item.Checked ?? (Markup.Has(o.Value) && item.Value == o.Value));
}

/// <summary>Shared by the radios and checkboxes tag helpers: collects items and binds the chosen value(s).</summary>
public abstract class GovUkChoiceTagHelper : GovUkFieldsetFieldTagHelper
{
    [HtmlAttributeName("id-prefix")]
    public string? IdPrefix { get; set; }

    protected async Task<(ChoiceOptions Options, FieldBinding? Binding)> CollectAsync<TOptions>(TagHelperContext context, TagHelperOutput output)
        where TOptions : ChoiceOptions, new()
    {
        var items = new List<ChoiceItem?>();
        context.Items[typeof(List<ChoiceItem?>)] = items;
        await output.GetChildContentAsync();
        var binding = FieldBinding.From(For, ViewContext);
        var options = new TOptions
        {
            Name = Name ?? binding?.Name,
            IdPrefix = IdPrefix ?? binding?.Id,
            Items = items,
            Fieldset = Fieldset(binding),
            Hint = HintOptions,
            ErrorMessage = Error(binding),
            Classes = Classes,
            Attributes = Attributes,
        };
        return (options, binding);
    }
}

/// <summary>
/// <c>&lt;govuk-radios asp-for="Decision" legend hint class="govuk-radios--inline"&gt;</c> with
/// <c>&lt;govuk-radios-item value hint&gt;Label&lt;govuk-radios-item-conditional&gt;…&lt;/…&gt;&lt;/govuk-radios-item&gt;</c>
/// and <c>&lt;govuk-radios-divider&gt;or&lt;/govuk-radios-divider&gt;</c>.
/// </summary>
[HtmlTargetElement("govuk-radios")]
public sealed class GovUkRadiosTagHelper : GovUkChoiceTagHelper
{
    [HtmlAttributeName("value")]
    public string? Value { get; set; }

    protected override async Task<string?> RenderAsync(TagHelperContext context, TagHelperOutput output)
    {
        var (options, binding) = await CollectAsync<RadiosOptions>(context, output);
        ((RadiosOptions)options).Value = Value ?? binding?.Value;
        return GovUkRadiosRenderer.Render((RadiosOptions)options);
    }
}

/// <summary>A radio or checkbox: content is the label; attributes value, hint, checked, disabled, id.</summary>
public abstract class GovUkChoiceItemTagHelper : GovUkChildTagHelper<List<ChoiceItem?>>
{
    [HtmlAttributeName("value")]
    public string? Value { get; set; }

    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    [HtmlAttributeName("checked")]
    public bool? Checked { get; set; }

    [HtmlAttributeName("disabled")]
    public bool Disabled { get; set; }

    [HtmlAttributeName("id")]
    public string? Id { get; set; }

    protected virtual string? Behaviour => null;

    protected override async Task CollectAsync(List<ChoiceItem?> parent, TagHelperContext context, TagHelperOutput output)
    {
        var item = new ChoiceItem
        {
            Value = Value,
            Hint = string.IsNullOrEmpty(Hint) ? null : new HintOptions { Text = Hint },
            Checked = Checked,
            Disabled = Disabled,
            Id = Id,
            Behaviour = Behaviour,
        };

        // Add first so the numbering of ids follows document order; the conditional child fills in its part.
        parent.Add(item);
        context.Items[typeof(ChoiceItem)] = item;
        item.Html = (await ChildHtmlAsync(output))?.Trim();
    }
}

[HtmlTargetElement("govuk-radios-item", ParentTag = "govuk-radios")]
public sealed class GovUkRadiosItemTagHelper : GovUkChoiceItemTagHelper;

/// <summary>Content revealed when its item is chosen.</summary>
public abstract class GovUkChoiceConditionalTagHelper : GovUkChildTagHelper<ChoiceItem>
{
    protected override async Task CollectAsync(ChoiceItem parent, TagHelperContext context, TagHelperOutput output) =>
        parent.Conditional = new ChoiceItemConditional { Html = await ChildHtmlAsync(output) };
}

[HtmlTargetElement("govuk-radios-item-conditional", ParentTag = "govuk-radios-item")]
public sealed class GovUkRadiosItemConditionalTagHelper : GovUkChoiceConditionalTagHelper;

public abstract class GovUkChoiceDividerTagHelper : GovUkChildTagHelper<List<ChoiceItem?>>
{
    protected override async Task CollectAsync(List<ChoiceItem?> parent, TagHelperContext context, TagHelperOutput output)
    {
        var text = (await output.GetChildContentAsync()).GetContent(System.Text.Encodings.Web.HtmlEncoder.Default);
        parent.Add(new ChoiceItem { Divider = System.Net.WebUtility.HtmlDecode(text).Trim() });
    }
}

[HtmlTargetElement("govuk-radios-divider", ParentTag = "govuk-radios")]
public sealed class GovUkRadiosDividerTagHelper : GovUkChoiceDividerTagHelper;
