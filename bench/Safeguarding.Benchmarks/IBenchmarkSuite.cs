namespace Safeguarding.Benchmarks;

/// <summary>One measured figure; names are snake_case and stay stable across versions (scripts compare them).</summary>
public sealed record Figure(string Name, double Value, string Unit);

/// <summary>A named set of measurements run on demand (never as a timed test).</summary>
public interface IBenchmarkSuite
{
    string Name { get; }

    /// <summary>One line for the <c>list</c> verb.</summary>
    string Description { get; }

    /// <summary>The scale used when <c>--scale</c> is not given.</summary>
    int DefaultScale { get; }

    Task<IReadOnlyList<Figure>> RunAsync(int scale, TextWriter log);
}

/// <summary>A suite with options of its own (e.g. <c>--postgres CONN</c>), given to it before it runs.</summary>
public interface IConfigurableSuite
{
    /// <summary>True when the suite knows the option.</summary>
    bool TryOption(string name, string value);
}
