using Safeguarding.Core.Children;

namespace Safeguarding.Core.Tests.Children;

public sealed class IdentifierFormatTests
{
    [Theory]
    [InlineData("B801200005001")]
    [InlineData("b801 2000 05001")] // typed in lower case with spaces
    [InlineData("P207000016049")] // 2x2 + 4x7 + 9x1 + 10x6 + 12x4 + 13x9 = 266, and 266 mod 23 = 13, which is P
    public void ValidUniquePupilNumbers_AreAccepted(string typed) =>
        Assert.NotNull(UpnFormat.Normalise(typed));

    [Theory]
    [InlineData("A801200005001")] // wrong check letter
    [InlineData("B207000016049")] // the same digits with the wrong check letter
    [InlineData("X80120000A001")] // a letter in the middle
    [InlineData("B80120000500")] // twelve characters
    [InlineData("I801200005001")] // I is never a check letter
    public void InvalidUniquePupilNumbers_AreRefused(string typed) =>
        Assert.Null(UpnFormat.Normalise(typed));

    [Fact]
    public void ATemporaryUpn_CountsItsFinalLetter_InTheCheck()
    {
        // Twelve characters ending in a letter: the letter counts as its place in the check alphabet.
        var check = UpnFormat.CheckLetter("80120000500A");
        Assert.NotNull(check);
        Assert.True(UpnFormat.IsValid($"{check}80120000500A"));
        Assert.Null(UpnFormat.CheckLetter("80120000500I"));
    }

    [Theory]
    [InlineData("zx1 4ab", "ZX1 4AB")]
    [InlineData("ZX14AB", "ZX1 4AB")]
    [InlineData("B1 1AA", "B1 1AA")]
    [InlineData("ec1a1bb", "EC1A 1BB")]
    public void Postcodes_AreWrittenTheRoyalMailWay(string typed, string expected) =>
        Assert.Equal(expected, PostcodeFormat.Normalise(typed));

    [Theory]
    [InlineData("ZX1")]
    [InlineData("12345")]
    [InlineData("ZX1 4A1")]
    [InlineData("ZXAB 4AB")]
    public void NotPostcodes_AreRefused(string typed) =>
        Assert.Null(PostcodeFormat.Normalise(typed));
}
