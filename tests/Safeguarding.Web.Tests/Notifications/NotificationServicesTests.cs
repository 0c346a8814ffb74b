using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Safeguarding.Core.Notifications;
using Safeguarding.Web.Notifications;

namespace Safeguarding.Web.Tests.Notifications;

public sealed class NotificationServicesTests
{
    private const string ApiKey = "safeguarding-live-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0";

    [Theory]
    [InlineData("Production", ApiKey, typeof(GovUkNotifySender))]
    [InlineData("Production", null, typeof(DevelopmentMailbox))]
    [InlineData("Development", ApiKey, typeof(DevelopmentMailbox))]
    [InlineData("Development", null, typeof(DevelopmentMailbox))]
    public void TheSender_IsNotify_OnlyOutsideDevelopment_AndOnlyWhenConfigured(string environment, string? apiKey, Type expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Notify:ApiKey"] = apiKey, ["Notify:EmailTemplateId"] = "f33517ff-2a88-4f6e-b855-c550268ce08a" })
            .Build();
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System);

        services.AddSafeguardingNotifications(configuration, new Environment(environment));

        using var provider = services.BuildServiceProvider();
        Assert.IsType(expected, provider.GetRequiredService<INotificationSender>());
        Assert.Contains(services, s => s.ImplementationType == typeof(TimescaleReminderService));
    }

    private sealed class Environment(string name) : IWebHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Safeguarding.Web";
        public string WebRootPath { get; set; } = "";
        public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();
        public string ContentRootPath { get; set; } = "";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
