using System.Text;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Safeguarding.EndToEndTests;

/// <summary>
/// A fresh browser context and page per test, with checks for accessibility (axe, WCAG 2.2 AA tags)
/// and for Content Security Policy violations reported on the console.
/// </summary>
public abstract class BrowserTest(AppFixture app) : IAsyncLifetime
{
    private readonly List<string> cspViolations = [];
    private IBrowserContext context = null!;

    protected AppFixture App { get; } = app;

    protected IPage Page { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        context = await App.Browser.NewContextAsync(new() { BaseURL = App.BaseUrl.ToString() });
        // Generous: a shared 2-core runner under load once took more than 15 s to sign in and show a dashboard.
        context.SetDefaultTimeout(30_000);
        Page = await context.NewPageAsync();
        Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (cspViolations)
                {
                    cspViolations.Add($"{Page.Url}: {message.Text}");
                }
            }
        };
    }

    public async Task DisposeAsync() => await context.CloseAsync();

    protected async Task<IResponse> GoToAsync(string path)
    {
        var response = await Page.GotoAsync(path);
        Assert.NotNull(response);
        return response!;
    }

    /// <summary>Runs axe on the page as it is now and fails listing every violation.</summary>
    protected async Task AssertAccessibleAsync(string state)
    {
        var result = await Page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
            // Only violations are needed: skipping the detail of passes keeps each run fast.
            ResultTypes = [ResultType.Violations],
        });

        var violations = result.Violations
            .Select(v => (Violation: v, Nodes: v.Nodes.Where(n => !IsGovUkConditionalReveal(v, n)).ToList()))
            .Where(v => v.Nodes.Count > 0)
            .ToList();
        if (violations.Count == 0)
        {
            return;
        }

        var report = new StringBuilder($"axe found {violations.Count} violation(s) on {state} ({Page.Url}):");
        foreach (var (violation, nodes) in violations)
        {
            report.AppendLine().Append($"- {violation.Id} [{violation.Impact}] {violation.Help} ({violation.HelpUrl})");
            foreach (var node in nodes)
            {
                report.AppendLine().Append($"    target: {node.Target}");
                report.AppendLine().Append($"    html: {node.Html}");
            }
        }

        Assert.Fail(report.ToString());
    }

    /// <summary>
    /// GOV.UK Frontend sets aria-expanded on a radio or checkbox that reveals a conditional question. ARIA 1.2
    /// does not allow it there, so axe reports aria-allowed-attr, but GDS keeps it on purpose because screen
    /// readers announce it (known issue alphagov/govuk-frontend#979). Only that exact case is let through.
    /// </summary>
    private static bool IsGovUkConditionalReveal(AxeResultItem violation, AxeResultNode node) =>
        violation.Id == "aria-allowed-attr"
        && (node.Html.Contains("govuk-radios__input", StringComparison.Ordinal) || node.Html.Contains("govuk-checkboxes__input", StringComparison.Ordinal))
        && node.Html.Contains("aria-controls=\"conditional-", StringComparison.Ordinal)
        && (node.All ?? []).Concat(node.Any ?? []).Concat(node.None ?? [])
            .All(check => !Regex.Replace(check.Message ?? "", "aria-expanded=\"(true|false)\"", "").Contains("aria-", StringComparison.Ordinal));

    /// <summary>Fails if the browser reported any Content Security Policy violation so far.</summary>
    protected void AssertNoCspViolations()
    {
        lock (cspViolations)
        {
            Assert.True(cspViolations.Count == 0, "Content Security Policy violations:\n" + string.Join("\n", cspViolations));
        }
    }

    protected async Task AssertPageAsync(string state)
    {
        await AssertAccessibleAsync(state);
        AssertNoCspViolations();
    }
}
