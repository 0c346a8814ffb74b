namespace Safeguarding.SyntheticData;

/// <summary>
/// NHS numbers: ten digits, the last a modulus-11 check digit. Synthetic people get numbers from
/// 999 000 000x to 999 999 999x, the range NHS England reserves for testing and never issues, so a
/// generated record can never be mistaken for a real patient.
/// </summary>
public static class NhsNumber
{
    public const string SyntheticPrefix = "999";

    /// <summary>The check digit for nine digits, or null when the weighted sum leaves 10 (no valid number).</summary>
    public static int? CheckDigit(ReadOnlySpan<char> nineDigits)
    {
        if (nineDigits.Length != 9)
        {
            throw new ArgumentException("An NHS number has nine digits before its check digit.", nameof(nineDigits));
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (nineDigits[i] - '0') * (10 - i);
        }

        var check = 11 - (sum % 11);
        return check switch
        {
            11 => 0,
            10 => null,
            _ => check,
        };
    }

    public static bool IsValid(string? value) =>
        value is { Length: 10 }
        && value.All(char.IsAsciiDigit)
        && CheckDigit(value.AsSpan(0, 9)) == value[9] - '0';
}

/// <summary>
/// Hands out unique synthetic NHS numbers in a seed-dependent order: a full-period walk over the
/// million numbers in the test range, skipping those without a valid check digit (about 1 in 11).
/// About 909,000 are available; when they run out, people are left without one.
/// </summary>
internal sealed class NhsNumberSequence(int seed)
{
    private const int RangeSize = 1_000_000;

    // 387551 is coprime with 10^6, so stepping by it visits every number in the range exactly once
    // (and consecutive people do not get neighbouring numbers).
    private const int Step = 387_551;
    private readonly int start = ((seed % RangeSize) + RangeSize) % RangeSize;
    private int issued;

    public string? Next()
    {
        while (issued < RangeSize)
        {
            var offset = (int)((start + ((long)issued * Step)) % RangeSize);
            issued++;
            var nine = string.Concat(NhsNumber.SyntheticPrefix, offset.ToString("D6", System.Globalization.CultureInfo.InvariantCulture));
            if (NhsNumber.CheckDigit(nine) is { } check)
            {
                return string.Concat(nine, (char)('0' + check));
            }
        }

        return null;
    }
}
