using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Children;
using Safeguarding.Core.Data;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.Pathway;
using Safeguarding.Core.Returns.AnnexA;
using Safeguarding.Core.Workforce;
using Safeguarding.Tests.Shared;

namespace Safeguarding.Core.Tests.Returns;

/// <summary>
/// The Ofsted Annex A workbook for an inspection on Wednesday 25 November 2026, built from hand-made
/// records and read back from the saved file as Excel would. The six months run from 26 May 2026 to
/// 25 November 2026; the twelve months from 26 November 2025.
/// </summary>
[Trait("Category", "Database")]
public sealed class AnnexAExportTests : IAsyncLifetime
{
    private static readonly DateOnly Inspection = new(2026, 11, 25);
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private TestDatabase database = null!;
    private Guid partnershipId;
    private Guid police;
    private Guid userId;
    private Guid strategyDiscussionId;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await database.MigrateAsync();
        await using var db = database.NewContext();
        var partnership = new Partnership { Id = Guid.NewGuid(), Code = "ANX", Name = "Annex partnership", LocalAuthorityName = "Annex council" };
        partnershipId = partnership.Id;
        police = Guid.NewGuid();
        db.Partnerships.Add(partnership);
        db.Agencies.Add(new Agency { Id = police, PartnershipId = partnershipId, Name = "Ashbridge Police", Type = AgencyType.Police });
        var user = new User { Id = Guid.NewGuid(), DisplayName = "Jo Worker", UserName = "jo", Email = "jo@example.test", PartnershipId = partnershipId, AgencyId = police };
        userId = user.Id;
        db.Users.Add(user);
        db.Record(new Registered(partnershipId), ProcessContext.System(Now));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public void Periods_AreSixMonthsToTheInspectionDate_AndTwelveForAdoption()
    {
        Assert.Equal((new DateOnly(2026, 5, 26), Inspection), AnnexAExport.PeriodOf(1, Inspection));
        Assert.Equal((new DateOnly(2026, 5, 26), Inspection), AnnexAExport.PeriodOf(9, Inspection));
        Assert.Equal((new DateOnly(2025, 11, 26), Inspection), AnnexAExport.PeriodOf(10, Inspection));
        Assert.Equal((new DateOnly(2025, 11, 26), Inspection), AnnexAExport.PeriodOf(11, Inspection));
        Assert.Equal(9, AnnexAExport.AgeOn(new DateOnly(2017, 11, 25), Inspection));
        Assert.Equal(8, AnnexAExport.AgeOn(new DateOnly(2017, 11, 26), Inspection));
        Assert.Null(AnnexAExport.AgeOn(null, Inspection));
    }

