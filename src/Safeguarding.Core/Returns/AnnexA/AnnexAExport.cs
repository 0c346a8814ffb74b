using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Children;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Core.Reporting;

namespace Safeguarding.Core.Returns.AnnexA;

/// <summary>One list of the workbook: its number, its sheet's name, the period it covers and how many rows it has.</summary>
public sealed record AnnexAList(int Number, string SheetName, DateOnly From, DateOnly To, int Rows);

/// <summary>The Annex A workbook for an inspection date, with what each list holds.</summary>
public sealed record AnnexAWorkbook(DateOnly InspectionDate, XlsxWorkbook Book, IReadOnlyList<AnnexAList> Lists);

/// <summary>
/// Ofsted's Annex A lists for an inspection (ILACS), built from the records, one sheet a list with the
/// columns of the embedded specification (<see cref="AnnexASpec"/>). Lists 1 to 9 cover the six months
/// up to the inspection date, lists 10 and 11 the twelve months (docs/returns.md, "Ofsted Annex A").
/// Records merged into another child are reported under the surviving record with the child id the
/// CIN census uses. Columns the records cannot fill are left blank; list 11 (adopters) has no records
/// in the system and is written with its headings only.
/// </summary>
public sealed class AnnexAExport(SafeguardingDbContext db)
{
    /// <summary>What a download of the workbook is recorded against in the audit trail (its id is the inspection date).</summary>
    public const string SubjectType = "OfstedAnnexA";

    /// <summary>Why the records were read, as the audit trail records it.</summary>
    public const string AccessPurpose = "Ofsted Annex A lists for an inspection";

    /// <summary>The workbook's media type.</summary>
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Ofsted's names for the lists, shortened where Excel's 31-character limit on a sheet name needs it.</summary>
    public static readonly IReadOnlyDictionary<int, string> SheetNames = new Dictionary<int, string>
    {
        [1] = "List 1 - Contacts",
        [2] = "List 2 - Early help",
        [3] = "List 3 - Referrals",
        [4] = "List 4 - Assessments",
        [5] = "List 5 - Section 47 and ICPC",
        [6] = "List 6 - Children in need",
        [7] = "List 7 - Child protection",
        [8] = "List 8 - Children in care",
        [9] = "List 9 - Care leavers",
        [10] = "List 10 - Adoption",
        [11] = "List 11 - Adopters",
    };

    /// <summary>What each list holds, in the words the download page shows.</summary>
    public static readonly IReadOnlyDictionary<int, string> Contents = new Dictionary<int, string>
    {
        [1] = "Every child named in a contact received in the six months (children the front door has not yet matched to a record are left out).",
        [2] = "Early help assessments open at any time in the six months: started, completed and the organisation that completed them.",
        [3] = "Every referral (child in need episode) made in the six months.",
        [4] = "Every child and family assessment open at any time in the six months.",
        [5] = "Every section 47 enquiry started in the six months, with its initial child protection conference.",
        [6] = "Every child in need episode open at any time in the six months, with the child's case status on the inspection date.",
        [7] = "Every child protection plan open at any time in the six months.",
        [8] = "Every period of care open at any time in the six months.",
        [9] = "Every care leaver aged 17 to 21 on the inspection date with a care leaver record, one row each.",
        [10] = "Every child with a decision that they should be placed for adoption, still in progress at some time in the twelve months.",
        [11] = "Adopters: headings only, as the system holds no records of adopters.",
    };

    /// <summary>How many months before the inspection date each list covers.</summary>
    public static int MonthsCovered(int list) => list is 10 or 11 ? 12 : 6;

    /// <summary>The first and last day a list covers: the last day is the inspection date.</summary>
    public static (DateOnly From, DateOnly To) PeriodOf(int list, DateOnly inspectionDate) =>
        (inspectionDate.AddMonths(-MonthsCovered(list)).AddDays(1), inspectionDate);

    /// <summary>Whole years from the date of birth to the day; null for an unborn child.</summary>
    public static int? AgeOn(DateOnly? dateOfBirth, DateOnly day)
    {
        if (dateOfBirth is not { } born || born > day)
        {
            return null;
        }

        var age = day.Year - born.Year;
        return born.AddYears(age) > day ? age - 1 : age;
    }

