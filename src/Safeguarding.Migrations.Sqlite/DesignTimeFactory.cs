using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Safeguarding.Core.Data;

namespace Safeguarding.Migrations.Sqlite;

/// <summary>Lets `dotnet ef` build the model for SQLite without starting the web app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SafeguardingDbContext>
{
    public SafeguardingDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SafeguardingDbContext>()
            .UseSqlite("Data Source=design-time.db", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options;
        return new SafeguardingDbContext(options, FixedTenantScope.AllPartnerships);
    }
}
