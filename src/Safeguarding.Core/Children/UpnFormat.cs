namespace Safeguarding.Core.Children;

/// <summary>
/// A Unique Pupil Number: a check letter, then twelve characters (LA number, establishment number,
/// year, serial); a temporary UPN ends in a letter. The check letter is the weighted sum of characters
/// 2 to 13 (weights 2 to 13) modulo 23, written in the alphabet without I, O and S (CIN census rule 1510).
/// </summary>
public static class UpnFormat
{
    private const string Letters = "ABCDEFGHJKLMNPQRTUVWXYZ";

    /// <summary>The thirteen characters of a typed UPN in upper case, or null if it is not a valid one.</summary>
    public static string? Normalise(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        var upn = string.Concat(typed.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        return IsValid(upn) ? upn : null;
    }

    public static bool IsValid(string? upn) =>
        upn is { Length: 13 } && CheckLetter(upn.AsSpan(1)) is { } check && check == upn[0];

    /// <summary>The check letter for the twelve characters after it, or null when they are malformed.</summary>
    public static char? CheckLetter(ReadOnlySpan<char> twelve)
    {
        if (twelve.Length != 12)
        {
            return null;
        }

        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            var c = twelve[i];
            int value;
            if (char.IsAsciiDigit(c))
            {
                value = c - '0';
            }
            else if (i == 11 && Letters.IndexOf(c) is var letter and >= 0)
            {
                // Only the last character of a temporary UPN may be a letter.
                value = letter;
            }
            else
            {
                return null;
            }

            sum += value * (i + 2);
        }

        return Letters[sum % 23];
    }
}

/// <summary>A UK postcode, written the Royal Mail way: outward code, a space, inward code ("ZX1 4AB").</summary>
public static class PostcodeFormat
{
    /// <summary>The postcode in upper case with one space before the inward code, or null if it is not one.</summary>
    public static string? Normalise(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        var compact = string.Concat(typed.Where(char.IsLetterOrDigit)).ToUpperInvariant();
        if (compact.Length is < 5 or > 7)
        {
            return null;
        }

        var outward = compact[..^3];
        var inward = compact[^3..];
        var outwardOk = char.IsAsciiLetter(outward[0]) && outward.All(char.IsAsciiLetterOrDigit) && outward.Any(char.IsAsciiDigit);
        var inwardOk = char.IsAsciiDigit(inward[0]) && char.IsAsciiLetter(inward[1]) && char.IsAsciiLetter(inward[2]);
        return outwardOk && inwardOk ? $"{outward} {inward}" : null;
    }
}
