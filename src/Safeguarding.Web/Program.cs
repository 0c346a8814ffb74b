using Safeguarding.Web;
using Safeguarding.Web.CommandLine;

// `dotnet run --project src/Safeguarding.Web -- <verb>` runs a command-line verb instead of the web server.
if (CommandLineVerbs.IsVerb(args))
{
    return await CommandLineVerbs.RunAsync(args);
}

var app = SafeguardingApp.Build(args);
app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var address in app.Urls)
    {
        Console.WriteLine($"Safeguarding is running at {address} (press Ctrl+C to stop)");
    }
});
await app.RunAsync();
return 0;

/// <summary>Exposed so the tests' WebApplicationFactory can find the entry point.</summary>
public partial class Program;
