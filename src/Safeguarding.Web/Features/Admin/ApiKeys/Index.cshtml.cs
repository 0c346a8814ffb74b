using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;

namespace Safeguarding.Web.Features.Admin.ApiKeys;

public sealed record ApiKeyRow(Guid Id, string Agency, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

/// <summary>The keys agencies' systems use to send Requests for Support through the API.</summary>
public sealed class IndexModel(SafeguardingDbContext db) : PageModel
{
    public IReadOnlyList<ApiKeyRow> Keys { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Keys = await (from k in db.AgencyApiKeys
                      join a in db.Agencies on k.AgencyId equals a.Id
                      orderby k.RevokedAt != null, a.Name, k.Name
                      select new ApiKeyRow(k.Id, a.Name, k.Name, k.Prefix, k.CreatedAt, k.LastUsedAt, k.RevokedAt))
            .ToListAsync(cancellationToken);
}
