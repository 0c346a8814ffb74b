using Safeguarding.Core.Data;

namespace Safeguarding.Web.Infrastructure;

/// <summary>
/// Runs before the server takes requests: creates or upgrades the database (always for the embedded
/// SQLite database; for PostgreSQL only when Database:MigrateOnStart is set, since production
/// migrates with the `migrate` verb) and loads the demo city once where configured.
/// </summary>
public sealed class DatabasePreparation(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment) : IHostedLifecycleService
{
    // StartingAsync runs before any hosted service's StartAsync, so the data-protection key ring
    // (read from the database at start-up) finds its table.
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardingDbContext>();
        var migrate = DatabaseSetup.ProviderFrom(configuration) == DatabaseProvider.Sqlite
            || configuration.GetValue("Database:MigrateOnStart", false);
        if (migrate)
        {
            await DatabaseSetup.MigrateAsync(db, cancellationToken);
        }

        if (configuration.GetValue("DemoCity:LoadOnFirstStart", false))
        {
            await DemoCitySetup.LoadIfEmptyAsync(scope.ServiceProvider, configuration, environment, Console.Out);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
