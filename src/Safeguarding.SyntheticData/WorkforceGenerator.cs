using Safeguarding.Core.Access;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Pathway;
using Safeguarding.Core.Workforce;

namespace Safeguarding.SyntheticData;

/// <summary>The social work establishment and its last year of records, as rows ready to insert in this order.</summary>
public sealed record SyntheticWorkforce(
    IReadOnlyList<WorkforcePost> Posts,
    IReadOnlyList<PostHolding> Holdings,
    IReadOnlyList<Supervision> Supervisions,
    IReadOnlyList<CaseAllocation> Allocations)
{
    public static readonly SyntheticWorkforce Empty = new([], [], [], []);

    public int Rows => Posts.Count + Holdings.Count + Supervisions.Count + Allocations.Count;
}

/// <summary>
/// The Children's Trust's social work establishment at the October 2020 report's shape: a post for every
/// social worker and team manager who uses the system plus about 8% vacant, 17% of social workers' and
/// 9% of team managers' posts held by agency staff (some leaving during the year), supervision for about
/// 84% of social workers each month, and every child in need or in care allocated to a social worker
/// (caseloads near 18 at Birmingham's size). The records cover the <see cref="RecordMonths"/> before the
/// reference date; the performance team's spreadsheets (<see cref="PerformanceGenerator"/>) cover the
/// months before. Its own random stream, so the rest of the city is unchanged.
/// </summary>
internal static class WorkforceGenerator
{
    public const int RecordMonths = 12;
    public const double VacantShare = 0.08;
    public const double AgencySocialWorkerShare = 0.17;
    public const double AgencyManagerShare = 0.09;
    public const double AgencyLeaverShare = 0.2;
    public const double SupervisedShare = 0.84;

    private static readonly string[] Teams =
        ["Assessment", "Safeguarding", "Children in care", "Disabled children", "Care leavers", "Family support", "Permanence"];

    /// <summary>The first day of the months the records cover.</summary>
    public static DateOnly RecordsFrom(CitySpec spec) => new DateOnly(spec.ReferenceDate.Year, spec.ReferenceDate.Month, 1).AddMonths(-RecordMonths);

    public static SyntheticWorkforce Generate(
        CitySpec spec, Guid partnershipId, IReadOnlyList<StaffRoleAssignment> userRoles, SyntheticPathway pathway, SyntheticLookedAfter lookedAfter)
    {
        var socialWorkers = userRoles.Where(r => r.Role == Roles.SocialWorker).Select(r => r.UserId).Distinct().ToList();
        var managers = userRoles.Where(r => r.Role == Roles.TeamManager).Select(r => r.UserId).Distinct().ToList();
        if (spec.Years < 1 || socialWorkers.Count == 0)
        {
            return SyntheticWorkforce.Empty;
        }

        var random = CityRandom.For(spec.Seed, "workforce");
        var from = RecordsFrom(spec);
        var lastDay = spec.ReferenceDate.AddDays(-1);
        var posts = new List<WorkforcePost>();
        var holdings = new List<PostHolding>();
        var inPost = new Dictionary<Guid, (DateOnly Start, DateOnly? End)>();

        void AddPosts(IReadOnlyList<Guid> workers, WorkforceRole role, double agencyShare, string prefix)
        {
            var vacant = (int)Math.Round(workers.Count * VacantShare / (1 - VacantShare), MidpointRounding.AwayFromZero);
            for (var i = 0; i < workers.Count + vacant; i++)
            {
                var post = new WorkforcePost
                {
                    Id = random.NextGuid(),
                    PartnershipId = partnershipId,
                    Reference = $"{prefix}-{i + 1:0000}",
                    Team = $"{Teams[i % Teams.Length]} team {(i / Teams.Length % 6) + 1}",
                    Role = role,
                    // The establishment was put on the system when its records began; the spreadsheets hold the years before.
                    EstablishedOn = from,
                };
                posts.Add(post);
                if (i >= workers.Count)
                {
                    continue;
                }

                // Agency staff leave now and then during the year; everyone else holds their post throughout.
                var agency = random.Chance(agencyShare);
                DateOnly? end = agency && random.Chance(AgencyLeaverShare) ? from.AddDays(random.Between(30, 330)) : null;
                holdings.Add(new PostHolding
                {
                    Id = random.NextGuid(),
                    PartnershipId = partnershipId,
                    PostId = post.Id,
                    UserId = workers[i],
                    Employment = agency ? Employment.Agency : Employment.Permanent,
                    StartDate = post.EstablishedOn,
                    EndDate = end,
                });
                inPost[workers[i]] = (holdings[^1].StartDate, end);
            }
        }

        AddPosts(socialWorkers, WorkforceRole.SocialWorker, AgencySocialWorkerShare, "SW");
        AddPosts(managers, WorkforceRole.TeamManager, AgencyManagerShare, "TM");

        var supervisions = new List<Supervision>();
        foreach (var month in Enumerable.Range(0, RecordMonths).Select(m => from.AddMonths(m)))
        {
            var monthEnd = month.AddMonths(1).AddDays(-1);
            foreach (var worker in socialWorkers)
            {
                var (start, end) = inPost[worker];
                var lastInPost = end is { } left ? left.AddDays(-1) : monthEnd;
                var firstInPost = start > month ? start : month;
                if (lastInPost < firstInPost || !random.Chance(SupervisedShare))
                {
                    continue;
                }

                var heldOn = firstInPost.AddDays(random.Next(lastInPost.DayNumber - firstInPost.DayNumber + 1));
                supervisions.Add(new Supervision
                {
                    Id = random.NextGuid(),
                    PartnershipId = partnershipId,
                    WorkerUserId = worker,
                    SupervisorUserId = managers.Count > 0 ? managers[random.Next(managers.Count)] : null,
                    HeldOn = heldOn,
                    RecordedAt = LondonTime.At(heldOn, new TimeOnly(16, 0)),
                });
            }
        }

        return new SyntheticWorkforce(posts, holdings, supervisions, Allocations(partnershipId, from, lastDay, socialWorkers, inPost, pathway, lookedAfter, random));
    }

