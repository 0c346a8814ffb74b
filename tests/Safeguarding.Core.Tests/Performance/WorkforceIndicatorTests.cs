using Safeguarding.Core.Calendar;
using Safeguarding.Core.Performance;
using Safeguarding.Core.Workforce;

namespace Safeguarding.Core.Tests.Performance;

/// <summary>
/// KPIs 13 to 15 on a hand-made establishment: vacant and deleted posts, a holding ending on the month's
/// last day, a worker in two posts, children allocated twice to the same worker, supervision on the edges.
/// </summary>
public sealed class WorkforceIndicatorTests
{
    private static readonly DateOnly October = new(2026, 10, 1);
    private static readonly DateOnly EndOfOctober = new(2026, 10, 31);

    private readonly List<PostRow> posts = [];
    private readonly List<HoldingRow> holdings = [];
    private readonly List<SupervisionRow> supervisions = [];
    private readonly List<AllocationRow> allocations = [];

    [Fact]
    public void Kpi13_SharesOfEstablishedPostsHeldByAgencyStaff_VacantPostsIncluded()
    {
        Hold(Post(WorkforceRole.SocialWorker), Guid.NewGuid(), Employment.Agency, new(2026, 1, 1));
        Hold(Post(WorkforceRole.TeamManager), Guid.NewGuid(), Employment.Agency, new(2026, 10, 31)); // started on the last day: counted
        Hold(Post(WorkforceRole.SocialWorker), Guid.NewGuid(), Employment.Permanent, new(2020, 1, 1));
        Post(WorkforceRole.SocialWorker); // vacant: in the establishment

        // The agency worker left on 31 October: the post is vacant that day.
        Hold(Post(WorkforceRole.SocialWorker), Guid.NewGuid(), Employment.Agency, new(2025, 1, 1), end: EndOfOctober);

        // Deleted from the establishment on 31 October, and established in November: neither counted.
        Hold(Post(WorkforceRole.SocialWorker, deleted: EndOfOctober), Guid.NewGuid(), Employment.Agency, new(2025, 1, 1));
        Post(WorkforceRole.SocialWorker, established: new(2026, 11, 1));

        Assert.Equal(new Figure(2, 5, 0.4m), FigureOf(DefaultIndicators.AgencyStaff));
    }

    [Fact]
    public void Kpi14_MeanCaseloadOfSocialWorkersInPost_CountingEachChildOncePerWorker()
    {
        Guid ann = Guid.NewGuid(), bob = Guid.NewGuid(), cat = Guid.NewGuid(), manager = Guid.NewGuid();
        Hold(Post(WorkforceRole.SocialWorker), ann, Employment.Permanent, new(2024, 1, 1));
        Hold(Post(WorkforceRole.SocialWorker), ann, Employment.Permanent, new(2025, 1, 1)); // a second post: one worker
        Hold(Post(WorkforceRole.SocialWorker), bob, Employment.Agency, new(2024, 1, 1));
        Hold(Post(WorkforceRole.SocialWorker), cat, Employment.Permanent, new(2024, 1, 1)); // no children: caseload 0
        Hold(Post(WorkforceRole.TeamManager), manager, Employment.Permanent, new(2024, 1, 1));

        var child = Guid.NewGuid();
        Allocate(child, ann, new(2026, 1, 1));
        Allocate(child, ann, new(2026, 5, 1)); // the same child twice: once
        Allocate(Guid.NewGuid(), ann, new(2026, 2, 1));
        Allocate(Guid.NewGuid(), ann, new(2026, 2, 1), end: EndOfOctober); // ended on the day: not on the caseload
        Allocate(Guid.NewGuid(), bob, new(2026, 10, 31));
        Allocate(Guid.NewGuid(), bob, new(2026, 3, 1));
        Allocate(Guid.NewGuid(), bob, new(2026, 3, 1));
        Allocate(Guid.NewGuid(), bob, new(2026, 3, 1));
        Allocate(Guid.NewGuid(), manager, new(2026, 3, 1)); // a team manager's case is not a social worker's caseload

        // Ann 2, Bob 4, Cat 0: a mean of 2 across three social workers.
        Assert.Equal(new Figure(3, null, 2m), FigureOf(DefaultIndicators.Caseloads));
        Assert.Equal(new Dictionary<Guid, decimal?> { [ann] = 2, [bob] = 4, [cat] = 0 }, Cases(DefaultIndicators.Caseloads).ToDictionary(c => c.RecordId, c => c.Measure));
    }

    [Fact]
    public void Kpi15_SocialWorkersInPostInTheMonth_SupervisedInIt()
    {
        Guid ann = Guid.NewGuid(), bob = Guid.NewGuid(), cat = Guid.NewGuid(), dan = Guid.NewGuid();
        Hold(Post(WorkforceRole.SocialWorker), ann, Employment.Permanent, new(2024, 1, 1));
        Hold(Post(WorkforceRole.SocialWorker), bob, Employment.Permanent, new(2024, 1, 1), end: new(2026, 10, 10)); // left in the month: still counted
        Hold(Post(WorkforceRole.SocialWorker), cat, Employment.Agency, new(2026, 10, 31)); // started on the last day
        Hold(Post(WorkforceRole.SocialWorker), dan, Employment.Permanent, new(2024, 1, 1), end: October); // left on the 1st: never in post in October
        supervisions.Add(new(ann, new(2026, 10, 1)));
        supervisions.Add(new(ann, new(2026, 10, 29)));
        supervisions.Add(new(bob, new(2026, 9, 30))); // September's
        supervisions.Add(new(cat, EndOfOctober));

        Assert.Equal(new Figure(2, 3, 2m / 3), FigureOf(DefaultIndicators.Supervised));
        var annCase = Cases(DefaultIndicators.Supervised).Single(c => c.RecordId == ann);
        Assert.Equal((new DateOnly(2026, 10, 29), 2m), (annCase.From!.Value, annCase.Measure!.Value));
    }

    private Guid Post(WorkforceRole role, DateOnly? established = null, DateOnly? deleted = null)
    {
        var id = Guid.NewGuid();
        posts.Add(new PostRow(id, role, established ?? new DateOnly(2019, 4, 1), deleted));
        return id;
    }

    private void Hold(Guid post, Guid worker, Employment employment, DateOnly start, DateOnly? end = null) =>
        holdings.Add(new HoldingRow(post, worker, employment, start, end));

    private void Allocate(Guid child, Guid worker, DateOnly start, DateOnly? end = null) =>
        allocations.Add(new AllocationRow(child, worker, start, end));

    private List<IndicatorCase> Cases(string code) => IndicatorCalculations.Cases(code, Data(), October)!.ToList();

    private Figure FigureOf(string code) =>
        PerformancePack.FigureOf(DefaultIndicators.Find(code)!, Cases(code), new PerformanceSettings
        {
            Targets = [],
            Comparators = [],
            Populations = [],
            Figures = new Dictionary<(string, DateOnly), IndicatorFigure>(),
            Commentary = new Dictionary<string, IndicatorCommentary>(),
        }, October);

    private PerformanceData Data() => new()
    {
        FirstMonth = October,
        LastMonth = October,
        Calendar = WorkingDayCalendar.EnglandAndWales(),
        Contacts = [],
        Referrals = [],
        Assessments = [],
        Enquiries = [],
        InitialConferences = [],
        Plans = [],
        Posts = posts,
        Holdings = holdings,
        Supervisions = supervisions,
        Allocations = allocations,
    };
}
