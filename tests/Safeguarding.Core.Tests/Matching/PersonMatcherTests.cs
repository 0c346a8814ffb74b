using Safeguarding.Core.Children;
using Safeguarding.Core.Children.Matching;

namespace Safeguarding.Core.Tests.Matching;

public sealed class PersonMatcherTests
{
    private static readonly Guid Ayesha = new("00000000-0000-0000-0000-000000000001");
    private static readonly Guid AyeshaTwin = new("00000000-0000-0000-0000-000000000002");
    private static readonly Guid Mother = new("00000000-0000-0000-0000-000000000003");
    private static readonly Guid OtherAyesha = new("00000000-0000-0000-0000-000000000004");
    private static readonly Guid Thompson = new("00000000-0000-0000-0000-000000000005");
    private static readonly Guid Unborn = new("00000000-0000-0000-0000-000000000006");

    private static PersonIndex SmallIndex()
    {
        var school = new Guid("10000000-0000-0000-0000-000000000001");
        var records = new List<MatchRecord>
        {
            new(Ayesha, "Ayesha", "Khan", null, new DateOnly(2016, 3, 4), null, PersonSex.Female, "9434765919", "12 Mill Lane", "ZX4 7QD", school),
            new(AyeshaTwin, "Maryam", "Khan", null, new DateOnly(2016, 3, 4), null, PersonSex.Female, "4010232137", "12 Mill Lane", "ZX4 7QD", school),
            new(Mother, "Nadia", "Khan", null, new DateOnly(1988, 9, 21), null, PersonSex.Female, null, "12 Mill Lane", "ZX4 7QD", null),
            new(OtherAyesha, "Ayesha", "Khan", null, new DateOnly(2014, 11, 30), null, PersonSex.Female, null, "3 Park Road", "ZX9 2AB", null),
            new(Thompson, "William", "Thompson", null, new DateOnly(2012, 6, 15), null, PersonSex.Male, null, "40 High Street", "ZX2 1EF", null),
            new(Unborn, "Unborn", "Thompson", null, null, new DateOnly(2026, 5, 10), PersonSex.NotKnown, null, "40 High Street", "ZX2 1EF", null),
        };

        // Filler people so the frequencies and prior look like a small town rather than six people.
        for (var i = 0; i < 2_000; i++)
        {
            records.Add(new MatchRecord(new Guid(i + 100, 0, 0, new byte[8]), $"Given{i % 97}", $"Family{i % 211}", null,
                new DateOnly(1950, 1, 1).AddDays(i * 13), null, i % 2 == 0 ? PersonSex.Male : PersonSex.Female, null, $"{i} Filler Street", $"ZX{1 + (i % 20)} {1 + (i % 9)}XY", null));
        }

        return new PersonIndex(records);
    }

