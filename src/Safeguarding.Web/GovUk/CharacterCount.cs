using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguarding.Web.GovUk;

public class CharacterCountOptions
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public int? Rows { get; set; }
    public string? Value { get; set; }
    public int? Maxlength { get; set; }
    public int? Maxwords { get; set; }
    public int? Threshold { get; set; }
    public LabelOptions? Label { get; set; }
    public HintOptions? Hint { get; set; }
    public ErrorMessageOptions? ErrorMessage { get; set; }
    public FormGroupOptions? FormGroup { get; set; }
    public string? Classes { get; set; }
    public bool? Spellcheck { get; set; }
    public GovUkAttributes? Attributes { get; set; }
    public HintOptions? CountMessage { get; set; }
    public string? CountType { get; set; }
    public string? TextareaDescriptionText { get; set; }
    public Dictionary<string, string>? CharactersUnderLimitText { get; set; }
    public string? CharactersAtLimitText { get; set; }
    public Dictionary<string, string>? CharactersOverLimitText { get; set; }
    public Dictionary<string, string>? WordsUnderLimitText { get; set; }
    public string? WordsAtLimitText { get; set; }
    public Dictionary<string, string>? WordsOverLimitText { get; set; }
}

public static class GovUkCharacterCountRenderer
{
    public static string Render(CharacterCountOptions o)
    {
        var countType = Markup.Has(o.CountType) ? o.CountType : o.Maxwords is > 0 ? "words" : null;
        var hasNoLimit = o.Maxwords is not > 0 && o.Maxlength is not > 0;
        var limit = o.Maxwords is > 0 ? o.Maxwords : o.Maxlength;
        var description = Markup.Has(o.TextareaDescriptionText)
            ? o.TextareaDescriptionText!
            : "You can enter up to %{count} " + (countType == "words" ? "words" : "characters");
        var id = Markup.Has(o.Id) ? o.Id : o.Name;

        var countMessage = GovUkHintRenderer.Render(new HintOptions
        {
            Text = hasNoLimit ? null : description.Replace("%{count}", limit?.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
            Id = id + "-info",
            Classes = "govuk-character-count__message" + (Markup.Has(o.CountMessage?.Classes) ? " " + o.CountMessage!.Classes : string.Empty),
        });
        if (o.FormGroup?.AfterInput is { } after)
        {
            countMessage += Markup.Content(after);
        }

        var attributes = new GovUkAttributes
        {
            { "data-module", "govuk-character-count" },
            { "data-maxlength", o.Maxlength, true },
            { "data-maxwords", o.Maxwords, true },
            { "data-threshold", o.Threshold, true },
            { "data-count-type", countType, true },
        };
        var attributesHtml = Markup.Attributes(attributes);
        if (hasNoLimit && Markup.Has(o.TextareaDescriptionText))
        {
            attributesHtml += I18n("textarea-description", new Dictionary<string, string> { ["other"] = o.TextareaDescriptionText! });
        }

        attributesHtml += I18n("characters-under-limit", o.CharactersUnderLimitText)
            + I18n("characters-at-limit", o.CharactersAtLimitText)
            + I18n("characters-over-limit", o.CharactersOverLimitText)
            + I18n("words-under-limit", o.WordsUnderLimitText)
            + I18n("words-at-limit", o.WordsAtLimitText)
            + I18n("words-over-limit", o.WordsOverLimitText)
            + Markup.Attributes(o.FormGroup?.Attributes);

        return GovUkTextareaRenderer.Render(
            new TextareaOptions
            {
                Id = id,
                Name = o.Name,
                DescribedBy = id + "-info",
                Rows = o.Rows,
                Spellcheck = o.Spellcheck,
                Value = o.Value,
                FormGroup = new FormGroupOptions
                {
                    Classes = "govuk-character-count" + (Markup.Has(o.FormGroup?.Classes) ? " " + o.FormGroup!.Classes : string.Empty),
                    BeforeInput = o.FormGroup?.BeforeInput,
                    AfterInput = new TextOrHtml { Html = countMessage },
                },
                Classes = "govuk-js-character-count" + (Markup.Has(o.Classes) ? " " + o.Classes : string.Empty),
                Label = o.Label,
                Hint = o.Hint,
                ErrorMessage = o.ErrorMessage,
                Attributes = o.Attributes,
            },
            attributesHtml);
    }

    private static string I18n(string key, string? message) =>
        Markup.Has(message) ? $" data-i18n.{key}=\"{Markup.Encode(message)}\"" : string.Empty;

    private static string I18n(string key, Dictionary<string, string>? messages) =>
        messages is null ? string.Empty : string.Concat(messages.Select(m => $" data-i18n.{key}.{m.Key}=\"{Markup.Encode(m.Value)}\""));
}

/// <summary><c>&lt;govuk-character-count asp-for="Summary" maxlength="500" label hint /&gt;</c> (or maxwords).</summary>
[HtmlTargetElement("govuk-character-count", TagStructure = TagStructure.NormalOrSelfClosing)]
public sealed class GovUkCharacterCountTagHelper : GovUkFieldTagHelper
{
    [HtmlAttributeName("rows")]
    public int? Rows { get; set; }

    [HtmlAttributeName("maxlength")]
    public int? Maxlength { get; set; }

    [HtmlAttributeName("maxwords")]
    public int? Maxwords { get; set; }

    [HtmlAttributeName("threshold")]
    public int? Threshold { get; set; }

    protected override Task<string?> RenderAsync(TagHelperContext context, TagHelperOutput output)
    {
        var f = Field();
        return Task.FromResult<string?>(GovUkCharacterCountRenderer.Render(new CharacterCountOptions
        {
            Name = f.Name,
            Id = f.Id,
            Value = f.Value,
            Label = f.Label,
            Hint = f.Hint,
            ErrorMessage = f.Error,
            Rows = Rows,
            Maxlength = Maxlength,
            Maxwords = Maxwords,
            Threshold = Threshold,
            Spellcheck = Spellcheck,
            Classes = Classes,
            Attributes = Attributes,
        }));
    }
}
