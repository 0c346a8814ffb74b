using Safeguarding.Web.GovUk;

namespace Safeguarding.Web.Tests.GovUk;

// One theory case per fixture in govuk-frontend's fixtures.json for each component.
// SKIPPED lists fixtures for features we deliberately don't support, with the reason.
public sealed class ButtonFixtureTests
{
    public static readonly Dictionary<string, string> Skipped = [];

    public static TheoryData<string> Fixtures => GovUkFixtures.Names("button", Skipped);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Renders_like_govuk_frontend(string fixture) => GovUkFixtures.Verify<ButtonOptions>("button", fixture, GovUkButtonRenderer.Render);
}

public sealed class HintFixtureTests
{
    public static readonly Dictionary<string, string> Skipped = [];

    public static TheoryData<string> Fixtures => GovUkFixtures.Names("hint", Skipped);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Renders_like_govuk_frontend(string fixture) => GovUkFixtures.Verify<HintOptions>("hint", fixture, GovUkHintRenderer.Render);
}

public sealed class LabelFixtureTests
{
    public static readonly Dictionary<string, string> Skipped = [];

    public static TheoryData<string> Fixtures => GovUkFixtures.Names("label", Skipped);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Renders_like_govuk_frontend(string fixture) => GovUkFixtures.Verify<LabelOptions>("label", fixture, GovUkLabelRenderer.Render);
}

public sealed class ErrorMessageFixtureTests
{
    public static readonly Dictionary<string, string> Skipped = [];

    public static TheoryData<string> Fixtures => GovUkFixtures.Names("error-message", Skipped);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Renders_like_govuk_frontend(string fixture) => GovUkFixtures.Verify<ErrorMessageOptions>("error-message", fixture, GovUkErrorMessageRenderer.Render);
}

public sealed class FieldsetFixtureTests
{
    public static readonly Dictionary<string, string> Skipped = [];

    public static TheoryData<string> Fixtures => GovUkFixtures.Names("fieldset", Skipped);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Renders_like_govuk_frontend(string fixture) => GovUkFixtures.Verify<FieldsetOptions>("fieldset", fixture, GovUkFieldsetRenderer.Render);
}

public sealed class InputFixtureTests
{
    public static readonly Dictionary<string, string> Skipped = [];

    public static TheoryData<string> Fixtures => GovUkFixtures.Names("input", Skipped);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Renders_like_govuk_frontend(string fixture) => GovUkFixtures.Verify<InputOptions>("input", fixture, GovUkInputRenderer.Render);
}

public sealed class TextareaFixtureTests
{
    public static readonly Dictionary<string, string> Skipped = [];

    public static TheoryData<string> Fixtures => GovUkFixtures.Names("textarea", Skipped);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Renders_like_govuk_frontend(string fixture) => GovUkFixtures.Verify<TextareaOptions>("textarea", fixture, GovUkTextareaRenderer.Render);
}

public sealed class SelectFixtureTests
{
    public static readonly Dictionary<string, string> Skipped = [];

    public static TheoryData<string> Fixtures => GovUkFixtures.Names("select", Skipped);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Renders_like_govuk_frontend(string fixture) => GovUkFixtures.Verify<SelectOptions>("select", fixture, GovUkSelectRenderer.Render);
}

public sealed class CharacterCountFixtureTests
{
    public static readonly Dictionary<string, string> Skipped = [];

    public static TheoryData<string> Fixtures => GovUkFixtures.Names("character-count", Skipped);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Renders_like_govuk_frontend(string fixture) => GovUkFixtures.Verify<CharacterCountOptions>("character-count", fixture, GovUkCharacterCountRenderer.Render);
}

public sealed class RadiosFixtureTests
{
    public static readonly Dictionary<string, string> Skipped = [];

    public static TheoryData<string> Fixtures => GovUkFixtures.Names("radios", Skipped);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Renders_like_govuk_frontend(string fixture) => GovUkFixtures.Verify<RadiosOptions>("radios", fixture, GovUkRadiosRenderer.Render);
}

public sealed class CheckboxesFixtureTests
{
    public static readonly Dictionary<string, string> Skipped = [];

    public static TheoryData<string> Fixtures => GovUkFixtures.Names("checkboxes", Skipped);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Renders_like_govuk_frontend(string fixture) => GovUkFixtures.Verify<CheckboxesOptions>("checkboxes", fixture, GovUkCheckboxesRenderer.Render);
}

public sealed class SummaryListFixtureTests
{
    public static readonly Dictionary<string, string> Skipped = [];

    public static TheoryData<string> Fixtures => GovUkFixtures.Names("summary-list", Skipped);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Renders_like_govuk_frontend(string fixture) => GovUkFixtures.Verify<SummaryListOptions>("summary-list", fixture, GovUkSummaryListRenderer.Render);
}

public sealed class TableFixtureTests
{
    public static readonly Dictionary<string, string> Skipped = [];

    public static TheoryData<string> Fixtures => GovUkFixtures.Names("table", Skipped);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Renders_like_govuk_frontend(string fixture) => GovUkFixtures.Verify<TableOptions>("table", fixture, GovUkTableRenderer.Render);
}

public sealed class TagFixtureTests
{
    public static readonly Dictionary<string, string> Skipped = [];