    [Fact]
    public void ExactDetails_RankFirst_AsAMatch()
    {
        var matcher = new PersonMatcher(SmallIndex());
        var found = matcher.Find(new MatchQuery
        {
            GivenName = "Ayesha",
            FamilyName = "Khan",
            DateOfBirth = new DateOnly(2016, 3, 4),
            Sex = PersonSex.Female,
            NhsNumber = "943 476 5919",
            AddressLine = "12 Mill Lane",
            Postcode = "ZX4 7QD",
        });

        Assert.Equal(Ayesha, found[0].PersonId);
        Assert.Equal(MatchBand.Match, found[0].Band);
        Assert.Contains(found[0].Comparisons, c => c.Field == MatchField.NhsNumber && c.Outcome == ComparisonOutcome.Agree);
        Assert.Contains("NHS number: agrees", found[0].Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public void TypoInFamilyName_StillFound_WithPartialAgreement()
    {
        var matcher = new PersonMatcher(SmallIndex());
        var found = matcher.Find(new MatchQuery { GivenName = "William", FamilyName = "Tompson", DateOfBirth = new DateOnly(2012, 6, 15) });

        Assert.Equal(Thompson, found[0].PersonId);
        var family = found[0].Comparisons.Single(c => c.Field == MatchField.FamilyName);
        Assert.Equal(ComparisonOutcome.PartlyAgree, family.Outcome);
    }

    [Fact]
    public void NicknameAndSwappedDate_StillFound_AndExplained()
    {
        var matcher = new PersonMatcher(SmallIndex());
        var found = matcher.Find(new MatchQuery { GivenName = "Bill", FamilyName = "Thompson", DateOfBirth = new DateOnly(2012, 6, 15), Postcode = "ZX2 1EF" });

        Assert.Equal(Thompson, found[0].PersonId);
        Assert.Contains("nickname", found[0].Comparisons.Single(c => c.Field == MatchField.GivenName).Explanation, StringComparison.Ordinal);

        var swapped = matcher.Find(new MatchQuery { GivenName = "Ayesha", FamilyName = "Khan", DateOfBirth = new DateOnly(2016, 4, 3), Postcode = "ZX4 7QD" });
        Assert.Equal(Ayesha, swapped[0].PersonId);
        Assert.Equal("Date of birth: day and month swapped", swapped[0].Comparisons.Single(c => c.Field == MatchField.DateOfBirth).Explanation);
    }

    [Fact]
    public void Twin_WithSameDateOfBirthAndAddress_ButOtherGivenName_IsNotAnAutomaticMatch()
    {
        var matcher = new PersonMatcher(SmallIndex());
        // A third twin not in the index: only the given name differs from her sisters.
        var found = matcher.Find(new MatchQuery
        {
            GivenName = "Zainab",
            FamilyName = "Khan",
            DateOfBirth = new DateOnly(2016, 3, 4),
            Sex = PersonSex.Female,
            AddressLine = "12 Mill Lane",
            Postcode = "ZX4 7QD",
        });

        Assert.NotEmpty(found);
        Assert.All(found, c => Assert.NotEqual(MatchBand.Match, c.Band));
    }

    [Fact]
    public void DifferentValidNhsNumber_IsStrongEvidenceAgainst()
    {
        var matcher = new PersonMatcher(SmallIndex());
        var found = matcher.Find(new MatchQuery { GivenName = "Ayesha", FamilyName = "Khan", DateOfBirth = new DateOnly(2016, 3, 4), NhsNumber = "4010232137" });

        var ayesha = found.Single(c => c.PersonId == Ayesha);
        var nhs = ayesha.Comparisons.Single(c => c.Field == MatchField.NhsNumber);
        Assert.Equal(ComparisonOutcome.Disagree, nhs.Outcome);
        Assert.True(nhs.Weight < -4);
        Assert.NotEqual(MatchBand.Match, ayesha.Band);
    }

    [Fact]
    public void NewBorn_IsFoundByTheExpectedDateOfBirth()
    {
        var matcher = new PersonMatcher(SmallIndex());
        var found = matcher.Find(new MatchQuery { GivenName = "Baby", FamilyName = "Thompson", DateOfBirth = new DateOnly(2026, 4, 28), Postcode = "ZX2 1EF" });

        Assert.Equal(Unborn, found[0].PersonId);
        Assert.Equal("Date of birth: near the expected date of birth", found[0].Comparisons.Single(c => c.Field == MatchField.DateOfBirth).Explanation);
    }

    [Fact]
    public void NamesAndPostcodeAlone_AreNeverAnAutomaticMatch()
    {
        var matcher = new PersonMatcher(SmallIndex());
        var found = matcher.Find(new MatchQuery { GivenName = "Ayesha", FamilyName = "Khan", AddressLine = "12 Mill Lane", Postcode = "ZX4 7QD" });

        Assert.Equal(Ayesha, found[0].PersonId);
        Assert.NotEqual(MatchBand.Match, found[0].Band);
    }

    [Fact]
    public void Bands_AreConfigurable()
    {
        var bands = new MatchBands { MatchThreshold = 0.99, PossibleMatchThreshold = 0.5 };
        Assert.Equal(MatchBand.PossibleMatch, bands.BandFor(0.98));
        Assert.Equal(MatchBand.Match, bands.BandFor(0.995));
        Assert.Equal(MatchBand.LowConfidence, bands.BandFor(0.2));
    }
}
