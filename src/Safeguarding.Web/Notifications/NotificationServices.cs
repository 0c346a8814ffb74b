using Safeguarding.Core.Notifications;

namespace Safeguarding.Web.Notifications;

/// <summary>Chooses how email leaves the system and starts the reminder loop.</summary>
public static partial class NotificationServices
{
    public static IServiceCollection AddSafeguardingNotifications(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddOptions<NotifyOptions>().Bind(configuration.GetSection(NotifyOptions.Section));

        // Always registered, so the Development mailbox page can resolve it whatever the sender is.
        services.AddSingleton<DevelopmentMailbox>();
        var notifyConfigured = !string.IsNullOrWhiteSpace(configuration["Notify:ApiKey"]);
        if (environment.IsDevelopment() || !notifyConfigured)
        {
            services.AddSingleton<INotificationSender>(provider => provider.GetRequiredService<DevelopmentMailbox>());
            if (!environment.IsDevelopment())
            {
                services.AddHostedService<MailboxFallbackWarning>();
            }
        }
        else
        {
            services.AddHttpClient<GovUkNotifySender>(client => client.Timeout = TimeSpan.FromSeconds(30));
            services.AddTransient<INotificationSender>(provider => provider.GetRequiredService<GovUkNotifySender>());
        }

        services.AddHostedService<TimescaleReminderService>();
        return services;
    }

    /// <summary>Says once, at start-up, that emails are being kept in memory instead of sent.</summary>
    private sealed partial class MailboxFallbackWarning(ILogger<DevelopmentMailbox> logger, IHostEnvironment environment) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            LogFallback(logger, environment.EnvironmentName);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Warning, Message = "Notify:ApiKey is not configured in {Environment}: emails are kept in the in-memory development mailbox and not sent")]
        private static partial void LogFallback(ILogger logger, string environment);
    }
}
