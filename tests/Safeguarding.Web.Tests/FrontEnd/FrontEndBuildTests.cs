using System.Text.RegularExpressions;

namespace Safeguarding.Web.Tests.FrontEnd;

/// <summary>
/// Checks the committed output of frontend/build.mjs. (`npm run check` checks that it is up to date.)
/// </summary>
public sealed partial class FrontEndBuildTests
{
    private static readonly string WebRoot = Path.Combine(RepositoryRoot(), "src", "Safeguarding.Web", "wwwroot");
    private static readonly string StylesheetPath = Path.Combine(WebRoot, "assets", "css", "application.css");

    [Fact]
    public void Stylesheet_IsCommitted()
    {
        Assert.True(File.Exists(StylesheetPath), $"Missing {StylesheetPath}: run `npm ci && npm run build`.");
        Assert.True(new FileInfo(StylesheetPath).Length > 10_000, "application.css is unexpectedly small.");
    }

    [Fact]
    public void Stylesheet_DoesNotUseGdsTransportFonts()
    {
        var css = File.ReadAllText(StylesheetPath);

        Assert.DoesNotContain("GDS Transport", css, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("/fonts/", css, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@font-face", css, StringComparison.OrdinalIgnoreCase);
        Assert.False(Directory.Exists(Path.Combine(WebRoot, "assets", "fonts")), "No web fonts should be copied.");
    }

    [Fact]
    public void Stylesheet_UsesArial()
    {
        var css = File.ReadAllText(StylesheetPath);

        Assert.Contains("font-family:arial,sans-serif", css, StringComparison.Ordinal);
    }

    [Fact]
    public void Stylesheet_EveryAssetUrl_ExistsUnderWebRoot()
    {
        var css = File.ReadAllText(StylesheetPath);

        var urls = AssetUrl().Matches(css).Select(match => match.Groups["path"].Value).Distinct().Order().ToList();

        Assert.NotEmpty(urls);
        var missing = urls
            .Where(url => !File.Exists(Path.Combine(WebRoot, url.TrimStart('/').Replace('/', Path.DirectorySeparatorChar))))
            .ToList();
        Assert.True(missing.Count == 0, $"application.css refers to files that are not in wwwroot: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Stylesheet_RefersOnlyToAssetsOrDataUrls()
    {
        var css = File.ReadAllText(StylesheetPath);

        var others = AnyUrl().Matches(css)
            .Select(match => match.Groups["target"].Value)
            .Where(target => !target.StartsWith("/assets/", StringComparison.Ordinal) && !target.StartsWith("data:", StringComparison.Ordinal))
            .ToList();

        Assert.True(others.Count == 0, $"application.css refers to files outside /assets/: {string.Join(", ", others)}");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Safeguarding.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Could not find Safeguarding.slnx above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex("""url\(\s*["']?(?<path>/assets/[^"')?#\s]+)""")]
    private static partial Regex AssetUrl();

    [GeneratedRegex("""url\(\s*["']?(?<target>[^"')\s]+)""")]
    private static partial Regex AnyUrl();
}
