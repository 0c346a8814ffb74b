using Microsoft.Extensions.Diagnostics.HealthChecks;
using Safeguarding.Core.Data;

namespace Safeguarding.Web.Infrastructure;

/// <summary>/health answers Healthy only when the database answers too.</summary>
public sealed class DatabaseHealthCheck(SafeguardingDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database cannot be reached.");
}
