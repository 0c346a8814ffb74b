using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Safeguarding.Benchmarks;

/// <summary>
/// <c>&lt;suite&gt; [--scale N] [--json FILE]</c> or <c>list</c>. Prints figures for a person and, with
/// <c>--json</c>, writes <c>{"suite", "scale", "machine", "figures"}</c> for comparison across runs.
/// </summary>
public sealed class BenchmarkHarness(IReadOnlyList<IBenchmarkSuite> suites)
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Count == 0)
        {
            stderr.WriteLine("usage: <suite> [--scale N] [--json FILE] | list");
            ListSuites(stderr);
            return 2;
        }

        if (args[0] == "list")
        {
            ListSuites(stdout);
            return 0;
        }

        var suite = suites.FirstOrDefault(s => s.Name == args[0]);
        if (suite is null)
        {
            stderr.WriteLine($"unknown suite '{args[0]}'; suites: {string.Join(", ", suites.Select(s => s.Name))}");
            return 2;
        }

        var scale = suite.DefaultScale;
        string? jsonPath = null;
        for (var i = 1; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--scale" when i + 1 < args.Count && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0:
                    scale = n;
                    i++;
                    break;
                case "--json" when i + 1 < args.Count:
                    jsonPath = args[++i];
                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Count && suite is IConfigurableSuite configurable && configurable.TryOption(option, args[i + 1]):
                    i++;
                    break;
                default:
                    stderr.WriteLine($"bad argument '{args[i]}': expected --scale N (a positive whole number) or --json FILE");
                    return 2;
            }
        }

        var machine = Machine();
        stdout.WriteLine($"suite {suite.Name}, scale {scale}, {machine["cores"]} cores, {machine["os"]}, {machine["dotnet"]}");
        var figures = await suite.RunAsync(scale, stdout);
        foreach (var figure in figures)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{figure.Name,-32} {figure.Value,16:#,0.###} {figure.Unit}"));
        }

        if (jsonPath is not null)
        {
            var document = new Dictionary<string, object>
            {
                ["suite"] = suite.Name,
                ["scale"] = scale,
                ["machine"] = machine,
                ["figures"] = figures.Select(f => new Dictionary<string, object> { ["name"] = f.Name, ["value"] = f.Value, ["unit"] = f.Unit }).ToList(),
            };
            await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(document, JsonOptions) + "\n");
            stdout.WriteLine($"wrote {jsonPath}");
        }

        return 0;
    }

    private void ListSuites(TextWriter writer)
    {
        foreach (var suite in suites)
        {
            writer.WriteLine($"{suite.Name,-16} {suite.Description} (default scale {suite.DefaultScale})");
        }
    }

    private static Dictionary<string, object> Machine() => new()
    {
        ["cores"] = Environment.ProcessorCount,
        ["os"] = RuntimeInformation.OSDescription,
        ["architecture"] = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant(),
        ["dotnet"] = RuntimeInformation.FrameworkDescription,
        ["server_gc"] = System.Runtime.GCSettings.IsServerGC,
    };
}
