using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Core.Workforce;

namespace Safeguarding.Core.Performance;

public sealed record ContactRow(Guid Id, DateTimeOffset ReceivedAt, DateOnly ReceivedOn, DateTimeOffset? FirstDecidedAt, DateOnly? DecidedOn, bool IsReferral);

public sealed record ReferralRow(Guid Id, Guid ChildId, DateOnly ReferralDate, DateOnly? ClosureDate);

public sealed record AssessmentRow(Guid Id, Guid ChildId, DateOnly ReferralDate, DateOnly AuthorisationDate);

public sealed record EnquiryRow(Guid Id, Guid ChildId, DateOnly StartDate);

public sealed record InitialConferenceRow(Guid Id, Guid ChildId, DateOnly HeldOn, DateOnly? StrategyDiscussionOn);

public sealed record PlanRow(Guid Id, Guid ChildId, DateOnly StartDate, DateOnly? EndDate);

/// <summary>A period of care with what the looked-after indicators need: the child's birth date, how it ended, when an adopted child moved in.</summary>
public sealed record CarePeriodRow(Guid Id, Guid ChildId, DateOnly? DateOfBirth, DateOnly StartDate, DateOnly? EndDate, string? EndReason, DateOnly? PlacedForAdoptionOn);

/// <summary>An SSDA903 episode: when it started, why (reason for new episode) and the placement type.</summary>
public sealed record CareEpisodeRow(Guid PeriodId, DateOnly StartDate, string ReasonNewEpisode, string PlacementType);

public sealed record ReviewRow(Guid Id, Guid PeriodId, Guid ChildId, DateOnly HeldOn);

public sealed record CareLeaverRow(Guid Id, Guid ChildId, int Age, DateOnly Birthday, string Activity, string Accommodation);

public sealed record PostRow(Guid Id, WorkforceRole Role, DateOnly EstablishedOn, DateOnly? DeletedOn);

/// <summary>Who held a post: in it from the start date until the day before the end date.</summary>
public sealed record HoldingRow(Guid PostId, Guid UserId, Employment Employment, DateOnly StartDate, DateOnly? EndDate);

public sealed record SupervisionRow(Guid WorkerUserId, DateOnly HeldOn);

/// <summary>A child allocated to a worker: on their caseload from the start date until the day before the end date.</summary>
public sealed record AllocationRow(Guid ChildId, Guid WorkerUserId, DateOnly StartDate, DateOnly? EndDate);

/// <summary>
/// The few columns of the pathway the indicators read, for the months a pack covers plus the look-backs
/// the definitions need (12 months for re-referrals and rolling periods, two years for repeat plans).
/// Read once per pack without tracking, so every figure and every drill-down list comes from the same rows.
/// Children are identified by their surviving record, so a merged duplicate is one child.
/// </summary>
public sealed class PerformanceData
{
    public required DateOnly FirstMonth { get; init; }
    public required DateOnly LastMonth { get; init; }
    public required WorkingDayCalendar Calendar { get; init; }
    /// <summary>Contacts in the order received; the lists below are in date order too (put in it if given otherwise).</summary>
    public required IReadOnlyList<ContactRow> Contacts { get; init => field = InDateOrder(value, c => c.ReceivedOn); }
    public required IReadOnlyList<ReferralRow> Referrals { get; init => field = InDateOrder(value, r => r.ReferralDate); }
    public required IReadOnlyList<AssessmentRow> Assessments { get; init => field = InDateOrder(value, a => a.AuthorisationDate); }
    public required IReadOnlyList<EnquiryRow> Enquiries { get; init => field = InDateOrder(value, s => s.StartDate); }
    public required IReadOnlyList<InitialConferenceRow> InitialConferences { get; init => field = InDateOrder(value, c => c.HeldOn); }
    public required IReadOnlyList<PlanRow> Plans { get; init => field = InDateOrder(value, p => p.StartDate); }

