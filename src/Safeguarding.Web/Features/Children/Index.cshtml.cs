using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Children;
using Safeguarding.Core.Data;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children;

/// <summary>Find a child by name, date of birth or NHS number.</summary>
public sealed class IndexModel(SafeguardingDbContext db, RestrictedRecordAccess restricted, TimeProvider clock) : PageModel
{
    public const int MostResults = 50;

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Family name")]
    public string? FamilyName { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Given name")]
    public string? GivenName { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Date of birth")]
    public DateOnly? DateOfBirth { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "NHS number")]
    public string? NhsNumber { get; set; }

    public bool Searched { get; private set; }

    public bool MoreThanShown { get; private set; }

    public IReadOnlyList<ChildFound> Results { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Searched = Request.Query.Count > 0;
        if (!Searched)
        {
            ModelState.Clear();
            return;
        }

        var nhsNumber = NhsNumberFormat.Normalise(NhsNumber);
        if (!string.IsNullOrWhiteSpace(NhsNumber) && nhsNumber is null)
        {
            ModelState.AddModelError(nameof(NhsNumber), "Enter a valid NHS number");
        }

        var anyCriteria = !string.IsNullOrWhiteSpace(FamilyName) || !string.IsNullOrWhiteSpace(GivenName)
            || DateOfBirth is not null || !string.IsNullOrWhiteSpace(NhsNumber);
        if (!anyCriteria && ModelState.IsValid)
        {
            ModelState.AddModelError(nameof(FamilyName), "Enter a name, date of birth or NHS number");
        }

        if (!ModelState.IsValid)
        {
            return;
        }

        var query = db.People.AsNoTracking().Where(p => p.IsChild);
        if (!string.IsNullOrWhiteSpace(FamilyName))
        {
            var family = FamilyName.Trim().ToLowerInvariant();
            query = query.Where(p => p.FamilyName.ToLower().Contains(family));
        }

        if (!string.IsNullOrWhiteSpace(GivenName))
        {
            var given = GivenName.Trim().ToLowerInvariant();
            query = query.Where(p => p.GivenName.ToLower().Contains(given));
        }

        if (DateOfBirth is { } born)
        {
            query = query.Where(p => p.DateOfBirth == born);
        }

        if (nhsNumber is not null)
        {
            query = query.Where(p => p.NhsNumber == nhsNumber);
        }

        var found = await query
            .OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ThenBy(p => p.DateOfBirth).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.DateOfBirth, p.Postcode, p.IsRestricted })
            .Take(MostResults + 1)
            .ToListAsync(cancellationToken);
        MoreThanShown = found.Count > MostResults;
        found = found.Take(MostResults).ToList();

        var granted = await restricted.GrantedAmongAsync(User.UserId() ?? Guid.Empty, found.Where(p => p.IsRestricted).Select(p => p.Id).ToList(), clock.GetUtcNow(), cancellationToken);
        Results = found
            .Select(p => p.IsRestricted && !granted.Contains(p.Id)
                ? new ChildFound(p.Id, "Restricted record", null, null, IsRestricted: true)
                : new ChildFound(p.Id, $"{p.GivenName} {p.FamilyName}", p.DateOfBirth, p.Postcode, p.IsRestricted))
            .ToList();
    }
}

/// <summary>One search result; a restricted child the user cannot open shows no identifying details.</summary>
public sealed record ChildFound(Guid Id, string Name, DateOnly? DateOfBirth, string? Postcode, bool IsRestricted);
