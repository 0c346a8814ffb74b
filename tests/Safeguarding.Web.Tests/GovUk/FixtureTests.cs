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
