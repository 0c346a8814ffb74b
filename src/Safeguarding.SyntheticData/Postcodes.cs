using System.Globalization;

namespace Safeguarding.SyntheticData;

/// <summary>
/// Postcodes in the real UK format in a postcode area that does not exist, so no generated address
/// can point at a real home. "ZX" is format-valid (Z and X are allowed in those positions) but unallocated.
/// </summary>
internal static class Postcodes
{
    // Royal Mail never uses C, I, K, M, O or V in the last two letters.
    private const string InwardLetters = "ABDEFGHJLNPQRSTUWXYZ";

    public static string Make(string area, int district, CityRandom random) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{area}{district} {random.Between(1, 9)}{InwardLetters[random.Next(InwardLetters.Length)]}{InwardLetters[random.Next(InwardLetters.Length)]}");
}
