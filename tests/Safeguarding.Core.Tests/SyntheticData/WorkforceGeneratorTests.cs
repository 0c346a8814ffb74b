using Safeguarding.Core.Access;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Performance;
using Safeguarding.Core.Workforce;
using Safeguarding.SyntheticData;

namespace Safeguarding.Core.Tests.SyntheticData;

/// <summary>The demo city's social work establishment: the same every time, consistent, and at the October 2020 report's shape.</summary>
public sealed class WorkforceGeneratorTests
{
    private static readonly SyntheticCity City = CityGenerator.Generate(new CitySpec { Children = 30_000 });

    [Fact]
    public void Generate_SameSeedTwice_GivesTheSameRows()
    {
        var again = CityGenerator.Generate(new CitySpec { Children = 30_000 }).Workforce;

        Assert.Equal(City.Workforce.Posts.Select(p => (p.Id, p.Reference, p.Team, p.Role)), again.Posts.Select(p => (p.Id, p.Reference, p.Team, p.Role)));
        Assert.Equal(City.Workforce.Holdings.Select(h => (h.Id, h.UserId, h.Employment, h.StartDate, h.EndDate)), again.Holdings.Select(h => (h.Id, h.UserId, h.Employment, h.StartDate, h.EndDate)));
        Assert.Equal(City.Workforce.Supervisions.Select(s => (s.Id, s.WorkerUserId, s.HeldOn)), again.Supervisions.Select(s => (s.Id, s.WorkerUserId, s.HeldOn)));
        Assert.Equal(City.Workforce.Allocations.Select(a => (a.Id, a.PersonId, a.WorkerUserId, a.StartDate, a.EndDate)), again.Allocations.Select(a => (a.Id, a.PersonId, a.WorkerUserId, a.StartDate, a.EndDate)));
    }

    [Fact]
    public void EverySocialWorkerAndTeamManager_HoldsOnePost_AndRecordsStayInsideTheirDates()
    {
        var workforce = City.Workforce;
        var staff = City.UserRoles.Where(r => r.Role is Roles.SocialWorker or Roles.TeamManager).Select(r => r.UserId).Distinct().Order().ToList();
        var from = new DateOnly(2025, 4, 1);

        Assert.Equal(staff, workforce.Holdings.Select(h => h.UserId).Order().ToList());
        Assert.Equal(workforce.Posts.Count, workforce.Posts.Select(p => p.Reference).Distinct().Count());
        Assert.All(workforce.Holdings, h => Assert.True(h.EndDate is null || h.EndDate > h.StartDate));
        var holdings = workforce.Holdings.ToDictionary(h => h.UserId);
        Assert.All(workforce.Supervisions, s =>
        {
            var held = holdings[s.WorkerUserId];
            Assert.InRange(s.HeldOn, from, City.Spec.ReferenceDate.AddDays(-1));
            Assert.True(s.HeldOn >= held.StartDate && (held.EndDate is null || s.HeldOn < held.EndDate), $"{s.HeldOn} outside {held.StartDate}-{held.EndDate}");
        });
        var children = City.People.Where(p => p.IsChild).Select(p => p.Id).Concat(City.LookedAfter.FormerChildren.Select(p => p.Id)).ToHashSet();
        Assert.All(workforce.Allocations, a =>
        {
            Assert.Contains(a.PersonId, children);
            Assert.True(a.EndDate is null || (a.EndDate > from && a.EndDate >= a.StartDate));
        });
    }

    [Fact]
    public void KpisThirteenToFifteen_AreNearTheOctober2020Report()
    {
        var data = new PerformanceData
        {
            FirstMonth = new DateOnly(2026, 3, 1),
            LastMonth = new DateOnly(2026, 3, 1),
            Calendar = WorkingDayCalendar.EnglandAndWales(),
            Contacts = [],
            Referrals = [],
            Assessments = [],
            Enquiries = [],
            InitialConferences = [],
            Plans = [],
            Posts = City.Workforce.Posts.Select(p => new PostRow(p.Id, p.Role, p.EstablishedOn, p.DeletedOn)).ToList(),
            Holdings = City.Workforce.Holdings.Select(h => new HoldingRow(h.PostId, h.UserId, h.Employment, h.StartDate, h.EndDate)).ToList(),
            Supervisions = City.Workforce.Supervisions.Select(s => new SupervisionRow(s.WorkerUserId, s.HeldOn)).ToList(),
            Allocations = City.Workforce.Allocations.Select(a => new AllocationRow(a.PersonId, a.WorkerUserId, a.StartDate, a.EndDate)).ToList(),
        };
        var settings = new PerformanceSettings
        {
            Targets = [],
            Comparators = [],
            Populations = [],
            Figures = new Dictionary<(string, DateOnly), IndicatorFigure>(),
            Commentary = new Dictionary<string, IndicatorCommentary>(),
        };
        decimal Value(string code) =>
            PerformancePack.FigureOf(DefaultIndicators.Find(code)!, IndicatorCalculations.Cases(code, data, data.LastMonth)!, settings, data.LastMonth).Value!.Value;

        // The report: 13% agency, caseload 18 against a target of 15, 83% supervised. About 60 social workers here,
        // a sixth of them agency at the start of the year and a fifth of those gone by March, so the share is loose.
        var socialWorkerPosts = City.Workforce.Posts.Where(p => p.Role == WorkforceRole.SocialWorker).Select(p => p.Id).ToHashSet();
        var socialWorkers = City.Workforce.Holdings.Where(h => socialWorkerPosts.Contains(h.PostId)).ToList();
        Assert.InRange(socialWorkers.Count(h => h.Employment == Employment.Agency) / (double)socialWorkers.Count, 0.07, 0.27);
        Assert.InRange(Value(DefaultIndicators.AgencyStaff), 0.03m, 0.20m);
        Assert.InRange(Value(DefaultIndicators.Caseloads), 12m, 24m);
        Assert.InRange(Value(DefaultIndicators.Supervised), 0.74m, 0.94m);
        Assert.Contains(City.Workforce.Holdings, h => h.Employment == Employment.Agency && h.EndDate is not null);
    }
}
