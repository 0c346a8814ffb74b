using Safeguarding.Core.Notifications;
using Safeguarding.Core.Timescales;

namespace Safeguarding.Web.Notifications;

/// <summary>
/// Every <c>Reminders:IntervalSeconds</c> (default 60) queues due-soon and overdue reminders and then
/// sends what the outbox holds. Every node runs it: the claims in <see cref="ClockReminders"/> and
/// <see cref="NotificationOutbox"/> make sure each email is queued and sent once. A failed run is
/// logged and the loop carries on, so a database or provider outage only delays reminders.
/// </summary>
public sealed partial class TimescaleReminderService(
    IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<TimescaleReminderService> logger)
    : BackgroundService
{
    public const int BatchSize = 50;
    public const string DefaultServiceUrl = "http://localhost:5080";

    /// <summary>Which node claimed a notification: the machine and process, so two instances on one host differ.</summary>
    public static string NodeName { get; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Reminders:Enabled", true))
        {
            LogDisabled(logger);
            return;
        }

        // Start only once the app has started, so the database has been migrated (and the demo city loaded).
        if (!await WhenStartedAsync(stoppingToken))
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Reminders:IntervalSeconds", 60)));
        while (!stoppingToken.IsCancellationRequested)
        {
            await RunOnceAsync(stoppingToken);
            try
            {
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<bool> WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>One scan and one dispatch; never throws except when the host is stopping.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var serviceUrl = configuration["Service:Url"] is { Length: > 0 } url ? url : DefaultServiceUrl;
            var scan = await scope.ServiceProvider.GetRequiredService<ClockReminders>().ScanAsync(serviceUrl, cancellationToken);
            var dispatch = await scope.ServiceProvider.GetRequiredService<NotificationOutbox>().DispatchAsync(NodeName, BatchSize, cancellationToken);
            if (scan.DueSoonQueued + scan.OverdueQueued + dispatch.Sent + dispatch.Retrying + dispatch.GaveUp > 0)
            {
                LogRun(logger, scan.DueSoonQueued, scan.OverdueQueued, dispatch.Sent, dispatch.Retrying, dispatch.GaveUp);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // Only the exception's type: a database message can quote row values, which may be personal data.
            LogFailed(logger, e.GetType().FullName ?? e.GetType().Name, e.InnerException?.GetType().FullName ?? "none");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Timescale reminders are turned off (Reminders:Enabled=false)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Timescale reminders: queued {DueSoon} due-soon and {Overdue} overdue; sent {Sent}, retrying {Retrying}, gave up {GaveUp}")]
    private static partial void LogRun(ILogger logger, int dueSoon, int overdue, int sent, int retrying, int gaveUp);

    [LoggerMessage(Level = LogLevel.Error, Message = "Timescale reminder run failed with {ExceptionType} (inner {InnerType}); it will be tried again next interval")]
    private static partial void LogFailed(ILogger logger, string exceptionType, string innerType);
}