    /// <summary>Periods of care open at some time since the first month's three-year look-back (A1), in start order.</summary>
    public IReadOnlyList<CarePeriodRow> CarePeriods { get; init; } = [];

    /// <summary>The episodes of <see cref="CarePeriods"/>, in start order.</summary>
    public IReadOnlyList<CareEpisodeRow> CareEpisodes { get; init; } = [];

    /// <summary>Every review of <see cref="CarePeriods"/> (earlier reviews set when a later one was due).</summary>
    public IReadOnlyList<ReviewRow> Reviews { get; init; } = [];

    public IReadOnlyList<CareLeaverRow> CareLeavers { get; init => field = InDateOrder(value, c => c.Birthday); } = [];

    /// <summary>Every post of the establishment, with every holding (a few hundred posts; their history is small).</summary>
    public IReadOnlyList<PostRow> Posts { get; init; } = [];

    public IReadOnlyList<HoldingRow> Holdings { get; init; } = [];

    /// <summary>Supervisions from the first month to the last.</summary>
    public IReadOnlyList<SupervisionRow> Supervisions { get; init; } = [];

    /// <summary>Allocations open at some time from the first month to the last.</summary>
    public IReadOnlyList<AllocationRow> Allocations { get; init; } = [];

    // Built on first use; the pack works out its indicators side by side, so each is built once for all of them.
    internal ILookup<Guid, CareEpisodeRow> EpisodesByPeriod =>
        LazyInitializer.EnsureInitialized(ref episodesByPeriod, () => CareEpisodes.OrderBy(e => e.StartDate).ToLookup(e => e.PeriodId));

    internal ILookup<Guid, ReviewRow> ReviewsByPeriod =>
        LazyInitializer.EnsureInitialized(ref reviewsByPeriod, () => Reviews.OrderBy(r => r.HeldOn).ThenBy(r => r.Id).ToLookup(r => r.PeriodId));

    internal ILookup<Guid, CarePeriodRow> CarePeriodsByChild => LazyInitializer.EnsureInitialized(ref carePeriodsByChild, () => CarePeriods.ToLookup(p => p.ChildId));

    /// <summary>Referrals of each child in date order (for re-referrals).</summary>
    internal ILookup<Guid, ReferralRow> ReferralsByChild =>
        LazyInitializer.EnsureInitialized(ref referralsByChild, () => Referrals.OrderBy(r => r.ReferralDate).ToLookup(r => r.ChildId));

    /// <summary>Each referral's previous referral of the same child (null for a first).</summary>
    internal IReadOnlyDictionary<Guid, ReferralRow?> PreviousReferrals => LazyInitializer.EnsureInitialized(ref previousReferrals, BuildPrevious);

    internal ILookup<Guid, PlanRow> PlansByChild => LazyInitializer.EnsureInitialized(ref plansByChild, () => Plans.OrderBy(p => p.StartDate).ToLookup(p => p.ChildId));

    private ILookup<Guid, ReferralRow>? referralsByChild;
    private ILookup<Guid, PlanRow>? plansByChild;
    private ILookup<Guid, CareEpisodeRow>? episodesByPeriod;
    private ILookup<Guid, ReviewRow>? reviewsByPeriod;
    private ILookup<Guid, CarePeriodRow>? carePeriodsByChild;
    private Dictionary<Guid, ReferralRow?>? previousReferrals;

    private static IReadOnlyList<T> InDateOrder<T>(IReadOnlyList<T> rows, Func<T, DateOnly> date)
    {
        for (var i = 1; i < rows.Count; i++)
        {
            if (date(rows[i]) < date(rows[i - 1]))
            {
                return [.. rows.OrderBy(date)];
            }
        }

        return rows;
    }

    /// <summary>
    /// The rows of a list in date order whose date falls from <paramref name="from"/> to <paramref name="to"/>: found by
    /// halving rather than by reading every row, since each of 24 months asks for its own few.
    /// </summary>
    internal static IEnumerable<T> Between<T>(IReadOnlyList<T> ordered, Func<T, DateOnly> date, DateOnly from, DateOnly to)
    {
        var (low, high) = (0, ordered.Count);
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            (low, high) = date(ordered[middle]) < from ? (middle + 1, high) : (low, middle);
        }

