using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Safeguarding.Core.Data;

namespace Safeguarding.Tests.Shared;

/// <summary>
/// A throwaway database for one test class, on the provider the run asks for: SQLite by default,
/// PostgreSQL when SAFEGUARDING_TEST_DATABASE=postgres (./test starts a cluster and sets
/// SAFEGUARDING_TEST_POSTGRES to its connection string). Each gets a fresh, migrated database.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? sqliteFile;
    private readonly string? postgresDatabase;
    private readonly string? postgresAdmin;

    private TestDatabase(string provider, string connectionString, string? sqliteFile, string? postgresDatabase, string? postgresAdmin)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.sqliteFile = sqliteFile;
        this.postgresDatabase = postgresDatabase;
        this.postgresAdmin = postgresAdmin;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    public bool IsPostgres => Provider == "Postgres";

    public static string RequestedProvider =>
        string.Equals(Environment.GetEnvironmentVariable("SAFEGUARDING_TEST_DATABASE"), "postgres", StringComparison.OrdinalIgnoreCase)
            ? "Postgres"
            : "Sqlite";

    public static async Task<TestDatabase> CreateAsync()
    {
        if (RequestedProvider == "Postgres")
        {
            var admin = Environment.GetEnvironmentVariable("SAFEGUARDING_TEST_POSTGRES")
                ?? throw new InvalidOperationException("SAFEGUARDING_TEST_DATABASE=postgres needs SAFEGUARDING_TEST_POSTGRES, a connection string to a server where the tests may create databases.");
            var name = "sg_test_" + Guid.NewGuid().ToString("N")[..16];
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                await command.ExecuteNonQueryAsync();
            }

            var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
            return new TestDatabase("Postgres", builder.ConnectionString, null, name, admin);
        }

        var file = Path.Combine(Path.GetTempPath(), $"sg-test-{Guid.NewGuid():N}.db");
        return new TestDatabase("Sqlite", $"Data Source={file}", file, null, null);
    }

    public DbContextOptions<SafeguardingDbContext> Options()
    {
        var builder = new DbContextOptionsBuilder<SafeguardingDbContext>();
        if (IsPostgres)
        {
            builder.UseNpgsql(ConnectionString, o => o.MigrationsAssembly("Safeguarding.Migrations.Postgres"));
        }
        else
        {
            builder.UseSqlite(ConnectionString, o => o.MigrationsAssembly("Safeguarding.Migrations.Sqlite"));
        }

        return builder.Options;
    }

    public SafeguardingDbContext NewContext(ITenantScope? tenant = null) => new(Options(), tenant ?? FixedTenantScope.AllPartnerships);

    public async Task MigrateAsync()
    {
        await using var db = NewContext();
        await db.Database.MigrateAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(sqliteFile + suffix);
            }
        }

        if (postgresDatabase is not null && postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(postgresAdmin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {postgresDatabase} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
