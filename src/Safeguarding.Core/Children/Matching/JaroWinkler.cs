namespace Safeguarding.Core.Children.Matching;

/// <summary>Jaro-Winkler string similarity (0-1), the usual measure for short names with typos.</summary>
public static class JaroWinkler
{
    /// <summary>Winkler's prefix bonus per shared leading character (standard 0.1, up to 4 characters).</summary>
    private const double PrefixScale = 0.1;
    private const int MaxPrefix = 4;

    public static double Similarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var jaro = Jaro(a, b);
        var prefix = 0;
        var limit = Math.Min(MaxPrefix, Math.Min(a.Length, b.Length));
        while (prefix < limit && a[prefix] == b[prefix])
        {
            prefix++;
        }

        return jaro + (prefix * PrefixScale * (1 - jaro));
    }

    public static double Jaro(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == 0 && b.Length == 0)
        {
            return 1;
        }

        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        var window = Math.Max(0, (Math.Max(a.Length, b.Length) / 2) - 1);
        // Names are short, so flags fit on the stack; longer text falls back to the heap.
        Span<bool> matchedA = a.Length <= 64 ? stackalloc bool[a.Length] : new bool[a.Length];
        Span<bool> matchedB = b.Length <= 64 ? stackalloc bool[b.Length] : new bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var from = Math.Max(0, i - window);
            var to = Math.Min(b.Length - 1, i + window);
            for (var j = from; j <= to; j++)
            {
                if (!matchedB[j] && a[i] == b[j])
                {
                    matchedA[i] = true;
                    matchedB[j] = true;
                    matches++;
                    break;
                }
            }
        }

        if (matches == 0)
        {
            return 0;
        }

        var transpositions = 0;
        var k = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (!matchedA[i])
            {
                continue;
            }

            while (!matchedB[k])
            {
                k++;
            }

            if (a[i] != b[k])
            {
                transpositions++;
            }

            k++;
        }

        double m = matches;
        return ((m / a.Length) + (m / b.Length) + ((m - (transpositions / 2)) / m)) / 3;
    }
}
