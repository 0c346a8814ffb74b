using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Children;
using Safeguarding.Core.Chronology;
using Safeguarding.Core.Data;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Chronology;

/// <summary>An agency adds what it knows to a child's chronology, always in its own name.</summary>
[Authorize(Policy = AccessPolicies.ChildrenContribute)]
public sealed class AddModel(SafeguardingDbContext db, ChildChronology chronology, IAuthorizationService authorization, ActorContext actor) : PageModel
{
    /// <summary>The types an agency may add; serious incidents come from the register.</summary>
    public static readonly IReadOnlyList<ChronologyEntryType> AgencyTypes =
        [.. Enum.GetValues<ChronologyEntryType>().Where(t => t != ChronologyEntryType.SeriousIncident)];

    public Person? Child { get; private set; }

    public string? AgencyName { get; private set; }

    // Short names on purpose: the error summary lists fields by name length, so these read in form order.
    [BindProperty]
    [Display(Name = "Date it happened")]
    public DateOnly? Date { get; set; }

    [BindProperty]
    public ChronologyEntryType? Type { get; set; }

    [BindProperty]
    public string? Summary { get; set; }

    [BindProperty]
    public bool? Significant { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } outcome)
        {
            return outcome;
        }

        if (Type is { } chosen && !AgencyTypes.Contains(chosen))
        {
            Type = null;
        }

        var form = new ChronologyEntryForm(id, Date, Type, User.AgencyId(), Summary, Significant);
        var result = await chronology.AddAsync(form, actor.Current(), cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var (field, message) in result.Errors)
            {
                var key = field switch
                {
                    nameof(ChronologyEntryForm.PersonId) or nameof(ChronologyEntryForm.AgencyId) => "",
                    nameof(ChronologyEntryForm.OccurredOn) => nameof(Date),
                    nameof(ChronologyEntryForm.IsSignificant) => nameof(Significant),
                    _ => field,
                };

                // A date the binder could not read already has its own message.
                if (ModelState[key]?.Errors.Count is not > 0)
                {
                    ModelState.AddModelError(key, message);
                }
            }

            return Page();
        }

        TempData["Notice"] = "Information added to the chronology";
        return Redirect($"/children/{id}/chronology");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var (child, outcome) = await ChildAccess.CheckAsync(db, authorization, User, id, cancellationToken);
        if (outcome == ChildAccessOutcome.NotFound)
        {
            return NotFound();
        }

        if (outcome != ChildAccessOutcome.Open)
        {
            // Restricted records are opened (with a reason) on the record itself, never here.
            return Forbid();
        }

        Child = child;
        var agencyId = User.AgencyId();
        AgencyName = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken);
        return null;
    }
}
