using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;
using Safeguarding.Web.Infrastructure;
using Safeguarding.Web.Tests.Infrastructure;

namespace Safeguarding.Web.Tests.Performance;

/// <summary>The app on a server without Chromium: the PDF download says so instead of failing.</summary>
public sealed class NoChromiumWebFactory : SafeguardingWebFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Reporting:ChromiumPath", "/nonexistent/chromium");
    }
}

public sealed class PdfUnavailableTests(NoChromiumWebFactory app) : IClassFixture<NoChromiumWebFactory>
{
    [Fact]
    public async Task WithoutChromium_ThePackPdf_IsA503WithAPlainMessage_AndThePageStillWorks()
    {
        var manager = await app.SignedInAsAsync(Roles.TeamManager);

        var pdf = await manager.GetAsync("/performance/pack?format=pdf");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, pdf.StatusCode);
        Assert.Contains("PDF printing is not available on this server", await pdf.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/performance/pack")).StatusCode);
    }
}

/// <summary>Reports read from the replica named by ConnectionStrings:Reporting, and from the main database without one.</summary>
public sealed class ReportingConnectionTests
{
    [Fact]
    public void WithAReportingConnection_ReportsReadFromIt_WithoutTracking()
    {
        using var provider = Services(("ConnectionStrings:Reporting", "Data Source=replica.db"));
        using var scope = provider.CreateScope();

        var reporting = DatabaseSetup.ReportingContext(scope.ServiceProvider);

        Assert.NotSame(scope.ServiceProvider.GetRequiredService<SafeguardingDbContext>(), reporting);
        Assert.Equal("Data Source=replica.db", reporting.Database.GetConnectionString());
        Assert.Equal(QueryTrackingBehavior.NoTracking, reporting.ChangeTracker.QueryTrackingBehavior);
    }

    [Fact]
    public void WithoutOne_ReportsReadFromTheMainDatabase()
    {
        using var provider = Services();
        using var scope = provider.CreateScope();

        Assert.Same(scope.ServiceProvider.GetRequiredService<SafeguardingDbContext>(), DatabaseSetup.ReportingContext(scope.ServiceProvider));
    }

    private static ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
            new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite", ["ConnectionStrings:Sqlite"] = "Data Source=main.db" }
                .Concat(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))).Build();
        var services = new ServiceCollection();
        services.AddSingleton<ITenantScope>(FixedTenantScope.AllPartnerships);
        services.AddSafeguardingDatabase(configuration, Path.GetTempPath());
        return services.BuildServiceProvider();
    }
}
