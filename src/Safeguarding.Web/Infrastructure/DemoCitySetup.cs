using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;
using Safeguarding.Core.FrontDoor;
using Safeguarding.SyntheticData;

namespace Safeguarding.Web.Infrastructure;

/// <summary>Loads the synthetic demo city: on first start in Development, and through the `seed` verb.</summary>
public static class DemoCitySetup
{
    public const int DefaultSeed = DemoCity.DefaultSeed;

    public static async Task LoadIfEmptyAsync(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment, TextWriter output)
    {
        var db = services.GetRequiredService<SafeguardingDbContext>();
        if (!await CityLoader.IsLoadedAsync(db))
        {
            var children = configuration.GetValue("DemoCity:Children", 2000);
            var seed = configuration.GetValue("DemoCity:Seed", DefaultSeed);
            await output.WriteLineAsync($"First start: loading the synthetic demo city ({children:N0} children)...");
            var years = configuration.GetValue("DemoCity:Years", new CitySpec().Years);
            await LoadAsync(services, children, seed, years, output);
            await output.WriteLineAsync("Demo city loaded. Sign in as a demo user at /demo/sign-in.");
        }

        // A documented key anyone can read must never exist on a real service.
        if (environment.IsDevelopment())
        {
            await EnsureDemoApiKeyAsync(services, output);
        }
    }

    /// <summary>The demo police force's API key, <see cref="AgencyApiKeys.DemoKey"/> (docs/architecture.md, "Front door API").</summary>
    public static async Task EnsureDemoApiKeyAsync(IServiceProvider services, TextWriter output)
    {
        var db = services.GetRequiredService<SafeguardingDbContext>();
        var prefix = AgencyApiKeys.PrefixOf(AgencyApiKeys.DemoKey)!;
        if (await db.AgencyApiKeys.IgnoreQueryFilters([SafeguardingDbContext.TenantFilter]).AnyAsync(k => k.Prefix == prefix))
        {
            return;
        }

        var police = await db.Agencies.IgnoreQueryFilters([SafeguardingDbContext.TenantFilter])
            .Where(a => a.Type == AgencyType.Police && db.Partnerships.Any(p => p.Id == a.PartnershipId && p.Code == DemoCity.PartnershipCode))
            .OrderBy(a => a.Name)
            .FirstOrDefaultAsync();
        if (police is null)
        {
            return;
        }

        var clock = services.GetRequiredService<TimeProvider>();
        var context = ProcessContext.System(clock.GetUtcNow(), "seed", police.PartnershipId, "Development demo API key");
        await services.GetRequiredService<AgencyApiKeys>().IssueAsync(police.Id, "Demo police system (Development)", AgencyApiKeys.DemoKey, context);
        await output.WriteLineAsync($"Development API key for {police.Name}: {AgencyApiKeys.DemoKey}");
    }

    public static async Task<CityLoadSummary> LoadAsync(IServiceProvider services, int children, int seed, int years, TextWriter output)
    {
        var db = services.GetRequiredService<SafeguardingDbContext>();
        if (await CityLoader.IsLoadedAsync(db))
        {
            throw new CommandLine.VerbException("this database already holds a city; use an empty database");
        }

        var clock = services.GetRequiredService<TimeProvider>();
        var city = CityGenerator.Generate(new CitySpec { Children = children, Seed = seed, Years = years });
        var progress = new Progress<string>(message => output.WriteLine(message));
        var context = ProcessContext.System(clock.GetUtcNow(), "seed", reason: $"Synthetic city, seed {seed}, {years} year(s)");
        return await CityLoader.LoadAsync(db, city, context, progress, CancellationToken.None);
    }
}