    [Fact]
    public async Task EverySheet_IsNamedForItsList_WithTheSpecsHeadingsInOrder_AndTheWorkbookValidates()
    {
        var child = await AddChildAsync("A1", new DateOnly(2015, 6, 1));
        await AddReferralAsync(child, new DateOnly(2026, 9, 1), "6");

        var (book, document) = await BuildAsync();

        using (document)
        {
            Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
            Assert.Equal(
                ["List 1 - Contacts", "List 2 - Early help", "List 3 - Referrals", "List 4 - Assessments", "List 5 - Section 47 and ICPC", "List 6 - Children in need",
                    "List 7 - Child protection", "List 8 - Children in care", "List 9 - Care leavers", "List 10 - Adoption", "List 11 - Adopters"],
                document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!));
            // Written out by hand from Annex_A_schema.yml, so a change to how the spec is read shows here.
            Assert.Equal(["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)", "Date of Contact", "Contact Source"], Headings(document, "List 1 - Contacts"));
            Assert.Equal(
                ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)", "Date of referral", "Referral Source", "Referral NFA?",
                    "Number of Referrals in Last 12 Months", "Allocated Team", "Allocated Worker"],
                Headings(document, "List 3 - Referrals"));
            for (var list = 1; list <= 11; list++)
            {
                Assert.Equal(AnnexASpec.Columns(list).Select(c => c.Heading), Headings(document, AnnexAExport.SheetNames[list]));
            }

            Assert.Equal(34, Headings(document, "List 8 - Children in care").Count);
            Assert.Empty(Rows(document, "List 2 - Early help"));
            Assert.Empty(Rows(document, "List 11 - Adopters"));
            Assert.Equal("Individual adopter identifier", Headings(document, "List 11 - Adopters")[0]);
        }

        Assert.Equal([0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0], book.Lists.Select(l => l.Rows));
    }

    [Fact]
    public async Task EarlyHelpAssessments_OpenAtAnyTimeInTheSixMonths_WithTheOrganisationThatCompletedThem()
    {
        var child = await AddChildAsync("E1", new DateOnly(2016, 4, 4));
        var other = await AddChildAsync("E2", new DateOnly(2018, 4, 4));
        // Completed the day before the period: out. Completed on its first day: in. Still open from long ago: in.
        await AddEarlyHelpAsync(child, new DateOnly(2026, 3, 1), completed: new DateOnly(2026, 5, 25), police);
        await AddEarlyHelpAsync(child, new DateOnly(2026, 4, 1), completed: new DateOnly(2026, 5, 26), police);
        await AddEarlyHelpAsync(other, new DateOnly(2025, 1, 10), completed: null, agency: null);
        // Started after the inspection date: out. Started on it and completed after it: in, with no completion date yet.
        await AddEarlyHelpAsync(other, new DateOnly(2026, 11, 26), completed: null, police);
        await AddEarlyHelpAsync(child, Inspection, completed: new DateOnly(2026, 12, 1), police);

        var (book, document) = await BuildAsync();
        Assert.Equal(3, book.Lists.Single(l => l.Number == 2).Rows);

        using (document)
        {
            var rows = Rows(document, "List 2 - Early help");
            Assert.Equal(
                [("E2", "10/01/2025", "", ""), ("E1", "01/04/2026", "26/05/2026", "Ashbridge Police"), ("E1", "25/11/2026", "", "Ashbridge Police")],
                rows.Select(r => (r["Child Unique ID"], r["Assessment start date"], r.GetValueOrDefault("Assessment completion date", ""),
                    r.GetValueOrDefault("Organisation completing assessment", ""))));
            Assert.Equal("8", rows[0]["Age of Child (Years)"]);
        }
    }

    [Fact]
    public async Task Contacts_AreInTheListFromTheFirstLondonDayOfThePeriod_ToTheEndOfTheInspectionDay()
    {
        var child = await AddChildAsync("C1", new DateOnly(2017, 11, 26));
        // 26 May is in British Summer Time: 00:10 that day is 23:10 UTC on the 25th.
        await AddContactAsync(child, new DateTimeOffset(2026, 5, 25, 22, 50, 0, TimeSpan.Zero), "RFS-1", source: null);
        await AddContactAsync(child, new DateTimeOffset(2026, 5, 25, 23, 10, 0, TimeSpan.Zero), "RFS-2", source: "3A");
        await AddContactAsync(child, new DateTimeOffset(2026, 11, 25, 23, 59, 0, TimeSpan.Zero), "RFS-3", source: "5D");
        await AddContactAsync(child, new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero), "RFS-4", source: null);
        await AddContactAsync(child, new DateTimeOffset(2026, 8, 3, 10, 0, 0, TimeSpan.Zero), "RFS-5", source: null);

        var (_, document) = await BuildAsync();

        using (document)
        {
            var rows = Rows(document, "List 1 - Contacts");
            Assert.Equal(["26/05/2026", "03/08/2026", "25/11/2026"], rows.Select(r => r["Date of Contact"]));
            // 3A is a GP (health); no decision yet: the police referrer's agency; 5D (early help) is the council's.
            Assert.Equal(["d) Health services", "g) Police", "f) LA services"], rows.Select(r => r["Contact Source"]));
            Assert.All(rows, r => Assert.Equal(("C1", "b) Female", "a) White", "26/11/2017", "8"), (r["Child Unique ID"], r["Gender"], r["Ethnicity"], r["Date of Birth"], r["Age of Child (Years)"])));
        }
    }

    [Fact]
    public async Task Referrals_AtThePeriodsEdges_WithTheChildsCountInTwelveMonths_AndTheSocialWorkerOnTheDay()
    {
        var child = await AddChildAsync("R1", new DateOnly(2012, 1, 20));
        await AddReferralAsync(child, new DateOnly(2025, 11, 25), "1A");
        await AddReferralAsync(child, new DateOnly(2026, 5, 25), "1A");
        await AddReferralAsync(child, new DateOnly(2026, 5, 26), "1A", noFurtherAction: true);
        await AddReferralAsync(child, new DateOnly(2026, 11, 25), "2A");
        await AddReferralAsync(child, new DateOnly(2026, 11, 26), "2A");
        await using (var db = database.NewContext())
        {
            var post = new WorkforcePost { Id = Guid.NewGuid(), PartnershipId = partnershipId, Reference = "SW-1", Team = "North assessment team", Role = WorkforceRole.SocialWorker, EstablishedOn = new DateOnly(2020, 1, 1) };
            db.AddRange(post,
                new PostHolding { Id = Guid.NewGuid(), PartnershipId = partnershipId, PostId = post.Id, UserId = userId, Employment = Employment.Permanent, StartDate = new DateOnly(2024, 1, 1) },
                new CaseAllocation { Id = Guid.NewGuid(), PartnershipId = partnershipId, PersonId = child, WorkerUserId = userId, StartDate = new DateOnly(2026, 6, 1), RecordedAt = Now });
            db.Record(new Registered(partnershipId), ProcessContext.System(Now));
            await db.SaveChangesAsync();
        }

        var (_, document) = await BuildAsync();

        using (document)
        {
            var rows = Rows(document, "List 3 - Referrals");
            Assert.Equal(["26/05/2026", "25/11/2026"], rows.Select(r => r["Date of referral"]));
            Assert.Equal(["a) Individual", "b) Schools"], rows.Select(r => r["Referral Source"]));
            Assert.Equal(["Yes", "No"], rows.Select(r => r["Referral NFA?"]));
            // 25 May, 26 May and 25 November 2026 fall in the twelve months; 25 November 2025 does not.
            Assert.Equal(["3", "3"], rows.Select(r => r["Number of Referrals in Last 12 Months"]));
            Assert.All(rows, r => Assert.Equal(("North assessment team", "Jo Worker"), (r["Allocated Team"], r["Allocated Worker"])));

            // List 6: every episode open at some time in the six months: the three never closed and the one closed on 26 May.
            var cin = Rows(document, "List 6 - Children in need");
            Assert.Equal(["25/11/2025", "25/05/2026", "26/05/2026", "25/11/2026"], cin.Select(r => r["CIN Start Date"]));
            Assert.Equal(["c) Child in need plan", "c) Child in need plan", "e) Closed episode", "c) Child in need plan"], cin.Select(r => r["Case Status"]));
            Assert.Equal(["", "", "h) Child not in need after assessment", ""], cin.Select(r => r["Reason for Closure"]));
        }
    }

    [Fact]
    public async Task AssessmentsAndEnquiries_InThePeriod_WithTheirOutcomes()
    {
        var child = await AddChildAsync("S1", new DateOnly(2014, 3, 3));
        var episode = await AddReferralAsync(child, new DateOnly(2026, 4, 1), "6");
        await using (var db = database.NewContext())
        {
            var discussion = new StrategyDiscussion { Id = Guid.NewGuid(), PartnershipId = partnershipId, EpisodeId = episode, PersonId = child, HeldOn = new DateOnly(2026, 5, 25), Section47Agreed = true, Rationale = "Injury" };
            strategyDiscussionId = discussion.Id;
            db.Add(discussion);
            db.AddRange(
                Assessment(episode, child, new DateOnly(2026, 4, 2), authorised: new DateOnly(2026, 5, 25), AssessmentOutcome.ChildInNeedPlan, seen: null),
                Assessment(episode, child, new DateOnly(2026, 4, 20), authorised: new DateOnly(2026, 5, 26), AssessmentOutcome.EarlyHelp, seen: new DateOnly(2026, 4, 22)),
                Assessment(episode, child, new DateOnly(2026, 11, 20), authorised: null, null, seen: null),
                Assessment(episode, child, new DateOnly(2026, 11, 26), authorised: null, null, seen: null));
            var outOfPeriod = Enquiry(episode, child, new DateOnly(2026, 5, 25), conferenceNotRequired: true);
            var withConference = Enquiry(episode, child, new DateOnly(2026, 5, 26), conferenceNotRequired: false);
            var icpc = new ChildProtectionConference
            {
                Id = Guid.NewGuid(),
                PartnershipId = partnershipId,
                EpisodeId = episode,
                PersonId = child,
                Kind = ConferenceKind.Initial,
                Section47EnquiryId = withConference.Id,
                HeldOn = new DateOnly(2026, 6, 10),
                Chair = "Chair",
                Decision = ConferenceDecision.PlanStarted,
                CategoryOfAbuse = "NEG",
            };
            withConference.InitialConferenceId = icpc.Id;
            var plan = new ChildProtectionPlan
            {
                Id = Guid.NewGuid(),
                PartnershipId = partnershipId,
                EpisodeId = episode,
                PersonId = child,
                InitialConferenceId = icpc.Id,
                StartDate = icpc.HeldOn,
                InitialCategory = "NEG",
                LatestCategory = "MUL",
                PreviousPlans = 2,
            };
            var review = new ChildProtectionConference
            {
                Id = Guid.NewGuid(),
                PartnershipId = partnershipId,
                EpisodeId = episode,
                PersonId = child,
                Kind = ConferenceKind.Review,
                PlanId = plan.Id,
                HeldOn = new DateOnly(2026, 9, 9),
                Chair = "Chair",
                Decision = ConferenceDecision.PlanContinues,
                CategoryOfAbuse = "MUL",
            };
            db.AddRange(outOfPeriod, withConference, icpc, plan, review, Enquiry(episode, child, new DateOnly(2026, 11, 26), conferenceNotRequired: false));
            db.Record(new Registered(partnershipId), ProcessContext.System(Now));
            await db.SaveChangesAsync();
        }

        var (_, document) = await BuildAsync();

        using (document)
        {
            // Authorised on 25 May (before the period) is out; authorised on 26 May and still open are in; started after the day is out.
            var assessments = Rows(document, "List 4 - Assessments");
            Assert.Equal(["20/04/2026", "20/11/2026"], assessments.Select(r => r["Continuous Assessment Start Date"]));
            Assert.Equal(["26/05/2026", ""], assessments.Select(r => r["Continuous Assessment Date of Authorisation"]));
            Assert.Equal(["Yes", "No"], assessments.Select(r => r["Child Seen During Continuous Assessment"]));
            Assert.Equal(["No", ""], assessments.Select(r => r["Was the child assessed as requiring LA children's social care support?"]));

            var enquiry = Assert.Single(Rows(document, "List 5 - Section 47 and ICPC"));
            Assert.Equal("26/05/2026", enquiry["Strategy discussion initiating Section 47 Enquiry Start Date"]);
            Assert.Equal(("No", "10/06/2026", "Yes"), (enquiry["Was an Initial Child Protection Conference deemed unnecessary?"], enquiry["Date of Initial Child Protection Conference"],
                enquiry["Did the Initial Child Protection Conference Result in a Child Protection Plan"]));
            // 25 and 26 May are both in the twelve months (26 November is after the day); one ICPC.
            Assert.Equal(("2", "1"), (enquiry["Number of Section 47 Enquiries in the last 12 months"], enquiry["Number of ICPCs in the last 12 months"]));

            var plan = Assert.Single(Rows(document, "List 7 - Child protection"));
            Assert.Equal(("10/06/2026", "a) Neglect", "e) Multiple", "09/09/2026", "", "2"), (plan["Child Protection Plan Start Date"], plan["Initial Category of Abuse"],
                plan["Latest Category of Abuse"], plan["Date of latest review conference"], plan["Child Protection Plan End Date"], plan["Number of Previous Child Protection Plans"]));

            var cin = Assert.Single(Rows(document, "List 6 - Children in need"));
            Assert.Equal(("b) Child Protection plan", "22/04/2026", "a) Abuse or neglect"), (cin["Case Status"], cin["Date Child Was Last Seen"], cin["Primary Need Code"]));
        }
    }

    [Fact]
    public async Task ChildrenInCare_ArePeriodsOpenInTheSixMonths_WithTheCurrentLegalStatusAndPlacement()
    {
        var child = await AddChildAsync("L1", new DateOnly(2016, 2, 2));
        var left = await AddChildAsync("L2", new DateOnly(2010, 2, 2));
        var earlier = await AddChildAsync("L3", new DateOnly(2011, 2, 2));
        await using (var db = database.NewContext())
        {
            var period = Period(child, new DateOnly(2026, 1, 10), null, null);
            db.AddRange(period,
                CareEpisode(period, new DateOnly(2026, 1, 10), new DateOnly(2026, 6, 1), "S", "C2", "U4", null),
                CareEpisode(period, new DateOnly(2026, 6, 1), new DateOnly(2026, 8, 1), "L", "E1", "U4", null),
                CareEpisode(period, new DateOnly(2026, 8, 1), null, "P", "E1", "U1", "PR1"),
                new LookedAfterReview { Id = Guid.NewGuid(), PartnershipId = partnershipId, CarePeriodId = period.Id, PersonId = child, HeldOn = new DateOnly(2026, 10, 1), Participation = "PN1" },
                new MissingEpisode { Id = Guid.NewGuid(), PartnershipId = partnershipId, PersonId = child, CarePeriodId = period.Id, Kind = MissingKind.Missing, StartedAt = new DateTimeOffset(2026, 9, 1, 20, 0, 0, TimeSpan.Zero), ReturnedAt = new DateTimeOffset(2026, 9, 2, 8, 0, 0, TimeSpan.Zero), InterviewOfferedAt = new DateTimeOffset(2026, 9, 3, 8, 0, 0, TimeSpan.Zero), InterviewAccepted = false },
                new MissingEpisode { Id = Guid.NewGuid(), PartnershipId = partnershipId, PersonId = child, CarePeriodId = period.Id, Kind = MissingKind.Away, StartedAt = new DateTimeOffset(2026, 10, 1, 20, 0, 0, TimeSpan.Zero) });
            var adopted = Period(left, new DateOnly(2024, 3, 1), new DateOnly(2026, 5, 26), "E11");
            db.AddRange(adopted, CareEpisode(adopted, new DateOnly(2024, 3, 1), new DateOnly(2026, 5, 26), "S", "E1", "A3", "PR1", "E11"));
            var ended = Period(earlier, new DateOnly(2024, 3, 1), new DateOnly(2026, 5, 25), "E4A");
            db.AddRange(ended, CareEpisode(ended, new DateOnly(2024, 3, 1), new DateOnly(2026, 5, 25), "S", "V2", "U4", "PR1", "E4A"));
            db.Record(new Registered(partnershipId), ProcessContext.System(Now));
            await db.SaveChangesAsync();
        }

        var (_, document) = await BuildAsync();

        using (document)
        {
            var rows = Rows(document, "List 8 - Children in care");
            Assert.Equal(["L2", "L1"], rows.Select(r => r["Child Unique ID"]));
            var (adoptedRow, inCare) = (rows[0], rows[1]);
            Assert.Equal(("26/05/2026", "a) Adopted"), (adoptedRow["Date Ceased to be Looked After"], adoptedRow["Reason Ceased to be Looked After"]));
            Assert.Equal(
                ("10/01/2026", "01/06/2026", "d) Placement order granted", "01/08/2026", "a) Foster placement", "a) Own LA", "01/10/2026"),
                (inCare["Date Started to be Looked After"], inCare["Start date of current legal status"], inCare["Child's Legal Status"], inCare["Start Date of Most Recent Placement"],
                    inCare["Placement Type"], inCare["Placement Provider"], inCare["Date of Latest Statutory Review"]));
            // The first foster placement and the move on 1 August; the legal status change on 1 June is the same placement.
            Assert.Equal("2", inCare["Number of Placements in the Last 12 months"]);
            Assert.Equal(("1", "1", "Yes", "No"), (inCare["Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months"],
                inCare["Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months"],
                inCare["Was the child offered a Return Interview after their last missing episode (Y/N)?"], inCare["Did the child accept a Return Interview after their last missing episode (Y/N)?"]));
            Assert.Equal(("a) Abuse or neglect", "No", ""), (inCare["Child's Category of Need"], inCare["Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)"], inCare["Date of Last Dental Check"]));
        }
    }

    [Fact]
    public async Task AMergedChild_IsReportedOnce_UnderTheSurvivingRecord()
    {
        var child = await AddChildAsync("M1", new DateOnly(2007, 1, 10));
        var duplicate = await AddChildAsync("M9", new DateOnly(2007, 1, 10), mergedInto: child);
        var tooOld = await AddChildAsync("M2", new DateOnly(2004, 11, 24));
        await using (var db = database.NewContext())
        {
            db.AddRange(
                CareLeaver(child, 18, new DateOnly(2025, 1, 10), "YES", "F2", "D1"),
                CareLeaver(duplicate, 19, new DateOnly(2026, 1, 10), "NO", "G5", "S2"),
                CareLeaver(tooOld, 21, new DateOnly(2025, 11, 24), "YES", "F1", "B1"));
            db.Record(new Registered(partnershipId), ProcessContext.System(Now));
            await db.SaveChangesAsync();
        }

        await AddReferralAsync(duplicate, new DateOnly(2026, 7, 1), "9");

        var (_, document) = await BuildAsync();

        using (document)
        {
            // The survivor's one row comes from the latest record, which was made on the duplicate; 22 years old is out.
            var leaver = Assert.Single(Rows(document, "List 9 - Care leavers"));
            Assert.Equal(("M1", "19", "b) Not in touch", "i) No fixed abode / homeless", "b) Not suitable", "G5: Not in education, employment or training - other"),
                (leaver["Child Unique ID"], leaver["Age of Child (Years)"], leaver["LA in Touch"], leaver["Type of Accommodation"], leaver["Suitability of Accommodation"], leaver["Activity Status"]));
            var referral = Assert.Single(Rows(document, "List 3 - Referrals"));
            Assert.Equal(("M1", "j) Anonymous"), (referral["Child Unique ID"], referral["Referral Source"]));
        }
    }

    [Fact]
    public async Task Adoption_CoversTwelveMonths_AndLeavesOutOnesFinishedBefore()
    {
        var placed = await AddChildAsync("D1", new DateOnly(2022, 4, 4));
        var adoptedBefore = await AddChildAsync("D2", new DateOnly(2021, 4, 4));
        var stopped = await AddChildAsync("D3", new DateOnly(2020, 4, 4));
        await using (var db = database.NewContext())
        {
            var open = Period(placed, new DateOnly(2024, 2, 1), null, null);
            var closed = Period(adoptedBefore, new DateOnly(2023, 2, 1), new DateOnly(2025, 11, 25), "E11");
            var continuing = Period(stopped, new DateOnly(2023, 5, 1), null, null);
            db.AddRange(open, closed, continuing,
                new AdoptionRecord { Id = Guid.NewGuid(), PartnershipId = partnershipId, PersonId = placed, CarePeriodId = open.Id, DecisionDate = new DateOnly(2025, 6, 1), PlacementOrderDate = new DateOnly(2025, 9, 1), MatchDate = new DateOnly(2026, 12, 1) },
                new AdoptionRecord { Id = Guid.NewGuid(), PartnershipId = partnershipId, PersonId = adoptedBefore, CarePeriodId = closed.Id, DecisionDate = new DateOnly(2024, 6, 1) },
                new AdoptionRecord { Id = Guid.NewGuid(), PartnershipId = partnershipId, PersonId = stopped, CarePeriodId = continuing.Id, DecisionDate = new DateOnly(2024, 1, 5), CeasedDate = new DateOnly(2025, 11, 26), CeasedReason = "RD2" });
            db.Record(new Registered(partnershipId), ProcessContext.System(Now));
            await db.SaveChangesAsync();
        }

        var (_, document) = await BuildAsync();

        using (document)
        {
            var rows = Rows(document, "List 10 - Adoption");
            Assert.Equal(["D3", "D1"], rows.Select(r => r["Child Unique ID"]));
            Assert.Equal(("26/11/2025", "b) Court did not make a PO"), (rows[0]["Date of Decision that Child Should No Longer be Placed for Adoption"], rows[0]["Reason Why Child No Longer Placed for Adoption"]));
            // The match on 1 December 2026 is after the inspection date, so not yet reported.
            Assert.Equal(("01/02/2024", "01/06/2025", "01/09/2025", ""), (rows[1]["Date the Child Entered Care"], rows[1]["Date of Decision that Child Should be Placed for Adoption"],
                rows[1]["Date of Placement Order"], rows[1]["Date of Matching Child and Prospective Adopters"]));
        }
    }

    private async Task<(AnnexAWorkbook Book, SpreadsheetDocument Document)> BuildAsync()
    {
        await using var db = database.NewContext(new FixedTenantScope(partnershipId));
        var book = await new AnnexAExport(db).BuildAsync(Inspection);
        var stream = new MemoryStream();
        book.Book.Save(stream);
        stream.Position = 0;
        return (book, SpreadsheetDocument.Open(stream, isEditable: false));
    }

    private static List<string> Headings(SpreadsheetDocument document, string sheet) =>
        Table(document, sheet)[0];

    /// <summary>The sheet's rows below the header, by heading: text as written, numbers as digits, date columns as dd/mm/yyyy, empty cells as "".</summary>
    private static List<Dictionary<string, string>> Rows(SpreadsheetDocument document, string sheet)
    {
        var table = Table(document, sheet);
        var list = AnnexAExport.SheetNames.Single(n => n.Value == sheet).Key;
        var dates = AnnexASpec.Columns(list).Where(c => c.Kind == AnnexAColumnKind.Date).Select(c => c.Heading).ToHashSet();
        return table.Skip(1).Select(row => table[0].Select((heading, i) =>
        {
            var value = i < row.Count ? row[i] : "";
            return (heading, value: dates.Contains(heading) && value.Length > 0
                ? DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(value, CultureInfo.InvariantCulture))).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
                : value);
        }).ToDictionary(c => c.heading, c => c.value)).ToList();
    }

    private static List<List<string>> Table(SpreadsheetDocument document, string name)
    {
        var workbookPart = document.WorkbookPart!;
        var sheet = workbookPart.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        var worksheet = ((WorksheetPart)workbookPart.GetPartById(sheet.Id!)).Worksheet;
        return worksheet.Descendants<Row>().Select(row =>
        {
            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnIndex(cell.CellReference!.Value!);
                while (cells.Count < column)
                {
                    cells.Add("");
                }

                cells.Add(cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "");
            }

            return cells;
        }).ToList();
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            index = (index * 26) + (c - 'A' + 1);
        }

        return index - 1;
    }

    private async Task<Guid> AddChildAsync(string laChildId, DateOnly born, Guid? mergedInto = null)
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
            EthnicityCode = "WIRI",
            MergedIntoId = mergedInto,
        };
        db.People.Add(person);
        db.PersonIdentifiers.Add(new PersonIdentifier { Id = Guid.NewGuid(), PartnershipId = partnershipId, PersonId = person.Id, Type = PersonIdentifierType.LocalAuthorityChildId, Value = laChildId, RecordedAt = Now });
        db.Record(new Registered(partnershipId), ProcessContext.System(Now));
        await db.SaveChangesAsync();
        return person.Id;
    }

    private async Task AddEarlyHelpAsync(Guid child, DateOnly assessed, DateOnly? completed, Guid? agency)
    {
        await using var db = database.NewContext();
        db.EarlyHelpEpisodes.Add(new EarlyHelpEpisode
        {
            Id = Guid.NewGuid(),
            PartnershipId = partnershipId,
            PersonId = child,
            StartDate = assessed,
            Route = EarlyHelpRoute.PartnerAssessment,
            AssessmentStartDate = assessed,
            AssessmentCompletedDate = completed,
            AssessingAgencyId = agency,
            RecordedAt = Now,
        });
        db.Record(new Registered(partnershipId), ProcessContext.System(Now));
        await db.SaveChangesAsync();
    }

    private async Task<Guid> AddReferralAsync(Guid child, DateOnly referred, string source, bool noFurtherAction = false)
    {
        await using var db = database.NewContext();
        var episode = new CinEpisode
        {
            Id = Guid.NewGuid(),
            PartnershipId = partnershipId,
            PersonId = child,
            ReferralDate = referred,
            ReferralSource = source,
            PrimaryNeed = "N1",
            NoFurtherAction = noFurtherAction,
            RecordedAt = Now,
        };
        if (noFurtherAction)
        {
            (episode.ClosureDate, episode.ClosureReason) = (referred, "RC8");
        }

        db.CinEpisodes.Add(episode);
        db.Record(new Registered(partnershipId), ProcessContext.System(Now));
        await db.SaveChangesAsync();
        return episode.Id;
    }

    private async Task AddContactAsync(Guid child, DateTimeOffset received, string reference, string? source)
    {
        await using var db = database.NewContext();
        var contact = new Contact
        {
            Id = Guid.NewGuid(),
            PartnershipId = partnershipId,
            Reference = reference,
            ReceivedAt = received,
            State = source is null ? ContactState.Received : ContactState.Decided,
            SubmittedByUserId = userId,
            IdempotencyKey = reference,
            ReferrerName = "PC Tester",
            ReferrerRole = "Constable",
            ReferrerPhone = "0121 496 0000",
            ReferrerAgencyId = police,
            ReferrerAgencyName = "Ashbridge Police",
            ConcernNarrative = "Concern",
            ChildsVoice = "Voice",
            HowChildWasSeen = "Seen",
            WhatHasBeenTried = "Nothing",
        };
        contact.Children.Add(new ContactChild { Id = Guid.NewGuid(), PartnershipId = partnershipId, ContactId = contact.Id, FirstName = "Sam", PersonId = child });
        db.Contacts.Add(contact);
        if (source is not null)
        {
            db.ContactDecisions.Add(new ContactDecision
            {
                Id = Guid.NewGuid(),
                PartnershipId = partnershipId,
                ContactId = contact.Id,
                Outcome = ContactOutcome.SocialWorkAssessment,
                Rationale = "Referral",
                ReferralSourceCode = source,
                PrimaryNeedCode = "N1",
                DecidedAt = received.AddHours(2),
                DecidedByUserId = userId,
            });
        }

        db.Record(new Registered(partnershipId), ProcessContext.System(Now));
        await db.SaveChangesAsync();
    }

    private Assessment Assessment(Guid episode, Guid child, DateOnly started, DateOnly? authorised, AssessmentOutcome? outcome, DateOnly? seen) =>
        new() { Id = Guid.NewGuid(), PartnershipId = partnershipId, EpisodeId = episode, PersonId = child, StartDate = started, AuthorisationDate = authorised, Outcome = outcome, FirstVisitOn = seen };

    private Section47Enquiry Enquiry(Guid episode, Guid child, DateOnly started, bool conferenceNotRequired) =>
        new()
        {
            Id = Guid.NewGuid(),
            PartnershipId = partnershipId,
            EpisodeId = episode,
            PersonId = child,
            StrategyDiscussionId = strategyDiscussionId,
            StartDate = started,
            InitialConferenceTarget = started.AddDays(21),
            ConferenceNotRequired = conferenceNotRequired,
        };

    private CarePeriod Period(Guid child, DateOnly started, DateOnly? ended, string? reason) =>
        new() { Id = Guid.NewGuid(), PartnershipId = partnershipId, PersonId = child, StartDate = started, EndDate = ended, EndReason = reason, RecordedAt = Now };

    private CareEpisode CareEpisode(CarePeriod period, DateOnly started, DateOnly? ended, string reason, string legalStatus, string placement, string? provider, string? endReason = null) =>
        new()
        {
            Id = Guid.NewGuid(),
            PartnershipId = partnershipId,
            CarePeriodId = period.Id,
            PersonId = period.PersonId,
            StartDate = started,
            EndDate = ended,
            ReasonNewEpisode = reason,
            LegalStatus = legalStatus,
            CategoryOfNeed = "N1",
            PlacementType = placement,
            PlacementProvider = provider,
            EndReason = endReason ?? (ended is null ? null : "X1"),
        };

    private CareLeaverContact CareLeaver(Guid child, int age, DateOnly birthday, string inTouch, string activity, string accommodation) =>
        new() { Id = Guid.NewGuid(), PartnershipId = partnershipId, PersonId = child, Age = age, Birthday = birthday, InTouch = inTouch, Activity = activity, Accommodation = accommodation, RecordedAt = Now };

    private sealed record Registered(Guid PartnershipId) : IDomainEvent
    {
        public string SubjectType => "Partnership";
        public string SubjectId => PartnershipId.ToString();
    }
}
