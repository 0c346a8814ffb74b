using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Safeguarding.Core.Access;

namespace Safeguarding.EndToEndTests;

/// <summary>
/// Issue 7's pages in a real browser: a manager reads the summary and the pack, checks a figure against
/// its records, writes commentary (with the error state), and opens the dashboard; an analyst opens the
/// settings. Axe and the content security policy are checked on every page.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class PerformanceJourneyTests(AppFixture app) : BrowserTest(app)
{
    private ILocator Main => Page.Locator("main");

    [Fact]
    public async Task A_manager_reads_the_pack_checks_a_figure_and_writes_commentary()
    {
        await DemoSignIn.SignInAsync(Page, Roles.TeamManager);

        await GoToAsync("/performance");
        await Assertions.Expect(Page.Locator("table.app-performance-summary tbody tr")).ToHaveCountAsync(15);
        await AssertPageAsync("the performance summary");

        await Main.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Read the full pack") }).ClickAsync();
        await Assertions.Expect(Page.Locator("section.app-pack-indicator svg.app-chart").First).ToBeVisibleAsync();
        await AssertPageAsync("the monthly pack");

        await Page.Locator("section[aria-labelledby=kpi2] a[href^='/performance/records/kpi2']").ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Records behind the figure");
        await AssertPageAsync("the records behind KPI 2");

        await Page.GoBackAsync();
        await Page.Locator("section[aria-labelledby=kpi2] a[href^='/performance/commentary/kpi2']").ClickAsync();
        await Main.GetByRole(AriaRole.Button, new() { Name = "Save commentary" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await AssertPageAsync("commentary with nothing entered");

        await Page.Locator("textarea[name='Input.Text']").FillAsync("Re-referrals fell after the step-down panel started checking every closure.");
        await Main.GetByRole(AriaRole.Button, new() { Name = "Save commentary" }).ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/performance/pack\\?month=\\d{4}-\\d{2}#kpi2$"));
        await Assertions.Expect(Page.Locator("section[aria-labelledby=kpi2] .app-commentary")).ToContainTextAsync("step-down panel");
        await AssertPageAsync("the pack with commentary saved");

        await GoToAsync("/performance/dashboard");
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("Partnership dashboard");
        await AssertPageAsync("the partnership dashboard");
    }

    [Fact]
    public async Task An_analyst_opens_the_performance_settings()
    {
        await DemoSignIn.SignInAsync(Page, Roles.PerformanceAnalyst);

        await GoToAsync("/performance/settings");
        await AssertPageAsync("the performance settings");
        await GoToAsync("/performance/settings/targets/kpi1");
        await Main.GetByRole(AriaRole.Button).First.ClickAsync();
        await AssertPageAsync("a target form after saving or its errors");
        await GoToAsync("/performance/settings/comparators/import");
        await AssertPageAsync("the comparator import");
    }

    [Fact]
    public async Task A_manager_checks_a_statutory_return_and_filters_it()
    {
        await DemoSignIn.SignInAsync(Page, Roles.TeamManager);

        await GoToAsync("/performance/returns");
        await Main.GetByRole(AriaRole.Button, new() { Name = "Check the return" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await AssertPageAsync("checking a return with nothing chosen");

        await Main.GetByLabel("SSDA903 (children looked after)").CheckAsync();
        await Main.GetByRole(AriaRole.Button, new() { Name = "Check the return" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("SSDA903");
        await AssertPageAsync("the checks of the records' SSDA903");

        await GoToAsync("/performance/returns/upload");
        await Main.GetByLabel("CIN census").CheckAsync();
        await Page.Locator("input[name=Files]").SetInputFilesAsync(new FilePayload { Name = "census.xml", MimeType = "text/xml", Buffer = "<Message><Header></Message>"u8.ToArray() });
        await Main.GetByRole(AriaRole.Button, new() { Name = "Upload and check" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".govuk-error-summary")).ToContainTextAsync("census.xml, line 1");
        await AssertPageAsync("an uploaded census that is not XML");
    }
}
