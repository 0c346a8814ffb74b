using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Children;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Core.Returns;
using Safeguarding.Tests.Shared;

namespace Safeguarding.Core.Tests.Returns;

/// <summary>The CIN census file for 2025-26 from recorded pathway data: scope, content and the DfE schema.</summary>
[Trait("Category", "Database")]
public sealed class CinCensusExportTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 4, 20, 9, 0, 0, TimeSpan.Zero);
    private TestDatabase database = null!;
    private Guid partnershipId;
    private Guid police;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await database.MigrateAsync();
        await using var db = database.NewContext();
        var partnership = new Partnership { Id = Guid.NewGuid(), Code = "CIN", Name = "Census partnership", LocalAuthorityName = "Census council" };
        partnershipId = partnership.Id;
        police = Guid.NewGuid();
        db.Partnerships.Add(partnership);
        db.Agencies.Add(new Agency { Id = police, PartnershipId = partnershipId, Name = "Ashbridge Police", Type = AgencyType.Police });
        db.Record(new Registered(partnershipId), ProcessContext.System(Now));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task AChildProtectionJourney_IsReportedInFull_AndTheFileMeetsTheSchema()
    {
        var upn = await ArrangeAChildProtectionJourneyAsync();

        var file = await ExportAsync();

        Assert.Empty(CinCensusExport.SchemaErrors(file.Document, 2026));
        var details = Assert.Single(file.Document.Descendants("CINdetails"));
        Assert.Equal("A100000001", Value(file.Document, "LAchildID"));
        Assert.Equal(upn, Value(file.Document, "UPN"));
        Assert.Equal("2015-06-01", Value(file.Document, "PersonBirthDate"));
        Assert.Equal("2025-05-12", Value(details, "CINreferralDate"));
        Assert.Equal("6", Value(details, "ReferralSource"));
        Assert.Equal("N1", Value(details, "PrimaryNeedCode"));
        // Reported once, under the section 47 that led to it (rule 2884).
        Assert.Null(details.Element("DateOfInitialCPC"));
        Assert.Equal("2025-06-03", details.Element("Section47")?.Element("DateOfInitialCPC")?.Value);
        Assert.Equal(["3A", "18C"], details.Descendants("AssessmentFactors").Select(f => f.Value));
        Assert.Equal("2025-06-04", Value(details, "InitialCPCtarget"));
        Assert.Equal("0", Value(details, "ICPCnotRequired"));

        // Events after 31 March are not in this year's file: the CIN plan is still open, the April review not yet held.
        Assert.Null(details.Descendants("CINPlanEndDate").SingleOrDefault());
        Assert.Equal(["2025-09-02"], details.Descendants("CPPreviewDate").Select(r => r.Value));
        Assert.Equal("PHY", Value(details, "InitialCategoryOfAbuse"));
        Assert.Equal("NEG", Value(details, "LatestCategoryOfAbuse"));
        Assert.Equal("1", Value(details, "NumberOfPreviousCPP"));
        Assert.Equal("0", Value(details, "ReferralNFA"));
    }

    [Fact]
    public async Task OnlyEpisodesOpenInTheYear_AreInScope_AndAMergedRecordsEpisode_IsUnderTheSurvivor()
    {
        await ArrangeEpisodesInAndOutOfTheYearAsync();

        var file = await ExportAsync();

        Assert.Empty(CinCensusExport.SchemaErrors(file.Document, 2026));
        var reported = Assert.Single(file.Document.Descendants("Child"));
        Assert.Equal("B200000002", Value(reported, "LAchildID"));
        Assert.Equal(["2024-11-05", "2026-03-31"], reported.Descendants("CINreferralDate").Select(d => d.Value));
        Assert.Equal(["RC8", "RC8"], reported.Descendants("ReasonForClosure").Select(d => d.Value));
        Assert.Equal(["0", "1"], reported.Descendants("ReferralNFA").Select(d => d.Value));
        Assert.Equal((1, 2), (file.Children, file.Episodes));
    }

    [Fact]
    public void AFileMissingARequiredElement_FailsTheSchema()
    {
        var document = XDocument.Parse("""
            <Message><Children><Child>
              <ChildIdentifiers><LAchildID>X1</LAchildID><Sex>F</Sex></ChildIdentifiers>
              <ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>
              <CINdetails><CINreferralDate>2025-05-01</CINreferralDate><ReferralSource>6</ReferralSource></CINdetails>
            </Child></Children></Message>
            """);

        Assert.Contains(CinCensusExport.SchemaErrors(document, 2026), e => e.Contains("ReferralNFA", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExportImportExport_GivesTheSameFile_AndASecondImportChangesNothing()
    {
        await ArrangeAChildProtectionJourneyAsync();
        await ArrangeEpisodesInAndOutOfTheYearAsync();
        var first = await TextOfAsync((await ExportAsync()).Document);

        await using var empty = await TestDatabase.CreateAsync();
        await empty.MigrateAsync();
        var elsewhere = await PartnershipInAsync(empty);
        var imported = await ImportAsync(empty, elsewhere, first);
        var again = await ImportAsync(empty, elsewhere, first);
        await using var db = empty.NewContext(new FixedTenantScope(elsewhere));
        var second = await TextOfAsync((await new CinCensusExport(db).ExportAsync(2026, "999", Now)).Document);

        Assert.True(imported.Succeeded, string.Join("; ", imported.Problems));
        Assert.Equal((2, 2, 0), (imported.Children, imported.ChildrenCreated, imported.Updated));
        Assert.Equal(first, second);
        Assert.Equal((0, 0, 0), (again.ChildrenCreated, again.Created, again.Updated));
        Assert.All(await db.CinEpisodes.Select(e => e.Source).ToListAsync(), s => Assert.StartsWith("CIN census 2025-26 import", s, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnInitialConferenceWhoseEnquiryEndedBeforeTheYear_IsOnTheEpisode_AndRoundTrips()
    {
        var child = await AddChildAsync("E500000005", null, new DateOnly(2013, 3, 3));
        await using (var db = database.NewContext())
        {
            var episode = Episode(child, new DateOnly(2025, 3, 1));
            var discussion = new StrategyDiscussion { Id = Guid.NewGuid(), PartnershipId = partnershipId, EpisodeId = episode.Id, PersonId = child, HeldOn = new DateOnly(2025, 3, 3), Section47Agreed = true, Rationale = "Disclosure" };
            var enquiry = new Section47Enquiry
            {
                Id = Guid.NewGuid(),
                PartnershipId = partnershipId,
                EpisodeId = episode.Id,
                PersonId = child,
                StrategyDiscussionId = discussion.Id,
                StartDate = new DateOnly(2025, 3, 3),
                InitialConferenceTarget = new DateOnly(2025, 3, 24),
                Outcome = Section47Outcome.ConferenceRequired,
                OutcomeDate = new DateOnly(2025, 3, 20),
            };
            var icpc = Conference(episode, child, ConferenceKind.Initial, new DateOnly(2025, 4, 2), ConferenceDecision.NoPlan);
            icpc.Section47EnquiryId = enquiry.Id;
            enquiry.InitialConferenceId = icpc.Id;
            db.AddRange(episode, discussion, enquiry, icpc);
            db.Record(new Registered(partnershipId), ProcessContext.System(Now));
            await db.SaveChangesAsync();
        }

        var first = await ExportAsync();
        var text = await TextOfAsync(first.Document);
        await using var empty = await TestDatabase.CreateAsync();
        await empty.MigrateAsync();
        var elsewhere = await PartnershipInAsync(empty);
        await ImportAsync(empty, elsewhere, text);
        await using var imported = empty.NewContext(new FixedTenantScope(elsewhere));
        var second = await TextOfAsync((await new CinCensusExport(imported).ExportAsync(2026, "999", Now)).Document);

        // The enquiry ended on 20 March 2025, so it is last year's; the conference it led to was held in this year.
        var details = Assert.Single(first.Document.Descendants("CINdetails"));
        Assert.Empty(details.Elements("Section47"));
        Assert.Equal("2025-04-02", details.Element("DateOfInitialCPC")?.Value);
        Assert.Equal(text, second);
    }

    [Fact]
    public async Task ALaterYearsFile_UpdatesTheEpisodeItCarriesOn()
    {
        var child = await AddChildAsync("D400000004", null, new DateOnly(2014, 2, 2));
        await using (var db = database.NewContext())
        {
            db.Add(Episode(child, new DateOnly(2025, 2, 3)));
            db.Record(new Registered(partnershipId), ProcessContext.System(Now));
            await db.SaveChangesAsync();
        }

        var lastYear = await TextOfAsync((await ExportAsync(2025)).Document);
        await using (var db = database.NewContext())
        {
            var episode = await db.CinEpisodes.SingleAsync(e => e.PersonId == child);
            (episode.ClosureDate, episode.ClosureReason) = (new DateOnly(2025, 8, 1), "RC7");
            db.Record(new Registered(partnershipId), ProcessContext.System(Now));
            await db.SaveChangesAsync();
        }

        var thisYear = await TextOfAsync((await ExportAsync()).Document);

        await using var empty = await TestDatabase.CreateAsync();
        await empty.MigrateAsync();
        var elsewhere = await PartnershipInAsync(empty);
        await ImportAsync(empty, elsewhere, lastYear);
        var update = await ImportAsync(empty, elsewhere, thisYear);

        Assert.Equal((0, 0, 1), (update.ChildrenCreated, update.Created, update.Updated));
        await using var check = empty.NewContext();
        var imported = await check.CinEpisodes.SingleAsync();
        Assert.Equal((new DateOnly(2025, 8, 1), "RC7"), (imported.ClosureDate, imported.ClosureReason));
    }

    [Fact]
    public async Task AFileThatFailsTheSchema_ImportsNothing_AndSaysWhere()
    {
        await using var empty = await TestDatabase.CreateAsync();
        await empty.MigrateAsync();
        var elsewhere = await PartnershipInAsync(empty);
        const string Broken = """
            <Message>
              <Header><CollectionDetails><Collection>CIN</Collection><Year>2026</Year></CollectionDetails></Header>
              <Children><Child>
                <ChildIdentifiers><LAchildID>X1</LAchildID><Sex>F</Sex></ChildIdentifiers>
                <ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>
                <CINdetails><CINreferralDate>2025-05-01</CINreferralDate><ReferralSource>66</ReferralSource><ReferralNFA>0</ReferralNFA></CINdetails>
              </Child></Children>
            </Message>
            """;

        var result = await ImportAsync(empty, elsewhere, Broken);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(6, problem.Line);
        Assert.Contains("ReferralSource", problem.Message, StringComparison.Ordinal);
        await using var check = empty.NewContext();
        Assert.Empty(await check.People.ToListAsync());
        Assert.Empty(await check.CinEpisodes.ToListAsync());
    }

    /// <summary>Referral, assessment, strategy discussion, S47, ICPC, CP plan and reviews in 2025-26; returns the child's UPN.</summary>
    private async Task<string> ArrangeAChildProtectionJourneyAsync()
    {
        var upn = $"{UpnFormat.CheckLetter("999123456789")}999123456789";
        var child = await AddChildAsync("A100000001", upn, new DateOnly(2015, 6, 1));
        await using (var db = database.NewContext())
        {
            var episode = Episode(child, new DateOnly(2025, 5, 12));
            episode.PrimaryNeed = "N1";
            var discussion = new StrategyDiscussion { Id = Guid.NewGuid(), PartnershipId = partnershipId, EpisodeId = episode.Id, PersonId = child, HeldOn = new DateOnly(2025, 5, 14), Section47Agreed = true, Rationale = "Injury" };
            var enquiry = new Section47Enquiry
            {
                Id = Guid.NewGuid(),
                PartnershipId = partnershipId,
                EpisodeId = episode.Id,
                PersonId = child,
                StrategyDiscussionId = discussion.Id,
                StartDate = new DateOnly(2025, 5, 14),
                InitialConferenceTarget = new DateOnly(2025, 6, 4),
                Outcome = Section47Outcome.ConferenceRequired,
                OutcomeDate = new DateOnly(2025, 5, 28),
            };
            var icpc = Conference(episode, child, ConferenceKind.Initial, new DateOnly(2025, 6, 3), ConferenceDecision.PlanStarted);
            icpc.Section47EnquiryId = enquiry.Id;
            enquiry.InitialConferenceId = icpc.Id;
            var plan = new ChildProtectionPlan
            {
                Id = Guid.NewGuid(),
                PartnershipId = partnershipId,
                EpisodeId = episode.Id,
                PersonId = child,
                InitialConferenceId = icpc.Id,
                StartDate = icpc.HeldOn,
                InitialCategory = "PHY",
                LatestCategory = "NEG",
                PreviousPlans = 1,
            };
            var review = Conference(episode, child, ConferenceKind.Review, new DateOnly(2025, 9, 2), ConferenceDecision.PlanContinues);
            review.PlanId = plan.Id;
            var laterReview = Conference(episode, child, ConferenceKind.Review, new DateOnly(2026, 4, 2), ConferenceDecision.PlanContinues);
            laterReview.PlanId = plan.Id;
            db.AddRange(episode, discussion, enquiry, icpc, plan, review, laterReview,
                new Assessment { Id = Guid.NewGuid(), PartnershipId = partnershipId, EpisodeId = episode.Id, PersonId = child, StartDate = new DateOnly(2025, 5, 13), AuthorisationDate = new DateOnly(2025, 6, 30), Factors = "3A 18C", Outcome = AssessmentOutcome.StrategyDiscussion },
                new CinPlan { Id = Guid.NewGuid(), PartnershipId = partnershipId, EpisodeId = episode.Id, PersonId = child, StartDate = new DateOnly(2025, 7, 1), EndDate = new DateOnly(2026, 4, 10) });
            db.Record(new Registered(partnershipId), ProcessContext.System(Now));
            await db.SaveChangesAsync();
        }

        return upn;
    }

    /// <summary>Episodes closed before the year, referred after it, carried into it, and one on a record since merged.</summary>
    private async Task ArrangeEpisodesInAndOutOfTheYearAsync()
    {
        var child = await AddChildAsync("B200000002", null, new DateOnly(2012, 1, 20));
        var duplicate = await AddChildAsync("B200000099", null, new DateOnly(2012, 1, 20), mergedInto: child);
        var notInYear = await AddChildAsync("C300000003", null, new DateOnly(2010, 3, 3));
        await using (var db = database.NewContext())
        {
            var closedBefore = Episode(notInYear, new DateOnly(2024, 6, 1));
            closedBefore.ClosureDate = new DateOnly(2025, 3, 31);
            closedBefore.ClosureReason = "RC7";
            var referredAfter = Episode(notInYear, new DateOnly(2026, 4, 1));
            var carriedIn = Episode(child, new DateOnly(2024, 11, 5));
            carriedIn.ClosureDate = new DateOnly(2025, 4, 1);
            carriedIn.ClosureReason = "RC8";
            var nfa = Episode(duplicate, new DateOnly(2026, 3, 31));
            nfa.NoFurtherAction = true;
            nfa.ClosureDate = new DateOnly(2026, 3, 31);
            nfa.ClosureReason = "RC8";
            db.AddRange(closedBefore, referredAfter, carriedIn, nfa);
            db.Record(new Registered(partnershipId), ProcessContext.System(Now));
            await db.SaveChangesAsync();
        }
    }

    private static async Task<Guid> PartnershipInAsync(TestDatabase target)
    {
        await using var db = target.NewContext();
        var partnership = new Partnership { Id = Guid.NewGuid(), Code = "IMP", Name = "Importing partnership", LocalAuthorityName = "Importing council" };
        db.Partnerships.Add(partnership);
        db.Record(new Registered(partnership.Id), ProcessContext.System(Now));
        await db.SaveChangesAsync();
        return partnership.Id;
    }

    private static async Task<CinCensusImportResult> ImportAsync(TestDatabase target, Guid partnership, string xml)
    {
        await using var db = target.NewContext(new FixedTenantScope(partnership));
        await using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml));
        return await new CinCensusImport(db).ImportAsync(stream, "cin-2026.xml", ProcessContext.System(Now) with { PartnershipId = partnership });
    }

    private static async Task<string> TextOfAsync(XDocument document)
    {
        using var stream = new MemoryStream();
        await CinCensusExport.WriteAsync(document, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private async Task<CinCensusFile> ExportAsync(int year = 2026)
    {
        await using var db = database.NewContext(new FixedTenantScope(partnershipId));
        return await new CinCensusExport(db).ExportAsync(year, "999", Now);
    }

    private async Task<Guid> AddChildAsync(string laChildId, string? upn, DateOnly born, Guid? mergedInto = null)
    {
        await using var db = database.NewContext();
        var person = new Person
        {
            Id = Guid.NewGuid(),
            PartnershipId = partnershipId,
            GivenName = "Sam",
            FamilyName = laChildId,
            IsChild = true,
            DateOfBirth = born,
            Sex = PersonSex.Female,
            EthnicityCode = "WBRI",
            MergedIntoId = mergedInto,
        };
        db.People.Add(person);
        db.PersonIdentifiers.Add(new PersonIdentifier { Id = Guid.NewGuid(), PartnershipId = partnershipId, PersonId = person.Id, Type = PersonIdentifierType.LocalAuthorityChildId, Value = laChildId, RecordedAt = Now });
        if (upn is not null)
        {
            db.PersonIdentifiers.Add(new PersonIdentifier { Id = Guid.NewGuid(), PartnershipId = partnershipId, PersonId = person.Id, Type = PersonIdentifierType.UniquePupilNumber, Value = upn, RecordedAt = Now });
        }

        db.Record(new Registered(partnershipId), ProcessContext.System(Now));
        await db.SaveChangesAsync();
        return person.Id;
    }

    private CinEpisode Episode(Guid child, DateOnly referred) =>
        new() { Id = Guid.NewGuid(), PartnershipId = partnershipId, PersonId = child, ReferralDate = referred, ReferralSource = "6", RecordedAt = Now };

    private ChildProtectionConference Conference(CinEpisode episode, Guid child, ConferenceKind kind, DateOnly held, ConferenceDecision decision) =>
        new() { Id = Guid.NewGuid(), PartnershipId = partnershipId, EpisodeId = episode.Id, PersonId = child, Kind = kind, HeldOn = held, Chair = "Chair", Decision = decision, CategoryOfAbuse = "NEG" };

    private static string Value(XContainer container, string element) => container.Descendants(element).Single().Value;

    private sealed record Registered(Guid PartnershipId) : IDomainEvent
    {
        public string SubjectType => "Partnership";
        public string SubjectId => PartnershipId.ToString();
    }
}
