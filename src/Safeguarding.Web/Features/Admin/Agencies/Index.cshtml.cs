using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;

namespace Safeguarding.Web.Features.Admin.Agencies;

public sealed class IndexModel(SafeguardingDbContext db) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(Guid Id, string Name, AgencyType Type, string? Locality, string? Reference, bool IsActive);

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public AgencyType? Type { get; set; }

    // Razor Pages keeps "page" for the page route value, so it is read from the query string explicitly.
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = db.Agencies.AsQueryable();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = Search.Trim().ToLower();
            query = query.Where(a => a.Name.ToLower().Contains(term) || (a.Reference != null && a.Reference.ToLower() == term));
        }

        if (Type is { } type)
        {
            query = query.Where(a => a.Type == type);
        }

        Total = await query.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await query
            .OrderBy(a => a.Name)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .Select(a => new Row(a.Id, a.Name, a.Type, db.Localities.Where(l => l.Id == a.LocalityId).Select(l => l.Name).FirstOrDefault(), a.Reference, a.IsActive))
            .ToListAsync(cancellationToken);
    }

    public string PageUrl(int page) => Url.Page("Index", new { Search, Type, page })!;
}