    public async Task<AnnexAWorkbook> BuildAsync(DateOnly inspectionDate, CancellationToken cancellationToken = default)
    {
        var end = inspectionDate;
        var (from, _) = PeriodOf(1, end);
        var yearFrom = end.AddMonths(-12).AddDays(1);
        var sheets = new List<(int Number, List<Row> Rows)>();

        var contacts = await ContactsAsync(from, end, cancellationToken);
        var referrals = await db.CinEpisodes.AsNoTracking().Where(e => e.ReferralDate <= end && (e.ClosureDate == null || e.ClosureDate >= yearFrom)).ToListAsync(cancellationToken);
        var assessments = await db.Assessments.AsNoTracking().Where(a => a.StartDate <= end && (a.AuthorisationDate == null || a.AuthorisationDate >= from)).ToListAsync(cancellationToken);
        var enquiries = await db.Section47Enquiries.AsNoTracking().Where(s => s.StartDate >= yearFrom && s.StartDate <= end).ToListAsync(cancellationToken);
        // An enquiry's conference is held after it starts, so the twelve months hold every conference list 5 needs.
        var initialConferences = await db.ChildProtectionConferences.AsNoTracking().Where(c => c.Kind == ConferenceKind.Initial && c.HeldOn >= yearFrom && c.HeldOn <= end)
            .Select(c => new { c.Id, c.PersonId, c.HeldOn, c.Decision }).ToListAsync(cancellationToken);
        var plans = await db.ChildProtectionPlans.AsNoTracking().Where(p => p.StartDate <= end && (p.EndDate == null || p.EndDate >= from)).ToListAsync(cancellationToken);
        var planIds = plans.Select(p => p.Id).ToList();
        var reviewConferences = (await db.ChildProtectionConferences.AsNoTracking().Where(c => c.Kind == ConferenceKind.Review && c.PlanId != null && planIds.Contains(c.PlanId.Value) && c.HeldOn <= end)
            .Select(c => new { PlanId = c.PlanId!.Value, c.HeldOn }).ToListAsync(cancellationToken)).ToLookup(c => c.PlanId, c => c.HeldOn);
        var cinPlans = await db.CinPlans.AsNoTracking().Where(p => p.StartDate <= end && (p.EndDate == null || p.EndDate > end)).Select(p => p.EpisodeId).ToListAsync(cancellationToken);
        var carePeriods = await db.CarePeriods.AsNoTracking().Where(p => p.StartDate <= end && (p.EndDate == null || p.EndDate >= yearFrom)).ToListAsync(cancellationToken);
        var carePeriodIds = carePeriods.Select(p => p.Id).ToList();
        var careEpisodes = (await db.CareEpisodes.AsNoTracking().Where(e => carePeriodIds.Contains(e.CarePeriodId) && e.StartDate <= end).ToListAsync(cancellationToken))
            .ToLookup(e => e.CarePeriodId);
        var lookedAfterReviews = (await db.LookedAfterReviews.AsNoTracking().Where(r => carePeriodIds.Contains(r.CarePeriodId) && r.HeldOn <= end)
            .Select(r => new { r.CarePeriodId, r.HeldOn }).ToListAsync(cancellationToken)).ToLookup(r => r.CarePeriodId, r => r.HeldOn);
        var missing = await db.MissingEpisodes.AsNoTracking()
            .Where(m => m.StartedAt >= LondonTime.StartOfDay(yearFrom) && m.StartedAt <= LondonTime.EndOfDay(end)).ToListAsync(cancellationToken);
        // Records are kept for birthdays 17 to 21, so anyone 21 or under on the day had theirs in the last five years.
        var fiveYearsBefore = end.AddYears(-5);
        var careLeavers = await db.CareLeaverContacts.AsNoTracking().Where(c => c.Birthday <= end && c.Birthday > fiveYearsBefore).ToListAsync(cancellationToken);
        var adoptions = await db.AdoptionRecords.AsNoTracking().Where(a => a.DecisionDate <= end && (a.CeasedDate == null || a.CeasedDate >= yearFrom)).ToListAsync(cancellationToken);
        var adoptionPeriodIds = adoptions.Select(a => a.CarePeriodId).Distinct().ToList();
        var adoptionPeriods = await db.CarePeriods.AsNoTracking().Where(p => adoptionPeriodIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var earlyHelp = await db.EarlyHelpEpisodes.AsNoTracking()
            .Where(e => e.AssessmentStartDate != null && e.AssessmentStartDate <= end && (e.AssessmentCompletedDate == null || e.AssessmentCompletedDate >= from))
            .Select(e => new { e.Id, e.PersonId, StartDate = e.AssessmentStartDate!.Value, e.AssessmentCompletedDate, e.AssessingAgencyId })
            .ToListAsync(cancellationToken);
        var assessingAgencyIds = earlyHelp.Where(e => e.AssessingAgencyId != null).Select(e => e.AssessingAgencyId!.Value).Distinct().ToList();
        var agencyNames = await db.Agencies.AsNoTracking().Where(a => assessingAgencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);

        var everyone = contacts.Select(c => c.PersonId)
            .Concat(referrals.Select(r => r.PersonId)).Concat(assessments.Select(a => a.PersonId)).Concat(enquiries.Select(s => s.PersonId))
            .Concat(initialConferences.Select(c => c.PersonId)).Concat(plans.Select(p => p.PersonId)).Concat(carePeriods.Select(p => p.PersonId))
            .Concat(missing.Select(m => m.PersonId)).Concat(careLeavers.Select(c => c.PersonId)).Concat(adoptions.Select(a => a.PersonId))
            .Concat(earlyHelp.Select(e => e.PersonId));
        var survivors = await ReturnChildren.SurvivorsAsync(db, everyone, cancellationToken);
        var children = await ReturnChildren.ChildrenAsync(db, survivors.Values, cancellationToken);
        var allocations = await AllocationsAsync(end, cancellationToken);
        Guid Survivor(Guid personId) => survivors.GetValueOrDefault(personId, personId);
        ReturnChild Child(Guid personId) => children[Survivor(personId)];

        Row NewRow(int list, Guid personId)
        {
            var child = Child(personId);
            var row = new Row(list, child.LaChildId);
            row["Child Unique ID"] = child.LaChildId;
            row["Gender"] = AnnexASpec.Code(list, "Gender", child.Sex switch { PersonSex.Male => "M", PersonSex.Female => "F", _ => "U" });
            row["Ethnicity"] = AnnexASpec.Code(list, "Ethnicity", child.Ethnicity ?? "NOBT");
            row["Date of Birth"] = child.DateOfBirth;
            row["Age of Child (Years)"] = AgeOn(child.DateOfBirth, end);
            return row;
        }

        void Allocated(Row row, Guid personId)
        {
            if (allocations.TryGetValue(Survivor(personId), out var allocation))
            {
                row["Allocated Team"] = allocation.Team;
                row["Allocated Worker"] = allocation.Worker;
            }
        }

        string YesNo(bool value) => value ? "Yes" : "No";

        // List 1: one row per child named in a contact.
        sheets.Add((1, contacts.Select(c =>
        {
            var row = NewRow(1, c.PersonId);
            row.Sort = (c.ReceivedOn, c.ContactReference);
            row["Date of Contact"] = c.ReceivedOn;
            row["Contact Source"] = SourceCode(1, "Contact Source", c.Source);
            return row;
        }).ToList()));

        // List 2: early help assessments open at any time in the six months; a completion after the inspection date is not yet known.
        sheets.Add((2, earlyHelp.Select(e =>
        {
            var row = NewRow(2, e.PersonId);
            row.Sort = (e.StartDate, e.Id.ToString());
            row["Assessment start date"] = e.StartDate;
            row["Assessment completion date"] = e.AssessmentCompletedDate is { } completed && completed <= end ? completed : null;
            row["Organisation completing assessment"] = e.AssessingAgencyId is { } agency ? agencyNames.GetValueOrDefault(agency) : null;
            return row;
        }).ToList()));

        // List 3: referrals in the six months; the count is the child's referrals in the twelve months to the inspection date.
        var referralsInYear = referrals.Where(r => r.ReferralDate >= yearFrom).ToLookup(r => Survivor(r.PersonId));
        sheets.Add((3, referrals.Where(r => r.ReferralDate >= from).Select(r =>
        {
            var row = NewRow(3, r.PersonId);
            row.Sort = (r.ReferralDate, r.Id.ToString());
            row["Date of referral"] = r.ReferralDate;
            row["Referral Source"] = SourceCode(3, "Referral Source", r.ReferralSource);
            row["Referral NFA?"] = AnnexASpec.Code(3, "Referral NFA?", YesNo(r.NoFurtherAction));
            row["Number of Referrals in Last 12 Months"] = referralsInYear[Survivor(r.PersonId)].Count();
            Allocated(row, r.PersonId);
            return row;
        }).ToList()));

        // List 4: assessments open at any time in the six months.
        sheets.Add((4, assessments.Select(a =>
        {
            var row = NewRow(4, a.PersonId);
            row.Sort = (a.StartDate, a.Id.ToString());
            row["Continuous Assessment Start Date"] = a.StartDate;
            row["Child Seen During Continuous Assessment"] = AnnexASpec.Code(4, "Child Seen During Continuous Assessment", YesNo(a.FirstVisitOn is { } seen && seen <= end));
            row["Continuous Assessment Date of Authorisation"] = a.AuthorisationDate is { } authorised && authorised <= end ? authorised : null;
            row["Was the child assessed as requiring LA children's social care support?"] = a.AuthorisationDate is { } done && done <= end && a.Outcome is { } outcome
                ? AnnexASpec.Code(4, "Was the child assessed as requiring LA children's social care support?",
                    YesNo(outcome is AssessmentOutcome.ChildInNeedPlan or AssessmentOutcome.StrategyDiscussion or AssessmentOutcome.LookedAfter))
                : null;
            Allocated(row, a.PersonId);
            return row;
        }).ToList()));

        // List 5: section 47 enquiries started in the six months; the counts are the child's in the twelve months.
        var conferenceById = initialConferences.ToDictionary(c => c.Id);
        var enquiriesInYear = enquiries.ToLookup(s => Survivor(s.PersonId));
        var conferencesInYear = initialConferences.Where(c => c.HeldOn >= yearFrom).ToLookup(c => Survivor(c.PersonId));
        sheets.Add((5, enquiries.Where(s => s.StartDate >= from).Select(s =>
        {
            var row = NewRow(5, s.PersonId);
            row.Sort = (s.StartDate, s.Id.ToString());
            var conference = s.InitialConferenceId is { } id && conferenceById.TryGetValue(id, out var held) ? held : null;
            row["Strategy discussion initiating Section 47 Enquiry Start Date"] = s.StartDate;
            row["Was an Initial Child Protection Conference deemed unnecessary?"] = AnnexASpec.Code(5, "Was an Initial Child Protection Conference deemed unnecessary?", YesNo(s.ConferenceNotRequired));
            row["Date of Initial Child Protection Conference"] = conference?.HeldOn;
            row["Did the Initial Child Protection Conference Result in a Child Protection Plan"] = conference is null
                ? null
                : AnnexASpec.Code(5, "Did the Initial Child Protection Conference Result in a Child Protection Plan", YesNo(conference.Decision == ConferenceDecision.PlanStarted));
            row["Number of Section 47 Enquiries in the last 12 months"] = enquiriesInYear[Survivor(s.PersonId)].Count();
            row["Number of ICPCs in the last 12 months"] = conferencesInYear[Survivor(s.PersonId)].Count();
            Allocated(row, s.PersonId);
            return row;
        }).ToList()));

        // List 6: child in need episodes open at any time in the six months; case status on the inspection date.
        var openCinPlans = cinPlans.ToHashSet();
        var activePlanChildren = plans.Where(p => p.EndDate is null || p.EndDate > end).Select(p => Survivor(p.PersonId)).ToHashSet();
        var lookedAfterChildren = carePeriods.Where(p => p.EndDate is null || p.EndDate > end).Select(p => Survivor(p.PersonId)).ToHashSet();
        var assessmentsByEpisode = assessments.ToLookup(a => a.EpisodeId);
        sheets.Add((6, referrals.Where(e => e.ClosureDate is null || e.ClosureDate >= from).Select(e =>
        {
            var row = NewRow(6, e.PersonId);
            row.Sort = (e.ReferralDate, e.Id.ToString());
            var closed = e.ClosureDate is { } c && c <= end;
            row["Does the Child have a Disability"] = null;
            row["CIN Start Date"] = e.ReferralDate;
            row["Primary Need Code"] = AnnexASpec.Code(6, "Primary Need Code", e.PrimaryNeed ?? "N0");
            row["Date Child Was Last Seen"] = assessmentsByEpisode[e.Id].Select(a => a.FirstVisitOn).Where(d => d <= end).Max();
            row["CIN Closure Date"] = closed ? e.ClosureDate : null;
            row["Reason for Closure"] = closed ? AnnexASpec.Code(6, "Reason for Closure", e.ClosureReason) : null;
            row["Case Status"] = closed ? "e) Closed episode"
                : lookedAfterChildren.Contains(Survivor(e.PersonId)) ? "a) Looked after child"
                : activePlanChildren.Contains(Survivor(e.PersonId)) ? "b) Child Protection plan"
                : openCinPlans.Contains(e.Id) ? "c) Child in need plan"
                : assessmentsByEpisode[e.Id].Any(a => a.AuthorisationDate is null || a.AuthorisationDate > end) ? "d) Open assessment"
                // An open episode with no plan or assessment under way is still a child in need case.
                : "c) Child in need plan";
            Allocated(row, e.PersonId);
            return row;
        }).ToList()));

        // List 7: child protection plans open at any time in the six months.
        sheets.Add((7, plans.Select(p =>
        {
            var row = NewRow(7, p.PersonId);
            row.Sort = (p.StartDate, p.Id.ToString());
            row["Child Protection Plan Start Date"] = p.StartDate;
            row["Initial Category of Abuse"] = AnnexASpec.Code(7, "Initial Category of Abuse", p.InitialCategory);
            row["Latest Category of Abuse"] = AnnexASpec.Code(7, "Latest Category of Abuse", p.LatestCategory);
            row["Date of latest review conference"] = reviewConferences[p.Id].Any() ? reviewConferences[p.Id].Max() : null;
            row["Child Protection Plan End Date"] = p.EndDate is { } ended && ended <= end ? ended : null;
            row["Number of Previous Child Protection Plans"] = p.PreviousPlans;
            Allocated(row, p.PersonId);
            return row;
        }).ToList()));

        // List 8: periods of care open at any time in the six months.
        var missingByChild = missing.ToLookup(m => Survivor(m.PersonId));
        var periodsByChild = carePeriods.ToLookup(p => Survivor(p.PersonId));
        sheets.Add((8, carePeriods.Where(p => p.EndDate is null || p.EndDate >= from).Select(p =>
        {
            var row = NewRow(8, p.PersonId);
            row.Sort = (p.StartDate, p.Id.ToString());
            var episodes = careEpisodes[p.Id].OrderBy(e => e.StartDate).ThenBy(e => e.EndDate ?? DateOnly.MaxValue).ToList();
            var latest = episodes.LastOrDefault();
            var ceased = p.EndDate is { } c && c <= end;
            row["Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)"] =
                AnnexASpec.Code(8, "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)", YesNo(p.IsUnaccompaniedAsylumSeeker && (p.UnaccompaniedCeasedOn is null || p.UnaccompaniedCeasedOn >= yearFrom)));
            row["Date Started to be Looked After"] = p.StartDate;
            row["Child's Category of Need"] = AnnexASpec.Code(8, "Child's Category of Need", latest?.CategoryOfNeed);
            row["Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)"] =
                AnnexASpec.Code(8, "Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)",
                    YesNo(periodsByChild[Survivor(p.PersonId)].Any(o => o.Id != p.Id && o.StartDate < p.StartDate && (o.EndDate is null || o.EndDate >= yearFrom))));
            row["Start date of current legal status"] = latest is null ? null : StartOfRun(episodes, (earlier, _) => earlier.LegalStatus == latest.LegalStatus);
            row["Child's Legal Status"] = AnnexASpec.Code(8, "Child's Legal Status", latest?.LegalStatus);
            row["Date of Latest Statutory Review"] = lookedAfterReviews[p.Id].Any() ? lookedAfterReviews[p.Id].Max() : null;
            // Placements lived in during the twelve months: the one at the start of the window, then each move
            // (a new episode for a legal status change alone is the same placement).
            var inWindow = episodes.Where(e => e.EndDate is null || e.EndDate >= yearFrom).ToList();
            row["Number of Placements in the Last 12 months"] = inWindow.Count(e => e == inWindow[0] || e.ReasonNewEpisode != "L");
            row["Date Ceased to be Looked After"] = ceased ? p.EndDate : null;
            row["Reason Ceased to be Looked After"] = ceased ? AnnexASpec.Code(8, "Reason Ceased to be Looked After", p.EndReason) : null;
            // An episode begun for a change of legal status alone (L) keeps the placement of the one before.
            row["Start Date of Most Recent Placement"] = latest is null ? null : StartOfRun(episodes, (_, later) => later.ReasonNewEpisode == "L");
            row["Placement Type"] = AnnexASpec.Code(8, "Placement Type", latest?.PlacementType);
            row["Placement Provider"] = AnnexASpec.Code(8, "Placement Provider", latest?.PlacementProvider);
            row["Placement postcode"] = latest?.PlacementPostcode;
            row["URN of Placement"] = latest?.Urn;
            var childMissing = missingByChild[Survivor(p.PersonId)].ToList();
            row["Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months"] = childMissing.Count(m => m.Kind == MissingKind.Missing);
            row["Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months"] = childMissing.Count(m => m.Kind == MissingKind.Away);
            if (childMissing.Where(m => m.Kind == MissingKind.Missing).OrderBy(m => m.StartedAt).LastOrDefault() is { } last)
            {
                row["Was the child offered a Return Interview after their last missing episode (Y/N)?"] =
                    AnnexASpec.Code(8, "Was the child offered a Return Interview after their last missing episode (Y/N)?", YesNo(last.InterviewOfferedAt is not null));
                row["Did the child accept a Return Interview after their last missing episode (Y/N)?"] = last.InterviewAccepted is { } accepted
                    ? AnnexASpec.Code(8, "Did the child accept a Return Interview after their last missing episode (Y/N)?", YesNo(accepted))
                    : null;
            }

            Allocated(row, p.PersonId);
            return row;
        }).ToList()));

        // List 9: care leavers aged 17 to 21 on the inspection date, from their latest care leaver record.
        var everUasc = carePeriods.Where(p => p.IsUnaccompaniedAsylumSeeker).Select(p => Survivor(p.PersonId)).ToHashSet();
        sheets.Add((9, careLeavers.GroupBy(c => Survivor(c.PersonId))
            .Where(g => AgeOn(children[g.Key].DateOfBirth, end) is >= 17 and <= 21)
            .Select(g =>
            {
                var latest = g.OrderBy(c => c.Birthday).ThenBy(c => c.RecordedAt).Last();
                var row = NewRow(9, g.Key);
                row.Sort = (children[g.Key].DateOfBirth ?? DateOnly.MinValue, children[g.Key].LaChildId);
                row["Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)"] =
                    AnnexASpec.Code(9, "Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)", YesNo(everUasc.Contains(g.Key)));
                row["LA in Touch"] = AnnexASpec.Code(9, "LA in Touch", latest.InTouch);
                // ACCOM is the type's letter then 1 (suitable) or 2 (not suitable); 0 means not known.
                row["Type of Accommodation"] = latest.Accommodation.Length > 0 && latest.Accommodation != "0" ? AnnexASpec.Code(9, "Type of Accommodation", latest.Accommodation[..1]) : null;
                row["Suitability of Accommodation"] = AnnexASpec.Code(9, "Suitability of Accommodation", latest.Accommodation.Length > 1 ? latest.Accommodation[1..] : "0");
                row["Activity Status"] = AnnexASpec.Code(9, "Activity Status", latest.Activity);
                Allocated(row, g.Key);
                return row;
            }).ToList()));

        // List 10: adoption decisions still in progress at some time in the twelve months.
        sheets.Add((10, adoptions.Select(a =>
        {
            var period = adoptionPeriods[a.CarePeriodId];
            var adopted = period.EndDate is { } ended && ended <= end && LookedAfterCodes.Adopted.Contains(period.EndReason ?? "") ? ended : (DateOnly?)null;
            return (a, period, adopted);
        }).Where(x => x.adopted is null || x.adopted >= yearFrom).Select(x =>
        {
            var (a, period, adopted) = x;
            var row = NewRow(10, a.PersonId);
            row.Sort = (a.DecisionDate, a.Id.ToString());
            var ceased = a.CeasedDate is { } c && c <= end;
            row["Date the Child Entered Care"] = period.StartDate;
            row["Date of Decision that Child Should be Placed for Adoption"] = a.DecisionDate;
            row["Date of Placement Order"] = a.PlacementOrderDate <= end ? a.PlacementOrderDate : null;
            row["Date of Matching Child and Prospective Adopters"] = a.MatchDate <= end ? a.MatchDate : null;
            row["Date Placed for Adoption"] = a.PlacedDate <= end ? a.PlacedDate : null;
            row["Date of Adoption Order"] = adopted;
            row["Date of Decision that Child Should No Longer be Placed for Adoption"] = ceased ? a.CeasedDate : null;
            row["Reason Why Child No Longer Placed for Adoption"] = ceased ? AnnexASpec.Code(10, "Reason Why Child No Longer Placed for Adoption", a.CeasedReason) : null;
            return row;
        }).ToList()));

        sheets.Add((11, []));

        var book = new XlsxWorkbook();
        var lists = new List<AnnexAList>();
        foreach (var (number, rows) in sheets)
        {
            var columns = AnnexASpec.Columns(number);
            var sheet = book.AddSheet(SheetNames[number], columns.Select(c => new XlsxColumn(c.Heading, c.Kind switch
            {
                AnnexAColumnKind.Date => XlsxColumnType.Date,
                AnnexAColumnKind.Number => XlsxColumnType.Integer,
                _ => XlsxColumnType.Text,
            }, Math.Clamp(c.Heading.Length + 2, 12, 40))).ToArray());
            foreach (var row in rows.OrderBy(r => r.Sort.Date).ThenBy(r => r.ChildId, StringComparer.Ordinal).ThenBy(r => r.Sort.Tiebreak, StringComparer.Ordinal))
            {
                sheet.AddRow(columns.Select(c => row.Value(c.Heading)).ToArray());
            }

            var (listFrom, listTo) = PeriodOf(number, end);
            lists.Add(new AnnexAList(number, sheet.Name, listFrom, listTo, rows.Count));
        }

        return new AnnexAWorkbook(inspectionDate, book, lists);
    }

    /// <summary>
    /// The Annex A source for a CIN census referral source. The specification has no spelling for 5D
    /// (LA services – early help), which is one of the local authority's services, so it is reported as 5A's.
    /// </summary>
    private static string? SourceCode(int list, string heading, string? code) =>
        AnnexASpec.Code(list, heading, code == "5D" ? "5A" : code);

    /// <summary>The first day of the run of episodes ending with the latest, stepping back while an episode continues into the next (<paramref name="continues"/>(earlier, later)).</summary>
    private static DateOnly StartOfRun(List<CareEpisode> episodes, Func<CareEpisode, CareEpisode, bool> continues)
    {
        var i = episodes.Count - 1;
        while (i > 0 && continues(episodes[i - 1], episodes[i]))
        {
            i--;
        }

        return episodes[i].StartDate;
    }

    private sealed record ContactRow(Guid PersonId, DateOnly ReceivedOn, string ContactReference, string? Source);

    /// <summary>
    /// Children named in contacts received in the period and matched to a record. The source is the
    /// referral source the front door's current decision gave, else the referrer's kind of agency.
    /// </summary>
    private async Task<List<ContactRow>> ContactsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var fromInstant = LondonTime.StartOfDay(from);
        var toInstant = LondonTime.EndOfDay(to);
        var contacts = await db.Contacts.AsNoTracking().Where(c => c.ReceivedAt >= fromInstant && c.ReceivedAt <= toInstant)
            .Select(c => new { c.Id, c.Reference, c.ReceivedAt, c.ReferrerAgencyId }).ToListAsync(cancellationToken);
        var ids = contacts.Select(c => c.Id).ToList();
        var children = (await db.ContactChildren.AsNoTracking().Where(c => ids.Contains(c.ContactId) && c.PersonId != null)
            .Select(c => new { c.ContactId, PersonId = c.PersonId!.Value }).ToListAsync(cancellationToken)).ToLookup(c => c.ContactId, c => c.PersonId);
        var decided = await db.ContactDecisions.AsNoTracking().Where(d => ids.Contains(d.ContactId) && d.SupersededAt == null && d.ReferralSourceCode != null)
            .Select(d => new { d.ContactId, d.ReferralSourceCode }).ToListAsync(cancellationToken);
        var sources = decided.GroupBy(d => d.ContactId).ToDictionary(g => g.Key, g => g.First().ReferralSourceCode);
        var agencyIds = contacts.Where(c => c.ReferrerAgencyId != null).Select(c => c.ReferrerAgencyId!.Value).Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Type, cancellationToken);
        return contacts.SelectMany(c => children[c.Id].Distinct().Select(personId => new ContactRow(
            personId,
            LondonTime.DateOf(c.ReceivedAt),
            c.Reference,
            sources.GetValueOrDefault(c.Id) ?? SourceOf(c.ReferrerAgencyId is { } agency && agencies.TryGetValue(agency, out var type) ? type : null)))).ToList();
    }

    /// <summary>The CIN census referral source for a referrer's kind of agency; "10" (unknown) when they gave none.</summary>
    private static string SourceOf(AgencyType? type) => type switch
    {
        AgencyType.Police => "6",
        AgencyType.Health => "3F",
        AgencyType.School => "2A",
        AgencyType.Housing => "4",
        AgencyType.Probation => "7",
        AgencyType.Voluntary => "8",
        AgencyType.LocalAuthority or AgencyType.ChildrensTrust => "5B",
        _ => "10",
    };

    private sealed record Allocation(string? Team, string Worker);

    /// <summary>Each child's social worker on the inspection date (the latest allocation open that day) and the team of the post they held.</summary>
    private async Task<Dictionary<Guid, Allocation>> AllocationsAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var open = await db.CaseAllocations.AsNoTracking().Where(a => a.StartDate <= day && (a.EndDate == null || a.EndDate > day))
            .Select(a => new { a.PersonId, a.WorkerUserId, a.StartDate, a.RecordedAt }).ToListAsync(cancellationToken);
        var mergedInto = await ReturnChildren.SurvivorsAsync(db, open.Select(a => a.PersonId), cancellationToken);
        var workers = open.Select(a => a.WorkerUserId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => workers.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var teams = (await db.PostHoldings.AsNoTracking().Where(h => workers.Contains(h.UserId) && h.StartDate <= day && (h.EndDate == null || h.EndDate > day))
            .Join(db.WorkforcePosts.AsNoTracking(), h => h.PostId, p => p.Id, (h, p) => new { h.UserId, h.StartDate, p.Team })
            .ToListAsync(cancellationToken)).GroupBy(h => h.UserId).ToDictionary(g => g.Key, g => g.OrderBy(h => h.StartDate).Last().Team);
        return open.GroupBy(a => mergedInto[a.PersonId])
            .ToDictionary(g => g.Key, g =>
            {
                var latest = g.OrderBy(a => a.StartDate).ThenBy(a => a.RecordedAt).Last();
                return new Allocation(teams.GetValueOrDefault(latest.WorkerUserId), names.GetValueOrDefault(latest.WorkerUserId) ?? "");
            });
    }

    /// <summary>A row being built: values by the specification's heading, so a misspelt heading fails at once.</summary>
    private sealed class Row(int list, string childId)
    {
        private readonly Dictionary<string, object?> values = new(StringComparer.Ordinal);

        public string ChildId { get; } = childId;

        public (DateOnly Date, string Tiebreak) Sort { get; set; }

        public object? this[string heading]
        {
            set
            {
                if (!AnnexASpec.Columns(list).Any(c => c.Heading == heading))
                {
                    throw new InvalidOperationException($"List {list} of the Annex A specification has no column '{heading}'.");
                }

                values[heading] = value;
            }
        }

        public object? Value(string heading) => values.GetValueOrDefault(heading);
    }
}
