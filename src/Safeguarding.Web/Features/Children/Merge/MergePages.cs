using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Children;
using Safeguarding.Core.Data;
using Safeguarding.Web.Access;
using Safeguarding.Web.Infrastructure;

namespace Safeguarding.Web.Features.Children.Merge;

/// <summary>What the merge pages share: who may see both records, and who changed one under them.</summary>
public static class MergePages
{
    /// <summary>A merge shows both records side by side, so the user must be able to open every one of them.</summary>
    public static async Task<bool> CanOpenAllAsync(IAuthorizationService authorization, ClaimsPrincipal user, params Person[] people)
    {
        foreach (var person in people)
        {
            if (!(await authorization.AuthorizeAsync(user, person, RecordAccessRequirement.Open)).Succeeded)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The message for a change refused because someone else changed one of the records first.</summary>
    public static async Task<string> ChangedElsewhereAsync(SafeguardingDbContext db, IEnumerable<Guid> personIds, string nothingDone, CancellationToken cancellationToken)
    {
        var subjects = personIds.Select(id => id.ToString()).ToList();
        var changedBy = await ConcurrentChanges.LastChangedByAsync(db, RestrictedRecordAccess.PersonSubjectType, subjects, cancellationToken);
        return $"{changedBy} changed these records while you were looking at them. {nothingDone} Check the records and try again";
    }

    /// <summary>The names of the schools the people attend, by school id.</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> SchoolNamesAsync(SafeguardingDbContext db, IEnumerable<Person> people, CancellationToken cancellationToken)
    {
        var ids = people.Where(p => p.SchoolId is not null).Select(p => p.SchoolId!.Value).Distinct().ToList();
        return await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
    }
}
