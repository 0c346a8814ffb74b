using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Children;
using Safeguarding.Core.Data;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Facts;

/// <summary>
/// A page that adds one fact to a child's record: it opens the child with the same checks as the
/// record itself, and turns the service's field-keyed refusals into the page's error summary.
/// </summary>
public abstract class ChildFactPage(SafeguardingDbContext db, IAuthorizationService authorization) : PageModel
{
    public Person Child { get; private set; } = null!;

    protected SafeguardingDbContext Db => db;

    /// <summary>Null when the child can be opened; otherwise the response to give.</summary>
    protected async Task<IActionResult?> OpenChildAsync(Guid id, CancellationToken cancellationToken)
    {
        var child = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.IsChild, cancellationToken);
        if (child is null)
        {
            return NotFound();
        }

        if (child.MergedIntoId is not null)
        {
            return RedirectToPage("/Children/Child", new { id });
        }

        if (!(await authorization.AuthorizeAsync(User, child, RecordAccessRequirement.Open)).Succeeded)
        {
            // A restricted child is opened (with a reason) on the record itself first.
            return child.IsRestricted && child.PartnershipId == User.PartnershipId() ? RedirectToPage("/Children/Child", new { id }) : Forbid();
        }

        Child = child;
        return null;
    }

    /// <summary>Shows the refusals on the page, or goes back to the record with a notice.</summary>
    protected IActionResult Outcome<T>(ChangeResult<T> result, string notice, Func<string, string>? fieldFor = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Succeeded)
        {
            TempData["Notice"] = notice;
            return RedirectToPage("/Children/Child", new { id = Child.Id });
        }

        foreach (var (field, message) in result.Errors)
        {
            ModelState.AddModelError(fieldFor?.Invoke(field) ?? field, message);
        }

        return Page();
    }

    /// <summary>The agencies of the partnership, for "issued by" and "school" choices.</summary>
    protected Task<List<AgencyChoice>> AgenciesAsync(Func<IQueryable<Agency>, IQueryable<Agency>> which, CancellationToken cancellationToken) =>
        which(db.Agencies.AsNoTracking().Where(a => a.IsActive)).OrderBy(a => a.Name).Select(a => new AgencyChoice(a.Id, a.Name)).ToListAsync(cancellationToken);
}

public sealed record AgencyChoice(Guid Id, string Name);
