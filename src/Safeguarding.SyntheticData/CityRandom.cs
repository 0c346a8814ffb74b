namespace Safeguarding.SyntheticData;

/// <summary>
/// The one source of chance for a generated city. Seeded System.Random keeps its legacy algorithm
/// for ever (Microsoft's compatibility promise), so the same seed gives the same city on every
/// machine and .NET version. Identifiers come from here too: Guid.NewGuid would break determinism.
/// </summary>
internal sealed class CityRandom(int seed)
{
    private readonly Random random = new(seed);

    /// <summary>A separate stream per part of the city, so changing one part does not reshuffle the others.</summary>
    public static CityRandom For(int seed, string part)
    {
        var hash = 17;
        foreach (var c in part)
        {
            hash = unchecked((hash * 31) + c);
        }

        return new CityRandom(unchecked((seed * 486_187_739) ^ hash) & int.MaxValue);
    }

    public int Next(int maxExclusive) => random.Next(maxExclusive);

    public int Between(int minInclusive, int maxInclusive) => random.Next(minInclusive, maxInclusive + 1);

    public double NextDouble() => random.NextDouble();

    public bool Chance(double probability) => random.NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        // Mark it as a version 4 (random) UUID so it looks like any other identifier in the database.
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    public string NextHex(int bytesLength)
    {
        Span<byte> bytes = stackalloc byte[bytesLength];
        random.NextBytes(bytes);
        return Convert.ToHexString(bytes);
    }
}

/// <summary>A list of choices with weights; picking is a binary search over the running totals.</summary>
internal sealed class Weighted<T>
{
    private readonly T[] items;
    private readonly double[] cumulative;

    public Weighted(params (T Item, double Weight)[] choices)
    {
        items = choices.Select(c => c.Item).ToArray();
        cumulative = new double[choices.Length];
        double total = 0;
        for (var i = 0; i < choices.Length; i++)
        {
            total += choices[i].Weight;
            cumulative[i] = total;
        }
    }

    public T Pick(CityRandom random)
    {
        var target = random.NextDouble() * cumulative[^1];
        var index = Array.BinarySearch(cumulative, target);
        index = index < 0 ? ~index : index + 1;
        return items[Math.Min(index, items.Length - 1)];
    }
}
