using Safeguarding.Core.Children.Matching;

namespace Safeguarding.Core.Tests.Matching;

public sealed class ComparisonRuleTests
{
    [Theory]
    [InlineData("MARTHA", "MARHTA", 0.961)]
    [InlineData("DIXON", "DICKSONX", 0.813)]
    [InlineData("DWAYNE", "DUANE", 0.840)]
    [InlineData("SMITH", "SMITH", 1.0)]
    [InlineData("ABC", "XYZ", 0.0)]
    public void JaroWinkler_KnownValues(string a, string b, double expected) =>
        Assert.Equal(expected, JaroWinkler.Similarity(a, b), 3);

    [Theory]
    [InlineData("Thompson", "TMSN")]
    [InlineData("Smith", "SM0")]
    [InlineData("Schmidt", "XMT")]
    [InlineData("Mohammed", "MHMT")]
    [InlineData("Knight", "NT")]
    [InlineData("Philip", "FLP")]
    [InlineData("Xavier", "SF")]
    [InlineData("Wright", "RT")]
    [InlineData("Czerny", "SRN")]
    [InlineData("Jankowski", "JNKS")]
    public void DoubleMetaphone_PrimaryCodes(string name, string primary) =>
        Assert.Equal(primary, DoubleMetaphone.Encode(name).Primary);

    [Theory]
    [InlineData("Smith", "Schmidt")]
    [InlineData("Mohammed", "Muhammad")]
    [InlineData("Mohamed", "Muhammad")]
    [InlineData("Thompson", "Thomson")]
    [InlineData("Catherine", "Kathryn")]
    [InlineData("Stephen", "Steven")]
    [InlineData("Hussain", "Hussein")]
    public void DoubleMetaphone_SoundAlikesShareACode(string a, string b) =>
        Assert.True(DoubleMetaphone.Encode(a).SharesCodeWith(DoubleMetaphone.Encode(b)), $"{DoubleMetaphone.Encode(a)} vs {DoubleMetaphone.Encode(b)}");

    [Theory]
    [InlineData("Smith", "Jones")]
    [InlineData("Khan", "Ahmed")]
    public void DoubleMetaphone_DifferentNamesDoNot(string a, string b) =>
        Assert.False(DoubleMetaphone.Encode(a).SharesCodeWith(DoubleMetaphone.Encode(b)));

    [Fact]
    public void DoubleMetaphone_GivesAlternateForAmbiguousSpellings()
    {
        var smith = DoubleMetaphone.Encode("Smith");
        Assert.Equal("XMT", smith.Alternate);
        Assert.Null(DoubleMetaphone.Encode("Mohammed").Alternate);
    }

    [Theory]
    [InlineData("William", "Bill")]
    [InlineData("Mohammed", "Muhammad")]
    [InlineData("Muhammad", "Mohd")]
    [InlineData("Ayesha", "Aisha")]
    [InlineData("Charlie", "Charlotte")]
    [InlineData("Charlie", "Charles")]
    [InlineData("Jakub", "Jacob")]
    [InlineData("Chaudhry", "Choudhury")]
    public void NameVariants_KnowsNicknamesAndTransliterations(string a, string b) =>
        Assert.True(NameVariants.AreVariants(a, b));

    [Theory]
    [InlineData("Charles", "Charlotte")]
    [InlineData("William", "William")]
    [InlineData("Oliver", "Olivia")]
    public void NameVariants_DoesNotOverreach(string a, string b) =>
        Assert.False(NameVariants.AreVariants(a, b));

    [Theory]
    [InlineData("2015-03-14", "2015-03-14", DateOfBirthAgreement.Same)]
    [InlineData("2015-03-04", "2015-04-03", DateOfBirthAgreement.DayMonthSwapped)]
    [InlineData("2015-03-14", "2015-03-17", DateOfBirthAgreement.OneDigitOff)]
    [InlineData("2015-03-14", "2016-03-14", DateOfBirthAgreement.YearOffByOne)]
    [InlineData("2015-03-29", "2015-04-01", DateOfBirthAgreement.WithinDays)]
    [InlineData("2015-03-14", "2012-07-20", DateOfBirthAgreement.Different)]
    public void DateOfBirth_PartialAgreementKinds(string a, string b, DateOfBirthAgreement expected) =>
        Assert.Equal(expected, DateOfBirthComparison.Compare(DateOnly.Parse(a, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(b, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void DateOfBirth_MissingWhenEitherIsUnknown() =>
        Assert.Equal(DateOfBirthAgreement.Missing, DateOfBirthComparison.Compare(null, new DateOnly(2015, 1, 1)));

    [Fact]
    public void DateOfBirth_BirthNearTheExpectedDateAgreesPartly()
    {
        var expected = new DateOnly(2026, 5, 10);
        Assert.Equal(DateOfBirthAgreement.NearExpectedDate, DateOfBirthComparison.CompareWithExpected(new DateOnly(2026, 4, 25), null, null, expected));
        Assert.Equal(DateOfBirthAgreement.Different, DateOfBirthComparison.CompareWithExpected(new DateOnly(2025, 4, 25), null, null, expected));
    }

    [Theory]
    [InlineData("ZX4 7QD", "zx47qd", PostcodeAgreement.Same)]
    [InlineData("ZX4 7QD", "ZX4 7AB", PostcodeAgreement.SameSector)]
    [InlineData("ZX4 7QD", "ZX4 2AB", PostcodeAgreement.SameDistrict)]
    [InlineData("ZX4 7QD", "ZX14 7QD", PostcodeAgreement.Different)]
    [InlineData("ZX4 7QD", null, PostcodeAgreement.Missing)]
    public void Postcode_Proximity(string a, string? b, PostcodeAgreement expected) =>
        Assert.Equal(expected, PostcodeProximity.Compare(a, b));

    [Fact]
    public void NhsNumber_Agreement()
    {
        // 943 476 5919 and 401 023 2137 are valid (modulus 11); 943 476 5918 fails its check digit.
        Assert.True(Safeguarding.Core.Children.NhsNumberFormat.IsValid("9434765919"));
        Assert.True(Safeguarding.Core.Children.NhsNumberFormat.IsValid("4010232137"));
        Assert.Equal(NhsNumberAgreement.Same, NhsNumberComparison.Compare("943 476 5919", "9434765919"));
        Assert.Equal(NhsNumberAgreement.DifferentValid, NhsNumberComparison.Compare("9434765919", "4010232137"));
        Assert.Equal(NhsNumberAgreement.InvalidOneDigitOff, NhsNumberComparison.Compare("9434765918", "9434765919"));
        Assert.Equal(NhsNumberAgreement.Missing, NhsNumberComparison.Compare(null, "9434765919"));
    }

    [Fact]
    public void NameText_Normalises()
    {
        Assert.Equal("OBRIEN", NameText.Letters("O'Brien"));
        Assert.Equal("ZOE", NameText.Letters("Zoë"));
        Assert.Equal(["SMITH", "JONES"], NameText.Parts("Smith-Jones"));
    }
}
