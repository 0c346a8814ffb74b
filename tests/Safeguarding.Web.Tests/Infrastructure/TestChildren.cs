using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Children;
using Safeguarding.Core.Data;

namespace Safeguarding.Web.Tests.Infrastructure;

/// <summary>Children the demo city cannot be relied on to have: a second record of the same child.</summary>
public static class TestChildren
{
    /// <summary>An open (unrestricted, unmerged) child with a date of birth and an NHS number.</summary>
    public static Task<Person> OpenChildAsync(SafeguardingDbContext db, int skip = 0) =>
        db.People.AsNoTracking()
            .Where(p => p.IsChild && !p.IsRestricted && p.MergedIntoId == null && p.DateOfBirth != null && p.NhsNumber != null)
            .OrderBy(p => p.Id).Skip(skip).FirstAsync();

    /// <summary>
    /// An open child the demo city's ten years of history never referred to social care, so a test
    /// can give them an episode and a plan of its own without meeting one the city made.
    /// </summary>
    public static Task<Person> WithoutPathwayAsync(SafeguardingDbContext db, int skip = 0) =>
        db.People.AsNoTracking()
            .Where(p => p.IsChild && !p.IsRestricted && p.MergedIntoId == null && p.DateOfBirth != null && p.NhsNumber != null
                && !db.CinEpisodes.Any(e => e.PersonId == p.Id) && !db.ChildProtectionPlans.Any(c => c.PersonId == p.Id))
            .OrderBy(p => p.Id).Skip(skip).FirstAsync();

    /// <summary>A second record of the child, as another agency might have made it: same name and date of birth, its own NHS number or none.</summary>
    public static async Task<Person> DuplicateOfAsync(SafeguardingDbContext db, Person child, string? nhsNumber = null, string actor = "test set-up")
    {
        var duplicate = new Person
        {
            Id = Guid.NewGuid(),
            PartnershipId = child.PartnershipId,
            GivenName = child.GivenName,
            FamilyName = child.FamilyName,
            DateOfBirth = child.DateOfBirth,
            NhsNumber = nhsNumber,
            Postcode = child.Postcode,
            IsChild = child.IsChild,
        };
        db.People.Add(duplicate);
        db.Record(new RecordedForTest(duplicate.Id), new ProcessContext(null, actor, child.PartnershipId, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return duplicate;
    }

    /// <summary>Test data set-up only.</summary>
    public sealed record RecordedForTest(Guid PersonId) : IDomainEvent
    {
        public string SubjectType => "Person";

        public string SubjectId => PersonId.ToString();
    }
}