        for (var i = low; i < ordered.Count && date(ordered[i]) <= to; i++)
        {
            yield return ordered[i];
        }
    }

    private Dictionary<Guid, ReferralRow?> BuildPrevious()
    {
        var previous = new Dictionary<Guid, ReferralRow?>(Referrals.Count);
        foreach (var child in ReferralsByChild)
        {
            ReferralRow? before = null;
            foreach (var referral in child)
            {
                previous[referral.Id] = before;
                before = referral;
            }
        }

        return previous;
    }

    /// <summary>Reads what the indicators need for the months from <paramref name="firstMonth"/> to <paramref name="lastMonth"/>.</summary>
    public static async Task<PerformanceData> LoadAsync(SafeguardingDbContext db, Guid partnershipId, DateOnly firstMonth, DateOnly lastMonth,
        WorkingDayCalendar calendar, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var window = new Window(PerformanceMonths.StartOf(firstMonth), PerformanceMonths.StartOf(lastMonth));
        var survivors = await SurvivorsAsync(db, partnershipId, cancellationToken);
        Guid Child(Guid id) => survivors.TryGetValue(id, out var survivor) ? survivor : id;

        // Two halves of the reads on two connections at once, each on its own thread (SQLite's provider reads
        // synchronously even when asked to read asynchronously): turning rows into objects is most of the work.
        await using var sibling = db.Sibling();
        var childrenInNeed = Task.Run(() => ReadChildrenInNeedAsync(db, partnershipId, window, Child, cancellationToken), cancellationToken);
        var others = Task.Run(() => ReadOthersAsync(sibling, partnershipId, window, Child, cancellationToken), cancellationToken);
        await Task.WhenAll(childrenInNeed, others);
        var (referrals, assessments, enquiries, conferences, plans) = childrenInNeed.Result;
        var (contacts, lookedAfter, workforce) = others.Result;

        return new PerformanceData
        {
            FirstMonth = window.FirstMonth,
            LastMonth = window.LastMonth,
            Calendar = calendar,
            Contacts = contacts,
            Referrals = referrals,
            Assessments = assessments,
            Enquiries = enquiries,
            InitialConferences = conferences,
            Plans = plans,
            CarePeriods = lookedAfter.Periods,
            CareEpisodes = lookedAfter.Episodes,
            Reviews = lookedAfter.Reviews,
            CareLeavers = lookedAfter.Leavers,
            Posts = workforce.Posts,
            Holdings = workforce.Holdings,
            Supervisions = workforce.Supervisions,
            Allocations = workforce.Allocations,
        };
    }

    /// <summary>The months read and the look-backs the definitions need before them.</summary>
    private sealed record Window(DateOnly FirstMonth, DateOnly LastMonth)
    {
        public DateOnly End { get; } = PerformanceMonths.EndOf(LastMonth);

        // Rolling 12-month figures for the first month reach back 11 months; re-referrals 12 more.
        public DateOnly RollingFrom { get; } = FirstMonth.AddMonths(-11);

        public DateOnly LookBackFrom => RollingFrom.AddMonths(-12);

        public DateOnly PlanLookBackFrom => RollingFrom.AddYears(-ChildProtectionPlanHistory.RepeatWithinYears);

        // Looked-after children are a few thousand periods in ten years: every period open since A1's three-year look-back.
        public DateOnly CareFrom => RollingFrom.AddYears(-3);
    }

    private sealed record LookedAfterReads(List<CarePeriodRow> Periods, List<CareEpisodeRow> Episodes, List<ReviewRow> Reviews, List<CareLeaverRow> Leavers);

    private sealed record WorkforceReads(List<PostRow> Posts, List<HoldingRow> Holdings, List<SupervisionRow> Supervisions, List<AllocationRow> Allocations);

    private static async Task<(List<ReferralRow>, List<AssessmentRow>, List<EnquiryRow>, List<InitialConferenceRow>, List<PlanRow>)> ReadChildrenInNeedAsync(
        SafeguardingDbContext db, Guid partnershipId, Window w, Func<Guid, Guid> child, CancellationToken cancellationToken)
    {
        // Three index-friendly reads rather than one OR (which SQLite answers by walking ten years of episodes):
        // referred in the window and its look-back; referred before it and still open; referred before it and closed in it.
        var episodes = db.CinEpisodes.AsNoTracking().Where(e => e.PartnershipId == partnershipId);
        var referrals = await episodes.Where(e => e.ReferralDate >= w.LookBackFrom && e.ReferralDate <= w.End)
            .Select(e => new { e.Id, e.PersonId, e.ReferralDate, e.ClosureDate }).ToListAsync(cancellationToken);
        referrals.AddRange(await episodes.Where(e => e.ClosureDate == null && e.ReferralDate < w.LookBackFrom)
            .Select(e => new { e.Id, e.PersonId, e.ReferralDate, e.ClosureDate }).ToListAsync(cancellationToken));
        referrals.AddRange(await episodes.Where(e => e.ClosureDate >= w.RollingFrom && e.ReferralDate < w.LookBackFrom)
            .Select(e => new { e.Id, e.PersonId, e.ReferralDate, e.ClosureDate }).ToListAsync(cancellationToken));

        // No join for the referral date: the episode of an assessment authorised in the window was open in it, so it is among
        // the referrals read above; the rare exception (closed before its assessment was authorised) is read by id.
        var assessments = await db.Assessments.AsNoTracking()
            .Where(a => a.PartnershipId == partnershipId && a.AuthorisationDate >= w.RollingFrom && a.AuthorisationDate <= w.End)
            .Select(a => new { a.Id, a.PersonId, a.EpisodeId, AuthorisationDate = a.AuthorisationDate!.Value })
            .ToListAsync(cancellationToken);
        var referralDates = referrals.ToDictionary(r => r.Id, r => r.ReferralDate);
        var missing = assessments.Select(a => a.EpisodeId).Where(id => !referralDates.ContainsKey(id)).Distinct().ToList();
        foreach (var chunk in missing.Chunk(500))
        {
            foreach (var episode in await episodes.Where(e => chunk.Contains(e.Id)).Select(e => new { e.Id, e.ReferralDate }).ToListAsync(cancellationToken))
            {
                referralDates[episode.Id] = episode.ReferralDate;
            }
        }

        var enquiries = await db.Section47Enquiries.AsNoTracking()
            .Where(s => s.PartnershipId == partnershipId && s.StartDate >= w.RollingFrom && s.StartDate <= w.End)
            .Select(s => new { s.Id, s.PersonId, s.StartDate })
            .ToListAsync(cancellationToken);

        var conferences = await (
            from c in db.ChildProtectionConferences.AsNoTracking()
            join s in db.Section47Enquiries.AsNoTracking() on c.Section47EnquiryId equals s.Id into enquiry
            from s in enquiry.DefaultIfEmpty()
            join d in db.StrategyDiscussions.AsNoTracking() on s.StrategyDiscussionId equals d.Id into discussion
            from d in discussion.DefaultIfEmpty()
            where c.PartnershipId == partnershipId && c.Kind == ConferenceKind.Initial && c.HeldOn >= w.RollingFrom && c.HeldOn <= w.End
            select new { c.Id, c.PersonId, c.HeldOn, StrategyOn = (DateOnly?)d.HeldOn })
            .ToListAsync(cancellationToken);

        var plans = await db.ChildProtectionPlans.AsNoTracking()
            .Where(p => p.PartnershipId == partnershipId && p.StartDate <= w.End && (p.EndDate == null || p.EndDate >= w.PlanLookBackFrom))
            .Select(p => new { p.Id, p.PersonId, p.StartDate, p.EndDate })
            .ToListAsync(cancellationToken);

        return (
            [.. referrals.Select(e => new ReferralRow(e.Id, child(e.PersonId), e.ReferralDate, e.ClosureDate)).OrderBy(r => r.ReferralDate).ThenBy(r => r.Id)],
            [.. assessments.Select(a => new AssessmentRow(a.Id, child(a.PersonId), referralDates[a.EpisodeId], a.AuthorisationDate)).OrderBy(a => a.AuthorisationDate).ThenBy(a => a.Id)],
            [.. enquiries.Select(s => new EnquiryRow(s.Id, child(s.PersonId), s.StartDate)).OrderBy(s => s.StartDate).ThenBy(s => s.Id)],
            [.. conferences.Select(c => new InitialConferenceRow(c.Id, child(c.PersonId), c.HeldOn, c.StrategyOn)).OrderBy(c => c.HeldOn).ThenBy(c => c.Id)],
            [.. plans.Select(p => new PlanRow(p.Id, child(p.PersonId), p.StartDate, p.EndDate)).OrderBy(p => p.StartDate).ThenBy(p => p.Id)]);
    }

    private static async Task<(List<ContactRow>, LookedAfterReads, WorkforceReads)> ReadOthersAsync(
        SafeguardingDbContext db, Guid partnershipId, Window w, Func<Guid, Guid> child, CancellationToken cancellationToken)
    {
        // Contact figures are monthly, never rolling; decisions can come a few days after receipt, so a month's margin is ample.
        var contactsFrom = LondonTime.StartOfDay(w.FirstMonth.AddMonths(-1));
        var contactsTo = LondonTime.EndOfDay(w.End);
        var contacts = await db.Contacts.AsNoTracking()
            .Where(c => c.PartnershipId == partnershipId && c.ReceivedAt >= contactsFrom && c.ReceivedAt < contactsTo)
            .Select(c => new { c.Id, c.ReceivedAt, c.FirstDecidedAt, c.IsReferral })
            .ToListAsync(cancellationToken);

        var periods = await (
            from p in db.CarePeriods.AsNoTracking()
            join person in db.People.AsNoTracking() on p.PersonId equals person.Id
            join a in db.AdoptionRecords.AsNoTracking() on p.Id equals a.CarePeriodId into adoption
            from a in adoption.DefaultIfEmpty()
            where p.PartnershipId == partnershipId && p.StartDate <= w.End && (p.EndDate == null || p.EndDate >= w.CareFrom)
            select new { p.Id, p.PersonId, person.DateOfBirth, p.StartDate, p.EndDate, p.EndReason, PlacedOn = (DateOnly?)a.PlacedDate })
            .ToListAsync(cancellationToken);
        var careEpisodes = await (
            from e in db.CareEpisodes.AsNoTracking()
            join p in db.CarePeriods.AsNoTracking() on e.CarePeriodId equals p.Id
            where p.PartnershipId == partnershipId && p.StartDate <= w.End && (p.EndDate == null || p.EndDate >= w.CareFrom)
            select new CareEpisodeRow(e.CarePeriodId, e.StartDate, e.ReasonNewEpisode, e.PlacementType))
            .ToListAsync(cancellationToken);
        var reviews = await (
            from r in db.LookedAfterReviews.AsNoTracking()
            join p in db.CarePeriods.AsNoTracking() on r.CarePeriodId equals p.Id
            where p.PartnershipId == partnershipId && p.StartDate <= w.End && (p.EndDate == null || p.EndDate >= w.CareFrom)
            select new { r.Id, r.CarePeriodId, r.PersonId, r.HeldOn })
            .ToListAsync(cancellationToken);
        var leaversFrom = PerformanceMonths.FinancialYearStart(w.FirstMonth);
        var careLeavers = await db.CareLeaverContacts.AsNoTracking()
            .Where(c => c.PartnershipId == partnershipId && c.Birthday >= leaversFrom && c.Birthday <= w.End)
            .Select(c => new { c.Id, c.PersonId, c.Age, c.Birthday, c.Activity, c.Accommodation })
            .ToListAsync(cancellationToken);

        var posts = await db.WorkforcePosts.AsNoTracking().Where(p => p.PartnershipId == partnershipId)
            .Select(p => new PostRow(p.Id, p.Role, p.EstablishedOn, p.DeletedOn)).ToListAsync(cancellationToken);
        var holdings = await db.PostHoldings.AsNoTracking().Where(h => h.PartnershipId == partnershipId)
            .Select(h => new HoldingRow(h.PostId, h.UserId, h.Employment, h.StartDate, h.EndDate)).ToListAsync(cancellationToken);
        var supervisions = await db.Supervisions.AsNoTracking().Where(s => s.PartnershipId == partnershipId && s.HeldOn >= w.FirstMonth && s.HeldOn <= w.End)
            .Select(s => new SupervisionRow(s.WorkerUserId, s.HeldOn)).ToListAsync(cancellationToken);

        // Two index-friendly reads: allocations still open, and those that ended since the first month.
        var allocations = db.CaseAllocations.AsNoTracking().Where(a => a.PartnershipId == partnershipId && a.StartDate <= w.End);
        var allocated = await allocations.Where(a => a.EndDate == null)
            .Select(a => new { a.PersonId, a.WorkerUserId, a.StartDate, a.EndDate }).ToListAsync(cancellationToken);
        allocated.AddRange(await allocations.Where(a => a.EndDate > w.FirstMonth)
            .Select(a => new { a.PersonId, a.WorkerUserId, a.StartDate, a.EndDate }).ToListAsync(cancellationToken));

        return (
            [.. contacts.Select(c => new ContactRow(c.Id, c.ReceivedAt, LondonTime.DateOf(c.ReceivedAt), c.FirstDecidedAt,
                c.FirstDecidedAt is { } decided ? LondonTime.DateOf(decided) : null, c.IsReferral)).OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id)],
            new LookedAfterReads(
                [.. periods.Select(p => new CarePeriodRow(p.Id, child(p.PersonId), p.DateOfBirth, p.StartDate, p.EndDate, p.EndReason, p.PlacedOn))
                    .OrderBy(p => p.StartDate).ThenBy(p => p.Id)],
                careEpisodes,
                [.. reviews.Select(r => new ReviewRow(r.Id, r.CarePeriodId, child(r.PersonId), r.HeldOn))],
                [.. careLeavers.Select(c => new CareLeaverRow(c.Id, child(c.PersonId), c.Age, c.Birthday, c.Activity, c.Accommodation))
                    .OrderBy(c => c.Birthday).ThenBy(c => c.Id)]),
            new WorkforceReads(posts, holdings, supervisions,
                [.. allocated.Select(a => new AllocationRow(child(a.PersonId), a.WorkerUserId, a.StartDate, a.EndDate))]));
    }

    /// <summary>Every merged record of the partnership mapped to the record it finally lives in.</summary>
    private static async Task<Dictionary<Guid, Guid>> SurvivorsAsync(SafeguardingDbContext db, Guid partnershipId, CancellationToken cancellationToken)
    {
        var merged = await db.People.AsNoTracking()
            .Where(p => p.PartnershipId == partnershipId && p.MergedIntoId != null)
            .Select(p => new { p.Id, Into = p.MergedIntoId!.Value })
            .ToDictionaryAsync(p => p.Id, p => p.Into, cancellationToken);
        var survivors = new Dictionary<Guid, Guid>(merged.Count);
        foreach (var id in merged.Keys)
        {
            var current = id;
            var steps = 0;
            while (merged.TryGetValue(current, out var next) && steps++ < merged.Count)
            {
                current = next;
            }

            survivors[id] = current;
        }

        return survivors;
    }
}
