using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Children;
using Safeguarding.Core.Data;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Merge;

/// <summary>Find the other record of the same child, to merge with this one.</summary>
public sealed class FindModel(SafeguardingDbContext db, ChildSearch search, IAuthorizationService authorization, ActorContext actor) : PageModel
{
    public Person? Child { get; private set; }

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

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Child = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.IsChild, cancellationToken);
        if (Child is null)
        {
            return NotFound();
        }

        if (!await MergePages.CanOpenAllAsync(authorization, User, Child))
        {
            return Forbid();
        }

        await db.RecordAccessAsync(RestrictedRecordAccess.PersonSubjectType, id.ToString(), "Find a duplicate record to merge", actor.Current(), cancellationToken);
        Searched = Request.Query.Count > 0;
        if (!Searched)
        {
            // Start from this child's own details: a duplicate usually shares most of them.
            ModelState.Clear();
            FamilyName = Child.FamilyName;
            DateOfBirth = Child.DateOfBirth;
            return Page();
        }

        var criteria = new ChildSearchCriteria(FamilyName, GivenName, DateOfBirth, NhsNumber);
        ChildSearch.Validate(criteria, ModelState);
        if (ModelState.IsValid)
        {
            // A record already merged lives in its survivor: merge with that one instead.
            (Results, MoreThanShown) = await search.FindAsync(criteria, User.UserId() ?? Guid.Empty, q => q.Where(p => p.Id != id && p.MergedIntoId == null), cancellationToken);
        }

        return Page();
    }
}
