using Safeguarding.Core.Children;

namespace Safeguarding.SyntheticData;

/// <summary>
/// Synthetic people get NHS numbers from 999 000 000x to 999 999 999x, the range NHS England reserves
/// for testing and never issues, so a generated record can never be mistaken for a real patient.
/// Validation lives in <see cref="NhsNumberFormat"/>.
/// </summary>
public static class NhsNumber
{
    public const string SyntheticPrefix = "999";
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
            if (NhsNumberFormat.CheckDigit(nine) is { } check)
            {
                return string.Concat(nine, (char)('0' + check));
            }
        }

        return null;
    }
}
