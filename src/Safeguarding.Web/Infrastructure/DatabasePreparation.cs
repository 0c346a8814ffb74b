using Safeguarding.Core.Data;

namespace Safeguarding.Web.Infrastructure;

/// <summary>
/// Runs before the server takes requests: creates or upgrades the database (always for the embedded
/// SQLite database; for PostgreSQL only when Database:MigrateOnStart is set, since production
/// migrates with the `migrate` verb) and loads the demo city once where configured.
/// </summary>
public sealed class DatabasePreparation(IServiceProvider services, IConfiguration configuration) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
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
            await DemoCitySetup.LoadIfEmptyAsync(scope.ServiceProvider, configuration, Console.Out);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
