using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;

namespace Safeguarding.Web.Features.Admin.Users;

/// <summary>What the user pages share: the agency list and how a refused change lands on the form.</summary>
public static class UserPageData
{
    public static async Task<IReadOnlyList<(Guid Id, string Name)>> AgenciesAsync(SafeguardingDbContext db, CancellationToken cancellationToken) =>
        (await db.Agencies.Where(a => a.IsActive).OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken))
            .Select(a => (a.Id, a.Name)).ToList();

    public static void AddErrors<T>(this ModelStateDictionary modelState, ChangeResult<T> result)
    {
        foreach (var (field, message) in result.Errors)
        {
            modelState.AddModelError(field.Length == 0 ? "" : $"Input.{field}", message);
        }
    }
}
