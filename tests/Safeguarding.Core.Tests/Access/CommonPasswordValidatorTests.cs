using Safeguarding.Core.Access;

namespace Safeguarding.Core.Tests.Access;

public sealed class CommonPasswordValidatorTests
{
    [Theory]
    [InlineData("short")]
    [InlineData("elevenchars")]
    public void TooShort_IsRefused(string password) =>
        Assert.Contains("12 characters or more", CommonPasswordValidator.Check(password, "a@b.test", "Ann Bee"), StringComparison.Ordinal);

    [Theory]
    [InlineData("password1234")]
    [InlineData("Password123!")]
    [InlineData("Liverpool2026")]
    [InlineData("SAFEGUARDING123")]
    [InlineData("qwertyuiopqwertyuiop")]
    public void CommonPasswords_AndTheirVariations_AreRefused(string password) =>
        Assert.Contains("too common", CommonPasswordValidator.Check(password, "a@b.test", "Ann Bee"), StringComparison.Ordinal);

    [Fact]
    public void RepeatedCharacters_AreRefused() =>
        Assert.NotNull(CommonPasswordValidator.Check("abababababababab", "a@b.test", "Ann Bee"));

    [Fact]
    public void APasswordContainingTheUsersName_IsRefused() =>
        Assert.Contains("your name", CommonPasswordValidator.Check("priyanka-rocks-harbour", "priyanka.shah@example.test", "Priyanka Shah"), StringComparison.Ordinal);

    [Theory]
    [InlineData("correct horse battery")]
    [InlineData("tulip kettle orbit 7")]
    public void ThreeRandomWords_AreAccepted_WithoutCompositionRules(string password) =>
        Assert.Null(CommonPasswordValidator.Check(password, "a@b.test", "Ann Bee"));
}
