namespace Safeguarding.Core.Children.Matching;

public enum NhsNumberAgreement
{
    Missing,
    Same,

    /// <summary>The referral's number fails its check digit and is one digit from the record's: a typing slip.</summary>
    InvalidOneDigitOff,

    /// <summary>Both are valid NHS numbers and differ: almost certainly different people.</summary>
    DifferentValid,

    /// <summary>Different, and at least one is not a valid number, so it says little.</summary>
    DifferentInvalid,
}

public static class NhsNumberComparison
{
    /// <summary>Ten digits without spaces, or "" if it is not ten digits.</summary>
    public static string Digits(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "";
        }

        var digits = string.Concat(value.Where(c => !char.IsWhiteSpace(c)));
        return digits.Length == 10 && digits.All(char.IsAsciiDigit) ? digits : "";
    }

    public static NhsNumberAgreement Compare(string? a, string? b)
    {
        var x = Digits(a);
        var y = Digits(b);
        if (x.Length == 0 || y.Length == 0)
        {
            return NhsNumberAgreement.Missing;
        }

        if (x == y)
        {
            return NhsNumberAgreement.Same;
        }

        var validX = NhsNumberFormat.IsValid(x);
        var validY = NhsNumberFormat.IsValid(y);
        if (validX && validY)
        {
            return NhsNumberAgreement.DifferentValid;
        }

        var differ = 0;
        for (var i = 0; i < 10; i++)
        {
            differ += x[i] != y[i] ? 1 : 0;
        }

        return differ == 1 ? NhsNumberAgreement.InvalidOneDigitOff : NhsNumberAgreement.DifferentInvalid;
    }
}
