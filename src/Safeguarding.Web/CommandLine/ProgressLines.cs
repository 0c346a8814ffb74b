namespace Safeguarding.Web.CommandLine;

/// <summary>A long run's progress written as it happens, in order (Progress&lt;T&gt; would post it to the thread pool).</summary>
internal sealed class ProgressLines(TextWriter output) : IProgress<string>
{
    public void Report(string value) => output.WriteLine(value);
}