    /// <summary>
    /// Every child in need episode and period of care open in the records' months is allocated for its length
    /// to the social worker who did the assessment (if they hold a post), else to one chosen for the child.
    /// </summary>
    private static List<CaseAllocation> Allocations(
        Guid partnershipId, DateOnly from, DateOnly lastDay, IReadOnlyList<Guid> socialWorkers, Dictionary<Guid, (DateOnly Start, DateOnly? End)> inPost,
        SyntheticPathway pathway, SyntheticLookedAfter lookedAfter, CityRandom random)
    {
        var assessedBy = pathway.Assessments.Where(a => a.SocialWorkerUserId is { } w && inPost.ContainsKey(w))
            .GroupBy(a => a.EpisodeId).ToDictionary(g => g.Key, g => g.First().SocialWorkerUserId!.Value);
        var workerOfChild = new Dictionary<Guid, Guid>();
        Guid WorkerFor(Guid child, Guid? preferred)
        {
            if (preferred is { } worker)
            {
                return workerOfChild[child] = worker;
            }

            if (!workerOfChild.TryGetValue(child, out var chosen))
            {
                chosen = workerOfChild[child] = socialWorkers[random.Next(socialWorkers.Count)];
            }

            return chosen;
        }

        CaseAllocation Allocation(Guid child, Guid worker, DateOnly start, DateOnly? end) => new()
        {
            Id = random.NextGuid(),
            PartnershipId = partnershipId,
            PersonId = child,
            WorkerUserId = worker,
            StartDate = start,
            EndDate = end is { } e && e <= lastDay ? e : null,
            RecordedAt = LondonTime.At(start, new TimeOnly(10, 0)),
        };

        var allocations = new List<CaseAllocation>();
        foreach (var episode in pathway.Episodes.Where(e => e.ReferralDate <= lastDay && (e.ClosureDate is null || e.ClosureDate > from)).OrderBy(e => e.ReferralDate).ThenBy(e => e.Id))
        {
            var worker = WorkerFor(episode.PersonId, assessedBy.TryGetValue(episode.Id, out var assessor) ? assessor : null);
            allocations.Add(Allocation(episode.PersonId, worker, episode.ReferralDate, episode.ClosureDate));
        }

        foreach (var period in lookedAfter.Periods.Where(p => p.StartDate <= lastDay && (p.EndDate is null || p.EndDate > from)).OrderBy(p => p.StartDate).ThenBy(p => p.Id))
        {
            allocations.Add(Allocation(period.PersonId, WorkerFor(period.PersonId, null), period.StartDate, period.EndDate));
        }

        return allocations;
    }
}
