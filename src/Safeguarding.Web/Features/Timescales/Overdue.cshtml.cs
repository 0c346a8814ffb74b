using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Timescales;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Timescales;

/// <summary>Partnership-wide overdue and due-soon clocks, filtered and sorted by query string so it works without JavaScript.</summary>
public sealed class OverdueModel(SafeguardingDbContext db, PartnershipTimescales timescales, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    /// <summary>The states a person can filter on: open clocks only.</summary>
    public static readonly IReadOnlyList<ClockState> FilterStates = [ClockState.Overdue, ClockState.DueToday, ClockState.DueSoon, ClockState.Running];

    /// <summary>With no state chosen the page shows what needs attention, as its name says.</summary>
    public static readonly IReadOnlyList<ClockState> DefaultStates = [ClockState.Overdue, ClockState.DueToday, ClockState.DueSoon];

    [BindProperty(SupportsGet = true, Name = "module")]
    public string? Module { get; set; }

    [BindProperty(SupportsGet = true, Name = "agency")]
    public Guid? AgencyId { get; set; }

    [BindProperty(SupportsGet = true, Name = "rule")]
    public string? RuleId { get; set; }

    [BindProperty(SupportsGet = true, Name = "state")]
    public List<ClockState> States { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = "sort")]
    public string Sort { get; set; } = "due";

    [BindProperty(SupportsGet = true, Name = "order")]
    public string Order { get; set; } = "asc";

    // Razor Pages keeps "page" for the page route value, so it is read from the query string explicitly.
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<ClockRow> Rows { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Agencies { get; private set; } = [];

    public IReadOnlyList<string> Modules { get; } = DefaultTimescaleRules.All.Select(r => r.Module).Distinct().Order(StringComparer.Ordinal).ToList();

    public IReadOnlyList<TimescaleRule> Rules => DefaultTimescaleRules.All;

    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public bool HasFilters => Module is not null || AgencyId is not null || RuleId is not null || States.Count > 0;

    public string? AgencyName => Agencies.FirstOrDefault(a => a.Id == AgencyId).Name;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Normalise();
        Agencies = (await db.Agencies.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken))
            .Select(a => (a.Id, a.Name)).ToList();
        if (User.PartnershipId() is not { } partnershipId)
        {
            return;
        }

        var query = db.Clocks.AsNoTracking().Where(c => c.StoppedAt == null && !c.NotRequired);
        if (Module is not null)
        {
            var ruleIds = Rules.Where(r => r.Module == Module).Select(r => r.Id).ToList();
            query = query.Where(c => ruleIds.Contains(c.RuleId));
        }

        if (RuleId is not null)
        {
            query = query.Where(c => c.RuleId == RuleId);
        }

        if (AgencyId is { } agencyId)
        {
            query = query.Where(c => c.AgencyId == agencyId);
        }

        // State depends on the calendar, so it is worked out here rather than in SQL; the evaluator
        // handles millions of clocks a second.
        var clocks = await query.ToListAsync(cancellationToken);
        var setup = await timescales.ForAsync(db, partnershipId, cancellationToken);
        var now = clock.GetUtcNow();
        var agencyNames = Agencies.ToDictionary(a => a.Id, a => a.Name);
        var states = States.Count > 0 ? States : DefaultStates;
        var rows = clocks
            .Select(c => ClockRow.For(setup, c, now, c.AgencyId is { } id ? agencyNames.GetValueOrDefault(id) : null))
            .Where(r => states.Contains(r.Status.State));
        var sorted = Sorted(rows).ToList();
        Total = sorted.Count;
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = sorted.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
    }

    private void Normalise()
    {
        Module = Modules.Contains(Module) ? Module : null;
        RuleId = Rules.Any(r => r.Id == RuleId) ? RuleId : null;
        States = States.Where(FilterStates.Contains).Distinct().ToList();
        Sort = Sort is "rule" or "state" ? Sort : "due";
        Order = Order == "desc" ? "desc" : "asc";
    }

    private IEnumerable<ClockRow> Sorted(IEnumerable<ClockRow> rows)
    {
        var ordered = Sort switch
        {
            "rule" => Order == "desc" ? rows.OrderByDescending(r => r.Rule.Id, StringComparer.Ordinal) : rows.OrderBy(r => r.Rule.Id, StringComparer.Ordinal),
            "state" => Order == "desc" ? rows.OrderByDescending(r => TimescaleText.Urgency(r.Status.State)) : rows.OrderBy(r => TimescaleText.Urgency(r.Status.State)),
            _ => Order == "desc" ? rows.OrderByDescending(r => r.Clock.DueAt) : rows.OrderBy(r => r.Clock.DueAt),
        };
        return ordered.ThenBy(r => r.Clock.DueAt).ThenBy(r => r.Clock.Id);
    }

    /// <summary>This page's URL with some query values changed; filter changes go back to page 1.</summary>
    public string UrlWith(string? module = "", Guid? agency = null, bool clearAgency = false, string? rule = "", IEnumerable<ClockState>? states = null, string? sort = null, string? order = null, int page = 1)
    {
        var query = new List<KeyValuePair<string, string?>>();
        var m = module == "" ? Module : module;
        var a = clearAgency ? null : agency ?? AgencyId;
        var r = rule == "" ? RuleId : rule;
        if (m is not null)
        {
            query.Add(new("module", m));
        }

        if (a is { } agencyId)
        {
            query.Add(new("agency", agencyId.ToString()));
        }

        if (r is not null)
        {
            query.Add(new("rule", r));
        }

        query.AddRange((states ?? States).Select(s => new KeyValuePair<string, string?>("state", s.ToString())));
        query.Add(new("sort", sort ?? Sort));
        query.Add(new("order", order ?? Order));
        if (page > 1)
        {
            query.Add(new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return QueryHelpers.AddQueryString("/timescales/overdue", query);
    }

    public string SortUrl(string column) =>
        UrlWith(sort: column, order: Sort == column && Order == "asc" ? "desc" : "asc");

    public string AriaSort(string column) => Sort != column ? "none" : Order == "asc" ? "ascending" : "descending";

    public string PageUrl(int page) => UrlWith(page: page);
}
