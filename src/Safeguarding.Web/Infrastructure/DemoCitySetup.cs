using Safeguarding.Core.Access;
using Safeguarding.Core.Data;
using Safeguarding.SyntheticData;

namespace Safeguarding.Web.Infrastructure;

/// <summary>Loads the synthetic demo city: on first start in Development, and through the `seed` verb.</summary>
public static class DemoCitySetup
{
    public const int DefaultSeed = DemoCity.DefaultSeed;

    public static async Task LoadIfEmptyAsync(IServiceProvider services, IConfiguration configuration, TextWriter output)
    {
        var db = services.GetRequiredService<SafeguardingDbContext>();
        if (await CityLoader.IsLoadedAsync(db))
        {
            return;
        }

        var children = configuration.GetValue("DemoCity:Children", 2000);
        var seed = configuration.GetValue("DemoCity:Seed", DefaultSeed);
        await output.WriteLineAsync($"First start: loading the synthetic demo city ({children:N0} children)...");
        await LoadAsync(services, children, seed, 1, output);
        await output.WriteLineAsync("Demo city loaded. Sign in as a demo user at /demo/sign-in.");
    }

    public static async Task<CityLoadSummary> LoadAsync(IServiceProvider services, int children, int seed, int years, TextWriter output)
    {
        var db = services.GetRequiredService<SafeguardingDbContext>();
        if (await CityLoader.IsLoadedAsync(db))
        {
            throw new CommandLine.VerbException("this database already holds a city; use an empty database");
        }

        var clock = services.GetRequiredService<TimeProvider>();
        var city = CityGenerator.Generate(new CitySpec { Children = children, Seed = seed });
        var progress = new Progress<string>(message => output.WriteLine(message));
        var context = ProcessContext.System(clock.GetUtcNow(), "seed", reason: $"Synthetic city, seed {seed}, {years} year(s)");
        return await CityLoader.LoadAsync(db, city, context, progress, CancellationToken.None);
    }
}
