namespace Safeguarding.Core.Children.Matching;

public enum PostcodeAgreement
{
    Missing,
    Same,

    /// <summary>Same sector ("ZX4 7"): a few streets apart.</summary>
    SameSector,

    /// <summary>Same district ("ZX4"): the same part of town.</summary>
    SameDistrict,
    Different,
}

/// <summary>UK postcode parts: the inward code is always three characters, so outward = all but the last three.</summary>
public static class PostcodeProximity
{
    /// <summary>District (outward code), e.g. "ZX4", from a normalised postcode; "" if too short.</summary>
    public static string District(string normalised) => normalised.Length >= 5 ? normalised[..^3] : "";

    /// <summary>Sector, e.g. "ZX4 7" (outward code plus the inward digit).</summary>
    public static string Sector(string normalised) => normalised.Length >= 5 ? string.Concat(normalised.AsSpan(0, normalised.Length - 3), " ", normalised.AsSpan(normalised.Length - 3, 1)) : "";

    public static PostcodeAgreement Compare(string? a, string? b)
    {
        var x = NameText.Postcode(a);
        var y = NameText.Postcode(b);
        if (x.Length == 0 || y.Length == 0)
        {
            return PostcodeAgreement.Missing;
        }

        if (x == y)
        {
            return PostcodeAgreement.Same;
        }

        if (x.Length >= 5 && y.Length >= 5)
        {
            if (Sector(x) == Sector(y))
            {
                return PostcodeAgreement.SameSector;
            }

            if (District(x) == District(y))
            {
                return PostcodeAgreement.SameDistrict;
            }
        }

        return PostcodeAgreement.Different;
    }
}
