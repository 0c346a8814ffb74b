using Safeguarding.Core.Pathway;
using Safeguarding.Core.Returns;

namespace Safeguarding.Core.Tests.Returns;

/// <summary>
/// The SSDA903 specification as the DfE's patches leave it each year, and the looked-after pages' code
/// sets checked against it, so a code the return would reject can never be offered.
/// </summary>
public sealed class Ssda903SpecTests
{
    private const int Year = 2026;

    [Fact]
    public void EachYearsPatchesApply_InOrder()
    {
        // 2017's episodes had H5 and P2; the 2025 patch removed them and added K3; 2026 split Z1 into Z11-Z14.
        Assert.Contains("H5", Ssda903Spec.Codes(2017, "episodes", "PLACE"));
        Assert.DoesNotContain("K3", Ssda903Spec.Codes(2024, "episodes", "PLACE"));
        Assert.Contains("K3", Ssda903Spec.Codes(2025, "episodes", "PLACE"));
        Assert.DoesNotContain("H5", Ssda903Spec.Codes(2025, "episodes", "PLACE"));
        Assert.Contains("Z14", Ssda903Spec.Codes(2026, "episodes", "PLACE"));

        // Sex became M, F or U in 2025; the social worker table arrived in 2024.
        Assert.Equal(["1", "2"], Ssda903Spec.Codes(2024, "header", "SEX"));
        Assert.Equal(["M", "F", "U"], Ssda903Spec.Codes(2025, "header", "SEX"));
        Assert.False(Ssda903Spec.For(2022).ContainsKey("social_worker"));
        Assert.True(Ssda903Spec.For(2024).ContainsKey("social_worker"));

        var episodes = Ssda903Spec.For(Year)["episodes"];
        Assert.Equal(["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"],
            episodes.Select(c => c.Name));
        Assert.Equal(("date", false), (episodes[1].Kind, episodes[1].CanBeBlank));
        Assert.Equal(("date", true), (episodes[7].Kind, episodes[7].CanBeBlank));
    }

    public static TheoryData<string, string, string> CodeSets => new()
    {
        { nameof(LookedAfterCodes.ReasonsNewEpisode), "episodes", "RNE" },
        { nameof(LookedAfterCodes.LegalStatuses), "episodes", "LS" },
        { nameof(LookedAfterCodes.CategoriesOfNeed), "episodes", "CIN" },
        { nameof(LookedAfterCodes.PlacementTypes), "episodes", "PLACE" },
        { nameof(LookedAfterCodes.PlacementProviders), "episodes", "PLACE_PROVIDER" },
        { nameof(LookedAfterCodes.EndReasons), "episodes", "REC" },
        { nameof(LookedAfterCodes.ReasonsPlaceChange), "episodes", "REASON_PLACE_CHANGE" },
        { nameof(LookedAfterCodes.ReviewParticipation), "reviews", "REVIEW_CODE" },
        { nameof(LookedAfterCodes.InTouch), "oc3", "IN_TOUCH" },
        { nameof(LookedAfterCodes.Activities), "oc3", "ACTIV" },
        { nameof(LookedAfterCodes.AdopterSexes), "ad1", "SEX_ADOPTR" },
        { nameof(LookedAfterCodes.AdopterLegalStatuses), "ad1", "LS_ADOPTR" },
        { nameof(LookedAfterCodes.AdoptionCeasedReasons), "placed_adoption", "REASON_PLACED_CEASED" },
    };

    [Theory]
    [MemberData(nameof(CodeSets))]
    public void TheLookedAfterPagesOfferExactlyTheSpecificationsCodes(string set, string table, string column)
    {
        var offered = (IReadOnlyList<CodeOption>)typeof(LookedAfterCodes).GetField(set)!.GetValue(null)!;

        Assert.Equal(Ssda903Spec.Codes(Year, table, column).Order(StringComparer.Ordinal), offered.Select(o => o.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AccommodationTypes_WithSuitableOrNot_AreTheSpecificationsAccommodationCodes()
    {
        var recorded = LookedAfterCodes.AccommodationTypes.SelectMany(t => new[] { t.Code + "1", t.Code + "2" }).Append("0");

        Assert.Equal(Ssda903Spec.Codes(Year, "oc3", "ACCOM").Order(StringComparer.Ordinal), recorded.Order(StringComparer.Ordinal));
        Assert.True(LookedAfterCodes.IsSuitable("U1"));
        Assert.False(LookedAfterCodes.IsSuitable("U2"));
        Assert.False(LookedAfterCodes.IsSuitable("0"));
    }
}
