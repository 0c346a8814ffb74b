using System.Text;
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
        context.SetDefaultTimeout(15_000);
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

        if (result.Violations.Length == 0)
        {
            return;
        }

        var report = new StringBuilder($"axe found {result.Violations.Length} violation(s) on {state} ({Page.Url}):");
        foreach (var violation in result.Violations)
        {
            report.AppendLine().Append($"- {violation.Id} [{violation.Impact}] {violation.Help} ({violation.HelpUrl})");
            foreach (var node in violation.Nodes)
            {
                report.AppendLine().Append($"    target: {node.Target}");
                report.AppendLine().Append($"    html: {node.Html}");
            }
        }

        Assert.Fail(report.ToString());
    }

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
