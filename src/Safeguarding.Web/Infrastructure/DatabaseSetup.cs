using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;

namespace Safeguarding.Web.Infrastructure;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Chooses the database from configuration: embedded SQLite by default, PostgreSQL in production.</summary>
public static class DatabaseSetup
{
    public const string SqliteMigrationsAssembly = "Safeguarding.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Safeguarding.Migrations.Postgres";

    public static DatabaseProvider ProviderFrom(IConfiguration configuration) =>
        Enum.TryParse<DatabaseProvider>(configuration["Database:Provider"], ignoreCase: true, out var provider)
            ? provider
            : DatabaseProvider.Sqlite;

    /// <summary>The key of the read-only context reports use when <c>ConnectionStrings:Reporting</c> names a replica.</summary>
    public const string Reporting = "Reporting";

    public static IServiceCollection AddSafeguardingDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = ProviderFrom(configuration);
        var connectionString = ConnectionString(configuration, provider, contentRoot);
        services.AddDbContext<SafeguardingDbContext>(options => Configure(options, provider, connectionString));

        // Reports only read, so they may run on a replica of the same provider; without one they use the main database.
        var reporting = configuration.GetConnectionString(Reporting);
        if (!string.IsNullOrWhiteSpace(reporting))
        {
            var options = new DbContextOptionsBuilder<SafeguardingDbContext>();
            Configure(options, provider, reporting);
            options.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
            services.AddKeyedScoped(Reporting, (services, _) => new SafeguardingDbContext(options.Options, services.GetRequiredService<ITenantScope>()));
        }

        return services;
    }

    /// <summary>The context reports read from: the replica's when one is configured.</summary>
    public static SafeguardingDbContext ReportingContext(IServiceProvider services) =>
        services.GetKeyedService<SafeguardingDbContext>(Reporting) ?? services.GetRequiredService<SafeguardingDbContext>();

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly));
        }
        else
        {
            options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly));
        }
    }

    public static string ConnectionString(IConfiguration configuration, DatabaseProvider provider, string contentRoot)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            var postgres = configuration.GetConnectionString("Postgres");
            return string.IsNullOrWhiteSpace(postgres)
                ? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Postgres is not set.")
                : postgres;
        }

        var sqlite = configuration.GetConnectionString("Sqlite");
        if (!string.IsNullOrWhiteSpace(sqlite))
        {
            return sqlite;
        }

        var path = Path.GetFullPath(Path.Combine(contentRoot, configuration["Database:SqlitePath"] ?? "data/safeguarding.db"));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // No shared cache: it locks whole tables, so readers waited for writers despite WAL (p99 380 ms in front-door-api).
        return $"Data Source={path}";
    }

    /// <summary>Applies migrations; on SQLite also switches on write-ahead logging so readers never wait for writers.</summary>
    public static async Task MigrateAsync(SafeguardingDbContext db, CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
