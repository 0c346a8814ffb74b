using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.FrontDoor;

/// <summary>
/// The front door queue: open contacts, the one closest to (or furthest past) its 24-hour decision
/// first. Filtered and sorted by query string, so it works without JavaScript.
/// </summary>
public sealed class IndexModel(SafeguardingDbContext db, FrontDoorWorkspace workspace, TimeProvider clock) : PageModel
{
    public const int PageSize = 25;
    public const string Unassigned = "unassigned";
    public const string Me = "me";

    /// <summary>Decided contacts stay visible this long under "Decided recently".</summary>
    public static readonly TimeSpan DecidedRecently = TimeSpan.FromDays(7);

    public static readonly IReadOnlyList<ContactState> OpenStates =
        [ContactState.Received, ContactState.InScreening, ContactState.AwaitingInformation, ContactState.AwaitingDecision];

    [BindProperty(SupportsGet = true, Name = "view")]
    public string View { get; set; } = "open";

    [BindProperty(SupportsGet = true, Name = "state")]
    public ContactState? State { get; set; }

    [BindProperty(SupportsGet = true, Name = "concern")]
    public ConcernCategory? Concern { get; set; }

    [BindProperty(SupportsGet = true, Name = "agency")]
    public Guid? AgencyId { get; set; }

    [BindProperty(SupportsGet = true, Name = "worker")]
    public string? Worker { get; set; }

    [BindProperty(SupportsGet = true, Name = "locality")]
    public Guid? LocalityId { get; set; }

    [BindProperty(SupportsGet = true, Name = "sort")]
    public string Sort { get; set; } = "due";

    [BindProperty(SupportsGet = true, Name = "order")]
    public string Order { get; set; } = "asc";

    public int PageNumber { get; private set; } = 1;

