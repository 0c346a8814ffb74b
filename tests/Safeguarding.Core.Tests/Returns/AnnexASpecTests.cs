using Safeguarding.Core.Returns.AnnexA;

namespace Safeguarding.Core.Tests.Returns;

/// <summary>The embedded Annex A specification as read: lists, kinds of column, shared definitions and the code mapping.</summary>
public sealed class AnnexASpecTests
{
    [Fact]
    public void ElevenLists_AreRead_WithColumnsThatShareADefinitionGettingItsKind()
    {
        Assert.Equal(Enumerable.Range(1, 11), AnnexASpec.Numbers);
        // "Referral Source" and the missing and absent counts borrow another column's definition with "<<:".
        var referralSource = AnnexASpec.Columns(3).Single(c => c.Heading == "Referral Source");
        Assert.Equal(AnnexAColumnKind.Category, referralSource.Kind);
        Assert.Equal(AnnexASpec.Columns(1).Single(c => c.Heading == "Contact Source").Categories.Select(c => c.Code), referralSource.Categories.Select(c => c.Code));
        var missing = AnnexASpec.Columns(8).Single(c => c.Heading.StartsWith("Number of Episodes the Child has been 'Missing'", StringComparison.Ordinal));
        Assert.Equal((AnnexAColumnKind.Number, false), (missing.Kind, missing.CanBeBlank));
        Assert.Equal(AnnexAColumnKind.Date, AnnexASpec.Columns(1).Single(c => c.Heading == "Date of Contact").Kind);
        Assert.True(AnnexASpec.Columns(8).Single(c => c.Heading == "Date of Last Dental Check").CanBeBlank);
    }

    [Theory]
    [InlineData(1, "Contact Source", "3E", "d) Health services")]
    [InlineData(1, "Ethnicity", "MWBA", "b) Mixed")]
    [InlineData(1, "Gender", "U", "c) Not stated/recorded")]
    [InlineData(3, "Referral NFA?", "Yes", "Yes")]
    [InlineData(6, "Reason for Closure", "RC4", "d) Special Guardianship Order")]
    [InlineData(8, "Child's Legal Status", "V2", "e) Accommodated under S20")]
    [InlineData(8, "Reason Ceased to be Looked After", "E45", "g) Special Guardianship Orders")]
    [InlineData(9, "Activity Status", "F5", "F5: Young person engaged full time in training or employment (not apprenticeship)")]
    [InlineData(9, "LA in Touch", "RHOM", "d) Exclude")]
    [InlineData(10, "Reason Why Child No Longer Placed for Adoption", "RD3", "c) Prospective adopters cannot be found")]
    public void OurCodes_AreReportedAsTheAnnexACode(int list, string heading, string ours, string annexA) =>
        Assert.Equal(annexA, AnnexASpec.Code(list, heading, ours));

    [Fact]
    public void ACodeTheSpecificationDoesNotKnow_IsBlank_AndAMisspeltHeadingFails()
    {
        Assert.Null(AnnexASpec.Code(1, "Contact Source", "5D"));
        Assert.Null(AnnexASpec.Code(1, "Contact Source", null));
        Assert.Throws<ArgumentException>(() => AnnexASpec.Code(1, "Contact source", "6"));
    }
}
