using System.Collections.Concurrent;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Safeguarding.Core.Access;
using Safeguarding.Web.Tests.Account;
using Safeguarding.Web.Tests.Infrastructure;

namespace Safeguarding.Web.Tests.Security;

/// <summary>The app with every log message it writes (at its configured levels) kept for inspection.</summary>
public sealed class LogCapturingWebFactory : SafeguardingWebFactory
{
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(l => l.AddProvider(Logs));
    }
}

public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> messages = new();

    public IReadOnlyList<string> Messages => [.. messages];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, messages);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> messages) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            messages.Enqueue($"{category} scope: {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            messages.Enqueue($"{logLevel} {category}: {formatter(state, exception)} [{values}] {exception}");
        }
    }
}

public sealed class LogPrivacyTests(LogCapturingWebFactory app) : IClassFixture<LogCapturingWebFactory>
{
    [Fact]
    public async Task Logs_HoldNoEmailOrNameTypedIntoForms()
    {
        const string email = "quillon.marchbank.zz@example.org";
        const string agencyName = "Wexworth Hollow Marmalade Agency";

        var failed = await app.CreateBrowser().SignInAsync(email, "Not a real password 7");
        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);

        var admin = await app.SignedInAsAsync(Roles.Administrator);
        var page = await admin.GetDocumentAsync("/admin/agencies/create");
        var type = page.QuerySelector<IHtmlInputElement>("input[name='Input.Type']")!.Value;
        var created = await admin.PostFieldsAsync("/admin/agencies/create", page, ("Input.Name", agencyName), ("Input.Type", type));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        await admin.GetDocumentAsync("/admin/agencies?Search=wexworth");

        var logs = app.Logs.Messages;
        Assert.NotEmpty(logs);
        Assert.DoesNotContain(logs, m => m.Contains("quillon", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(logs, m => m.Contains("marchbank", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(logs, m => m.Contains("Wexworth", StringComparison.OrdinalIgnoreCase));
    }
}