    public IReadOnlyList<QueueRow> Rows { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Agencies { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Localities { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Workers { get; private set; } = [];

    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public bool Decided => View == "decided";

    public bool HasFilters => State is not null || Concern is not null || AgencyId is not null || Worker is not null || LocalityId is not null;

    public async Task OnGetAsync([FromQuery(Name = "page")] int page, CancellationToken cancellationToken)
    {
        Normalise();
        Agencies = (await db.Agencies.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken)).Select(a => (a.Id, a.Name)).ToList();
        Localities = (await db.Localities.AsNoTracking().OrderBy(l => l.Name).Select(l => new { l.Id, l.Name }).ToListAsync(cancellationToken)).Select(l => (l.Id, l.Name)).ToList();
        var staff = await workspace.FrontDoorStaffAsync(cancellationToken);
        Workers = staff.Select(u => (u.Id, u.DisplayName)).ToList();

        var now = clock.GetUtcNow();
        var query = db.Contacts.AsNoTracking();
        if (Decided)
        {
            var since = now - DecidedRecently;
            query = query.Where(c => c.State == ContactState.Decided && c.FirstDecidedAt >= since);
        }
        else
        {
            query = query.Where(c => c.State != ContactState.Decided);
        }

        if (State is { } state)
        {
            query = query.Where(c => c.State == state);
        }

        if (Concern is { } concern)
        {
            query = query.Where(c => c.Concerns.Any(x => x.Category == concern));
        }

        if (AgencyId is { } agencyId)
        {
            query = query.Where(c => c.ReferrerAgencyId == agencyId);
        }

        if (LocalityId is { } localityId)
        {
            query = query.Where(c => c.LocalityId == localityId);
        }

        if (Worker == Unassigned)
        {
            query = query.Where(c => c.AssignedWorkerId == null);
        }
        else if (WorkerId() is { } workerId)
        {
            query = query.Where(c => c.AssignedWorkerId == workerId);
        }

        // Open contacts are a few hundred at most, so ordering by the clock is done here.
        var found = await query
            .Select(c => new
            {
                c.Id,
                c.Reference,
                c.ReceivedAt,
                c.State,
                c.ReferrerAgencyName,
                c.AssignedWorkerId,
                c.FirstDecidedAt,
                DueAt = db.Clocks.Where(k => k.SubjectType == Contact.SubjectType && k.SubjectId == c.Id && k.RuleId == FrontDoorWorkspace.DecisionRuleId)
                    .Select(k => (DateTimeOffset?)k.DueAt).FirstOrDefault(),
                Children = c.Children.OrderBy(x => x.Position).ToList(),
                Concerns = c.Concerns.Select(x => x.Category).ToList(),
            })
            .ToListAsync(cancellationToken);
        var names = Workers.ToDictionary(w => w.Id, w => w.Name);
        var rows = found.Select(c => new QueueRow(
            c.Id, c.Reference, c.ReceivedAt, c.DueAt, c.State, c.FirstDecidedAt,
            string.Join(", ", c.Children.Select(ContactText.ChildName)),
            string.Join(", ", c.Concerns.Order().Select(RequestForSupport.ConcernText.Describe)),
            c.ReferrerAgencyName,
            c.AssignedWorkerId is { } w ? names.GetValueOrDefault(w, "Someone no longer in the front door") : null,
            ContactText.Rag(c.DueAt, now, c.State == ContactState.Decided)));
        var sorted = Sorted(rows).ToList();
        Total = sorted.Count;
        PageNumber = Math.Clamp(page, 1, PageCount);
        Rows = sorted.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
    }

    private Guid? WorkerId() => Worker == Me ? User.UserId() : Guid.TryParse(Worker, out var id) ? id : null;

    private void Normalise()
    {
        View = View == "decided" ? "decided" : "open";
        Sort = Sort is "received" or "reference" or "state" ? Sort : "due";
        Order = Order == "desc" ? "desc" : "asc";
        Worker = Worker is Unassigned or Me || Guid.TryParse(Worker, out _) ? Worker : null;
    }

    private IEnumerable<QueueRow> Sorted(IEnumerable<QueueRow> rows)
    {
        var desc = Order == "desc";
        var ordered = Sort switch
        {
            "received" => desc ? rows.OrderByDescending(r => r.ReceivedAt) : rows.OrderBy(r => r.ReceivedAt),
            "reference" => desc ? rows.OrderByDescending(r => r.Reference, StringComparer.Ordinal) : rows.OrderBy(r => r.Reference, StringComparer.Ordinal),
            "state" => desc ? rows.OrderByDescending(r => r.State) : rows.OrderBy(r => r.State),
            // No deadline sorts last: it cannot be more urgent than one that has a time.
            _ => desc ? rows.OrderByDescending(r => r.DueAt ?? DateTimeOffset.MaxValue) : rows.OrderBy(r => r.DueAt ?? DateTimeOffset.MaxValue),
        };
        return ordered.ThenBy(r => r.ReceivedAt).ThenBy(r => r.Id);
    }

    /// <summary>This page's URL with some values changed; any change goes back to page 1.</summary>
    public string UrlWith(string? view = null, string? sort = null, string? order = null, int page = 1, bool clear = false)
    {
        var query = new List<KeyValuePair<string, string?>> { new("view", view ?? View) };
        if (!clear)
        {
            Add(query, "state", State?.ToString());
            Add(query, "concern", Concern?.ToString());
            Add(query, "agency", AgencyId?.ToString());
            Add(query, "worker", Worker);
            Add(query, "locality", LocalityId?.ToString());
        }

        query.Add(new("sort", sort ?? Sort));
        query.Add(new("order", order ?? Order));
        if (page > 1)
        {
            query.Add(new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return QueryHelpers.AddQueryString("/front-door", query);
    }

    private static void Add(List<KeyValuePair<string, string?>> query, string name, string? value)
    {
        if (value is not null)
        {
            query.Add(new(name, value));
        }
    }

    public string SortUrl(string column) => UrlWith(sort: column, order: Sort == column && Order == "asc" ? "desc" : "asc");

    public string AriaSort(string column) => Sort != column ? "none" : Order == "asc" ? "ascending" : "descending";

    public string PageUrl(int page) => UrlWith(page: page);
}

public sealed record QueueRow(
    Guid Id, string Reference, DateTimeOffset ReceivedAt, DateTimeOffset? DueAt, ContactState State, DateTimeOffset? FirstDecidedAt,
    string Children, string Concerns, string ReferrerAgency, string? Worker, (string Text, string Class) Rag);
