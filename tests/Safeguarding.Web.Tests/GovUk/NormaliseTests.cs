namespace Safeguarding.Web.Tests.GovUk;

public sealed class NormaliseTests
{
    [Fact]
    public void Normalise_IgnoresWhitespaceAttributeAndClassOrder() =>
        Assert.Equal(
            GovUkFixtures.Normalise("<p class=\"a b\" id=\"x\">\n  Hello   there\n</p>"),
            GovUkFixtures.Normalise("<p id=\"x\" class=\"b a\">Hello there</p>"));

    [Theory]
    [InlineData("<p class=\"a\">x</p>", "<p class=\"b\">x</p>")]
    [InlineData("<p>x</p>", "<p>y</p>")]
    [InlineData("<p>x</p>", "<div>x</div>")]
    [InlineData("<input disabled>", "<input>")]
    [InlineData("<p>&lt;b&gt;x</p>", "<p><b>x</b></p>")]
    public void Normalise_KeepsDifferencesThatMatter(string a, string b) =>
        Assert.NotEqual(GovUkFixtures.Normalise(a), GovUkFixtures.Normalise(b));

    [Fact]
    public void Fixtures_AreInstalled() =>
        Assert.NotEmpty(GovUkFixtures.AllNames("button"));
}
