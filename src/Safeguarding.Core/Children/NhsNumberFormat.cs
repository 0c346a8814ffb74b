namespace Safeguarding.Core.Children;

/// <summary>An NHS number: ten digits whose last is a modulus-11 check digit.</summary>
public static class NhsNumberFormat
{
    /// <summary>The ten digits of a typed NHS number (spaces allowed), or null if it is not a valid one.</summary>
    public static string? Normalise(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        var digits = string.Concat(typed.Where(c => !char.IsWhiteSpace(c)));
        return IsValid(digits) ? digits : null;
    }

    /// <summary>Ten digits with a correct check digit.</summary>
    public static bool IsValid(string? digits) =>
        digits is { Length: 10 } && digits.All(char.IsAsciiDigit) && CheckDigit(digits.AsSpan(0, 9)) == digits[9] - '0';

    /// <summary>Formats ten digits the way the NHS writes them: 3-3-4 ("943 476 5919").</summary>
    public static string Format(string nhsNumber) =>
        nhsNumber.Length == 10 ? $"{nhsNumber[..3]} {nhsNumber[3..6]} {nhsNumber[6..]}" : nhsNumber;

    /// <summary>The check digit for nine digits, or null when the weighted sum leaves 10 (no valid number has them).</summary>
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

        return (11 - (sum % 11)) switch
        {
            11 => 0,
            10 => null,
            var check => check,
        };
    }
}
