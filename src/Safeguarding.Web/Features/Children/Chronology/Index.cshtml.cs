using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Safeguarding.Core.Children;
using Safeguarding.Core.Chronology;
using Safeguarding.Core.Data;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Chronology;

/// <summary>
/// A child's multi-agency chronology: filtered by query string so it works without JavaScript, and
/// with a print view holding every entry, since a printed chronology must be complete.
/// </summary>
public sealed class IndexModel(SafeguardingDbContext db, ChildChronology chronology, IAuthorizationService authorization, ActorContext actor) : PageModel
{
    public Person? Child { get; private set; }

    public bool CanOpen { get; private set; }

    public bool CanAdd { get; private set; }

    [BindProperty(SupportsGet = true, Name = "agency")]
    public List<Guid> AgencyIds { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = "type")]
    public List<ChronologyEntryType> Types { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = "significant")]
    public bool SignificantOnly { get; set; }

    // From the query only: Razor Pages keeps its own "page" route value, which would win otherwise.
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    /// <summary>The print view: every entry matching the filters on one page.</summary>
    [BindProperty(SupportsGet = true, Name = "all")]
    public bool All { get; set; }

    public ChronologyPage Result { get; private set; } = new([], 0, 1, 1, 0, 0, [], []);

    public int SelectedFilterCount => AgencyIds.Count + Types.Count + (SignificantOnly ? 1 : 0);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var (child, outcome) = await ChildAccess.CheckAsync(db, authorization, User, id, cancellationToken);
        if (outcome == ChildAccessOutcome.NotFound)
        {
            return NotFound();
        }

        if (outcome == ChildAccessOutcome.Forbidden)
        {
            return Forbid();
        }

        // A merged record's story now lives with the record it was merged into.
        if (child!.MergedIntoId is not null && await MergedRecords.SurvivorOfAsync(db, id, cancellationToken) is { } survivor && survivor != id)
        {
            return Redirect($"/children/{survivor}/chronology");
        }

        Child = child;
        CanOpen = outcome == ChildAccessOutcome.Open;
        if (!CanOpen)
        {
            await db.RecordAccessAsync(RestrictedRecordAccess.PersonSubjectType, id.ToString(), "Restricted record notice shown; chronology not opened", actor.Current(), cancellationToken);
            return Page();
        }

        CanAdd = (await authorization.AuthorizeAsync(User, AccessPolicies.ChildrenContribute)).Succeeded;
        Types = Types.Where(t => Enum.IsDefined(t)).Distinct().ToList();
        AgencyIds = AgencyIds.Distinct().ToList();
        Result = await chronology.ForChildAsync(id, new ChronologyFilter(AgencyIds, Types, SignificantOnly), PageNumber, All ? null : ChildChronology.DefaultPageSize, cancellationToken);
        PageNumber = Result.Page;
        await db.RecordAccessAsync(RestrictedRecordAccess.PersonSubjectType, id.ToString(), All ? "View child chronology (print view)" : "View child chronology", actor.Current(), cancellationToken);
        return Page();
    }

    /// <summary>This page's URL with the current filters, and some values changed.</summary>
    public string UrlWith(IEnumerable<Guid>? agencies = null, IEnumerable<ChronologyEntryType>? types = null, bool? significant = null, int page = 1, bool? all = null)
    {
        var query = new List<KeyValuePair<string, string?>>();
        query.AddRange((agencies ?? AgencyIds).Select(a => new KeyValuePair<string, string?>("agency", a.ToString())));
        query.AddRange((types ?? Types).Select(t => new KeyValuePair<string, string?>("type", t.ToString())));
        if (significant ?? SignificantOnly)
        {
            query.Add(new("significant", "true"));
        }

        if (all ?? All)
        {
            query.Add(new("all", "true"));
        }
        else if (page > 1)
        {
            query.Add(new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return QueryHelpers.AddQueryString($"/children/{Child!.Id}/chronology", query);
    }

    public string PageUrl(int page) => UrlWith(page: page);

    public string AgencyName(Guid agencyId) => Result.Agencies.FirstOrDefault(a => a.AgencyId == agencyId)?.Name ?? "Unknown agency";
}
