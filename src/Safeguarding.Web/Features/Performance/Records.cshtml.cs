using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Performance;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Performance;

/// <summary>
/// The records behind a figure, so an analyst can check any number: every record in the denominator,
/// marked when it is in the numerator. Names show only to people who may open children's records, and
/// never for a restricted record; looking is audited, as it lists children.
/// </summary>
public sealed class RecordsModel(PerformancePack pack, SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor, TimeProvider clock) : PageModel
{
    public const int PageSize = 100;

    public IndicatorDrillDown DrillDown { get; private set; } = null!;

    public IReadOnlyList<IndicatorCase> Shown { get; private set; } = [];

    /// <summary>all, numerator or other (in the denominator only).</summary>
    public string Show { get; private set; } = "all";

    public int PageNumber { get; private set; }

    public int PageCount { get; private set; }

    public int Matching { get; private set; }

    public IReadOnlyDictionary<Guid, string> ChildNames { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>What names a record better than its id: a contact's reference, a post's number, a social worker's name.</summary>
    public IReadOnlyDictionary<Guid, string> References { get; private set; } = new Dictionary<Guid, string>();

    public bool CanOpenChildren { get; private set; }

    public string MonthKey => PerformanceMonths.Key(DrillDown.Month);

    public async Task<IActionResult> OnGetAsync(string code, string? month, string? show, [FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        if (User.PartnershipId() is not { } partnershipId)
        {
            return NotFound();
        }

        var chosen = PerformanceText.MonthFrom(month, clock.GetUtcNow());
        if (await pack.DrillDownAsync(partnershipId, code, chosen, cancellationToken) is not { } drillDown)
        {
            return NotFound();
        }

        DrillDown = drillDown;
        Show = show is "numerator" or "other" ? show : "all";
        var matching = drillDown.Cases.Where(c => Show == "all" || c.InNumerator == (Show == "numerator")).ToList();
        Matching = matching.Count;
        PageCount = Math.Max(1, (int)Math.Ceiling(matching.Count / (double)PageSize));
        PageNumber = Math.Clamp(page ?? 1, 1, PageCount);
        Shown = matching.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();

        CanOpenChildren = (await authorization.AuthorizeAsync(User, AccessPolicies.Children)).Succeeded;
        if (CanOpenChildren)
        {
            var childIds = Shown.Where(c => c.ChildId is not null).Select(c => c.ChildId!.Value).Distinct().ToList();
            ChildNames = await db.People.AsNoTracking().Where(p => childIds.Contains(p.Id) && !p.IsRestricted)
                .ToDictionaryAsync(p => p.Id, p => p.GivenName + " " + p.FamilyName, cancellationToken);
        }

        List<Guid> Ids(CaseRecordKind kind) => Shown.Where(c => c.Kind == kind).Select(c => c.RecordId).ToList();
        var contactIds = Ids(CaseRecordKind.Contact);
        var postIds = Ids(CaseRecordKind.WorkforcePost);
        var workerIds = Ids(CaseRecordKind.SocialWorker);
        var references = await db.Contacts.AsNoTracking().Where(c => contactIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Reference, cancellationToken);
        foreach (var post in await db.WorkforcePosts.AsNoTracking().Where(p => postIds.Contains(p.Id)).Select(p => new { p.Id, p.Reference, p.Team }).ToListAsync(cancellationToken))
        {
            references[post.Id] = $"{post.Reference}, {post.Team}";
        }

        foreach (var worker in await db.Users.AsNoTracking().Where(u => workerIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken))
        {
            references[worker.Id] = worker.DisplayName;
        }

        References = references;

        await db.RecordAccessAsync(PackCommentary.SubjectType, $"{drillDown.Definition.Code}/{MonthKey}", "Check the records behind a performance figure", actor.Current(), cancellationToken);
        return Page();
    }

    public string PageUrl(int page) => $"/performance/records/{DrillDown.Definition.Url}?month={MonthKey}&show={Show}&page={page}";

    public string Reference(IndicatorCase c) => References.TryGetValue(c.RecordId, out var reference)
        ? reference
        : c.RecordId.ToString()[..8];

    public static string KindName(CaseRecordKind kind) => kind switch
    {
        CaseRecordKind.Contact => "Contact",
        CaseRecordKind.Referral => "Referral",
        CaseRecordKind.Assessment => "Assessment",
        CaseRecordKind.Section47Enquiry => "Section 47 enquiry",
        CaseRecordKind.InitialConference => "Initial conference",
        CaseRecordKind.ChildProtectionPlan => "Child protection plan",
        CaseRecordKind.CarePeriod => "Period of care",
        CaseRecordKind.LookedAfterReview => "Looked-after review",
        CaseRecordKind.CareLeaverContact => "Care leaver",
        CaseRecordKind.WorkforcePost => "Post",
        CaseRecordKind.SocialWorker => "Social worker",
        _ => kind.ToString(),
    };
}
