using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;

namespace Safeguarding.Web.Features.Admin.Users;

public sealed class IndexModel(SafeguardingDbContext db) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(Guid Id, string DisplayName, string Email, string Agency, IReadOnlyList<string> Roles, bool IsActive, bool HasSecondFactor);

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    // Razor Pages keeps "page" for the page route value, so it is read from the query string explicitly.
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var partnershipId = db.CurrentPartnershipId;
        var query = db.Users.Where(u => u.PartnershipId == partnershipId);
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = Search.Trim().ToLower();
            query = query.Where(u => u.DisplayName.ToLower().Contains(term) || u.Email!.ToLower().Contains(term));
        }

        if (!string.IsNullOrEmpty(Role) && Roles.All.Contains(Role))
        {
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Role)));
        }

        Total = await query.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        var users = await query
            .OrderBy(u => u.DisplayName)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .Select(u => new { u.Id, u.DisplayName, u.Email, Agency = db.Agencies.Where(a => a.Id == u.AgencyId).Select(a => a.Name).FirstOrDefault(), u.IsActive, u.TwoFactorEnabled })
            .ToListAsync(cancellationToken);
        var ids = users.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        Rows = users.Select(u => new Row(u.Id, u.DisplayName, u.Email!, u.Agency ?? "", roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().ToList(), u.IsActive, u.TwoFactorEnabled)).ToList();
    }

    public string PageUrl(int page) => Url.Page("Index", new { Search, Role, page })!;
}
