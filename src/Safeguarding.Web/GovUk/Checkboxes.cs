namespace Safeguarding.Web.GovUk;

public static class GovUkCheckboxesRenderer
{
    public static string Render(CheckboxesOptions o) =>
        ChoiceRenderer.Render(o, "checkboxes", item => item.Checked ?? (o.Values is not null && item.Value is not null && o.Values.Contains(item.Value)));
}
