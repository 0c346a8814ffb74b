using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Children;
using Safeguarding.Core.Data;

namespace Safeguarding.Web.Features.Children;

/// <summary>What someone typed to find a child: any of name, date of birth and NHS number.</summary>
public sealed record ChildSearchCriteria(string? FamilyName, string? GivenName, DateOnly? DateOfBirth, string? NhsNumber)
{
    public bool Any => !string.IsNullOrWhiteSpace(FamilyName) || !string.IsNullOrWhiteSpace(GivenName)
        || DateOfBirth is not null || !string.IsNullOrWhiteSpace(NhsNumber);
}

public sealed record ChildSearchResults(IReadOnlyList<ChildFound> Children, bool MoreThanShown);

/// <summary>
/// Finding children by name, date of birth or NHS number: the /children page and the search for a
/// duplicate record both use it. Restricted children the user cannot open show no identifying details.
/// </summary>
public sealed class ChildSearch(SafeguardingDbContext db, RestrictedRecordAccess restricted, TimeProvider clock)
{
    public const int MostResults = 50;

    /// <summary>Adds an error for each criterion that cannot be searched on, keyed by the page's field names.</summary>
    public static void Validate(ChildSearchCriteria criteria, ModelStateDictionary modelState)
    {
        if (!string.IsNullOrWhiteSpace(criteria.NhsNumber) && NhsNumberFormat.Normalise(criteria.NhsNumber) is null)
        {
            modelState.AddModelError(nameof(ChildSearchCriteria.NhsNumber), "Enter a valid NHS number");
        }

        if (!criteria.Any && modelState.IsValid)
        {
            modelState.AddModelError(nameof(ChildSearchCriteria.FamilyName), "Enter a name, date of birth or NHS number");
        }
    }

    /// <param name="narrow">Further conditions, for a search among some children only.</param>
    public async Task<ChildSearchResults> FindAsync(ChildSearchCriteria criteria, Guid userId, Func<IQueryable<Person>, IQueryable<Person>>? narrow = null, CancellationToken cancellationToken = default)
    {
        var query = db.People.AsNoTracking().Where(p => p.IsChild);
        query = narrow?.Invoke(query) ?? query;
        if (!string.IsNullOrWhiteSpace(criteria.FamilyName))
        {
            var family = criteria.FamilyName.Trim().ToLowerInvariant();
            query = query.Where(p => p.FamilyName.ToLower().Contains(family));
        }

        if (!string.IsNullOrWhiteSpace(criteria.GivenName))
        {
            var given = criteria.GivenName.Trim().ToLowerInvariant();
            query = query.Where(p => p.GivenName.ToLower().Contains(given));
        }

        if (criteria.DateOfBirth is { } born)
        {
            query = query.Where(p => p.DateOfBirth == born);
        }

        if (NhsNumberFormat.Normalise(criteria.NhsNumber) is { } nhsNumber)
        {
            query = query.Where(p => p.NhsNumber == nhsNumber);
        }

        var found = await query
            .OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ThenBy(p => p.DateOfBirth).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.DateOfBirth, p.Postcode, p.IsRestricted })
            .Take(MostResults + 1)
            .ToListAsync(cancellationToken);
        var moreThanShown = found.Count > MostResults;
        found = found.Take(MostResults).ToList();

        var granted = await restricted.GrantedAmongAsync(userId, found.Where(p => p.IsRestricted).Select(p => p.Id).ToList(), clock.GetUtcNow(), cancellationToken);
        var children = found
            .Select(p => p.IsRestricted && !granted.Contains(p.Id)
                ? new ChildFound(p.Id, "Restricted record", null, null, IsRestricted: true, IsHidden: true)
                : new ChildFound(p.Id, $"{p.GivenName} {p.FamilyName}", p.DateOfBirth, p.Postcode, p.IsRestricted))
            .ToList();
        return new ChildSearchResults(children, moreThanShown);
    }
}

/// <summary>One search result; a restricted child the user cannot open shows no identifying details.</summary>
public sealed record ChildFound(Guid Id, string Name, DateOnly? DateOfBirth, string? Postcode, bool IsRestricted, bool IsHidden = false);
