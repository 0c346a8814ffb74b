using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.Returns;

namespace Safeguarding.Core.Tests.Returns;

public sealed class CinCensusSchemaTests
{
    public static TheoryData<string, string> GeneratedLists => new()
    {
        { nameof(CinCensusCodes.CategoriesOfAbuse), "categoryofabusetype" },
        { nameof(CinCensusCodes.ClosureReasons), "reasonforclosuretype" },
        { nameof(CinCensusCodes.AssessmentFactors), "assessmentfactorstype" },
    };

    [Theory]
    [MemberData(nameof(GeneratedLists))]
    public void ThePathwayCodeLists_AreTheSchemasCodesAndLabels(string list, string simpleType)
    {
        var codes = (IReadOnlyList<CinCode>)typeof(CinCensusCodes).GetField(list)!.GetValue(null)!;

        Assert.Equal(
            CinCensusSchema.Enumeration(2026, simpleType).Select(e => $"{e.Code} {e.Label}"),
            codes.Select(c => $"{c.Code} {c.Description}"));
    }

    [Fact]
    public void ReferralSources_AreTheSchemasCodes()
    {
        Assert.Equal(CinCensusSchema.Enumeration(2026, "referralsourcetype").Select(e => e.Code), CinCensusCodes.ReferralSources.Select(c => c.Code));
    }

    [Fact]
    public void PrimaryNeeds_AreTheSchemasCodes_LessNotStated()
    {
        Assert.Equal(
            CinCensusSchema.Enumeration(2026, "primaryneedcodetype").Select(e => e.Code).Where(c => c != "N0"),
            CinCensusCodes.PrimaryNeeds.Select(c => c.Code));
    }

    [Fact]
    public void TheTwoYears_DifferInTheLabelOfN1()
    {
        Assert.Equal("Abuse or neglect", CinCensusSchema.Enumeration(2025, "primaryneedcodetype").Single(e => e.Code == "N1").Label);
        Assert.Equal("Abuse, neglect and exploitation", CinCensusSchema.Enumeration(2026, "primaryneedcodetype").Single(e => e.Code == "N1").Label);
        Assert.Equal("Abuse, neglect and exploitation", CinCensusSchema.Enumeration(2030, "primaryneedcodetype").Single(e => e.Code == "N1").Label);
    }
}
