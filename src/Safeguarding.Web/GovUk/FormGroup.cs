namespace Safeguarding.Web.GovUk;

/// <summary>The <c>formGroup</c> option shared by the form components.</summary>
public class FormGroupOptions
{
    public string? Classes { get; set; }
    public GovUkAttributes? Attributes { get; set; }
    public TextOrHtml? BeforeInput { get; set; }
    public TextOrHtml? AfterInput { get; set; }
    public TextOrHtml? BeforeInputs { get; set; }
    public TextOrHtml? AfterInputs { get; set; }
}

/// <summary>The pieces every form component shares: form group, hint and error message.</summary>
internal static class FormField
{
    public static string OpenGroup(FormGroupOptions? g, bool hasError, string? extraClass = null, string? rawAttributes = null) =>
        $"<div class=\"{Markup.Classes("govuk-form-group", hasError ? "govuk-form-group--error" : null, extraClass, g?.Classes)}\"{rawAttributes ?? Markup.Attributes(g?.Attributes)}>";

    /// <summary>Renders hint and error message, appending their ids to <paramref name="describedBy"/>.</summary>
    public static string HintAndError(string? idPrefix, HintOptions? hint, ErrorMessageOptions? error, ref string describedBy)
    {
        var html = string.Empty;
        if (hint is not null)
        {
            var hintId = idPrefix + "-hint";
            describedBy = Append(describedBy, hintId);
            html += GovUkHintRenderer.Render(new HintOptions { Id = hintId, Classes = hint.Classes, Attributes = hint.Attributes, Html = hint.Html, Text = hint.Text });
        }

        if (error is not null)
        {
            var errorId = idPrefix + "-error";
            describedBy = Append(describedBy, errorId);
            html += GovUkErrorMessageRenderer.Render(new ErrorMessageOptions
            {
                Id = errorId,
                Classes = error.Classes,
                Attributes = error.Attributes,
                Html = error.Html,
                Text = error.Text,
                VisuallyHiddenText = error.VisuallyHiddenText,
            });
        }

        return html;
    }

    public static string Append(string? list, string id) => string.IsNullOrEmpty(list) ? id : list + " " + id;

    public static string Label(LabelOptions? label, string? forId) => GovUkLabelRenderer.Render(label is null ? null : new LabelOptions
    {
        Html = label.Html,
        Text = label.Text,
        Classes = label.Classes,
        IsPageHeading = label.IsPageHeading,
        Attributes = label.Attributes,
        For = forId,
    });
}
