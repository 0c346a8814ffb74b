using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Children;
using Safeguarding.Core.Data;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Chronology;

public enum ChildAccessOutcome
{
    NotFound,
    Forbidden,

    /// <summary>Restricted, and the user holds no grant: show only that it is restricted.</summary>
    RestrictedNotice,
    Open,
}

/// <summary>The same check the child's record makes, for pages that show part of it.</summary>
public static class ChildAccess
{
    public static async Task<(Person? Child, ChildAccessOutcome Outcome)> CheckAsync(SafeguardingDbContext db, IAuthorizationService authorization, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        var child = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.IsChild, cancellationToken);
        if (child is null)
        {
            return (null, ChildAccessOutcome.NotFound);
        }

        if ((await authorization.AuthorizeAsync(user, child, RecordAccessRequirement.Open)).Succeeded)
        {
            return (child, ChildAccessOutcome.Open);
        }

        var restrictedOnly = child.IsRestricted && child.PartnershipId == user.PartnershipId();
        return (child, restrictedOnly ? ChildAccessOutcome.RestrictedNotice : ChildAccessOutcome.Forbidden);
    }
}
