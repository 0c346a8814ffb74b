using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Safeguarding.Core.Data;

namespace Safeguarding.Migrations.Postgres;

/// <summary>Lets `dotnet ef` build the model for PostgreSQL without a server or the web app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SafeguardingDbContext>
{
    public SafeguardingDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SafeguardingDbContext>()
            .UseNpgsql("Host=localhost;Database=safeguarding_design", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options;
        return new SafeguardingDbContext(options, FixedTenantScope.AllPartnerships);
    }
}