    public static TheoryData<string> Fixtures => GovUkFixtures.Names("tag", Skipped);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Renders_like_govuk_frontend(string fixture) => GovUkFixtures.Verify<TagOptions>("tag", fixture, GovUkTagRenderer.Render);
}

public sealed class NotificationBannerFixtureTests
{
    public static readonly Dictionary<string, string> Skipped = [];

    public static TheoryData<string> Fixtures => GovUkFixtures.Names("notification-banner", Skipped);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Renders_like_govuk_frontend(string fixture) => GovUkFixtures.Verify<NotificationBannerOptions>("notification-banner", fixture, GovUkNotificationBannerRenderer.Render);
}

public sealed class PanelFixtureTests
{
    public static readonly Dictionary<string, string> Skipped = [];

    public static TheoryData<string> Fixtures => GovUkFixtures.Names("panel", Skipped);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Renders_like_govuk_frontend(string fixture) => GovUkFixtures.Verify<PanelOptions>("panel", fixture, GovUkPanelRenderer.Render);
}

public sealed class BackLinkFixtureTests
{
    public static readonly Dictionary<string, string> Skipped = [];

    public static TheoryData<string> Fixtures => GovUkFixtures.Names("back-link", Skipped);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Renders_like_govuk_frontend(string fixture) => GovUkFixtures.Verify<BackLinkOptions>("back-link", fixture, GovUkBackLinkRenderer.Render);
}

public sealed class BreadcrumbsFixtureTests
{
    public static readonly Dictionary<string, string> Skipped = [];

    public static TheoryData<string> Fixtures => GovUkFixtures.Names("breadcrumbs", Skipped);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Renders_like_govuk_frontend(string fixture) => GovUkFixtures.Verify<BreadcrumbsOptions>("breadcrumbs", fixture, GovUkBreadcrumbsRenderer.Render);
}

public sealed class PaginationFixtureTests
{
    public static readonly Dictionary<string, string> Skipped = [];

    public static TheoryData<string> Fixtures => GovUkFixtures.Names("pagination", Skipped);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Renders_like_govuk_frontend(string fixture) => GovUkFixtures.Verify<PaginationOptions>("pagination", fixture, GovUkPaginationRenderer.Render);
}

public sealed class TaskListFixtureTests
{
    public static readonly Dictionary<string, string> Skipped = [];

    public static TheoryData<string> Fixtures => GovUkFixtures.Names("task-list", Skipped);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Renders_like_govuk_frontend(string fixture) => GovUkFixtures.Verify<TaskListOptions>("task-list", fixture, GovUkTaskListRenderer.Render);
}

public sealed class DetailsFixtureTests
{
    public static readonly Dictionary<string, string> Skipped = [];

    public static TheoryData<string> Fixtures => GovUkFixtures.Names("details", Skipped);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Renders_like_govuk_frontend(string fixture) => GovUkFixtures.Verify<DetailsOptions>("details", fixture, GovUkDetailsRenderer.Render);
}

public sealed class WarningTextFixtureTests
{
    public static readonly Dictionary<string, string> Skipped = [];

    public static TheoryData<string> Fixtures => GovUkFixtures.Names("warning-text", Skipped);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Renders_like_govuk_frontend(string fixture) => GovUkFixtures.Verify<WarningTextOptions>("warning-text", fixture, GovUkWarningTextRenderer.Render);
}

public sealed class InsetTextFixtureTests
{
    public static readonly Dictionary<string, string> Skipped = [];

    public static TheoryData<string> Fixtures => GovUkFixtures.Names("inset-text", Skipped);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Renders_like_govuk_frontend(string fixture) => GovUkFixtures.Verify<InsetTextOptions>("inset-text", fixture, GovUkInsetTextRenderer.Render);
}

public sealed class SkipLinkFixtureTests
{
    public static readonly Dictionary<string, string> Skipped = [];

    public static TheoryData<string> Fixtures => GovUkFixtures.Names("skip-link", Skipped);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Renders_like_govuk_frontend(string fixture) => GovUkFixtures.Verify<SkipLinkOptions>("skip-link", fixture, GovUkSkipLinkRenderer.Render);
}

public sealed class ErrorSummaryFixtureTests
{
    public static readonly Dictionary<string, string> Skipped = [];

    public static TheoryData<string> Fixtures => GovUkFixtures.Names("error-summary", Skipped);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Renders_like_govuk_frontend(string fixture) => GovUkFixtures.Verify<ErrorSummaryOptions>("error-summary", fixture, GovUkErrorSummaryRenderer.Render);
}

public sealed class DateInputFixtureTests
{
    public static readonly Dictionary<string, string> Skipped = [];

    public static TheoryData<string> Fixtures => GovUkFixtures.Names("date-input", Skipped);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Renders_like_govuk_frontend(string fixture) =>
        GovUkFixtures.Verify<DateInputOptions>("date-input", fixture, GovUkDateInputRenderer.Render, OmitFalseParts);

    // Nunjucks uses `day: false` to leave a part out; our options model says so with Omit.
    private static System.Text.Json.Nodes.JsonNode OmitFalseParts(System.Text.Json.Nodes.JsonNode options)
    {
        foreach (var part in new[] { "day", "month", "year" })
        {
            if (options[part] is System.Text.Json.Nodes.JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.False)
            {
                options[part] = new System.Text.Json.Nodes.JsonObject { ["omit"] = true };
            }
        }

        return options;
    }
}
