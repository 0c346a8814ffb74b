using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Data;
using Safeguarding.Core.Returns.AnnexA;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Performance.AnnexA;

/// <summary>
/// The Ofsted Annex A lists for an inspection date as an Excel workbook, for the performance team to send
/// at the start of an inspection. The workbook lists children, so each download is recorded in the audit trail.
/// </summary>
public sealed class IndexModel(SafeguardingDbContext db, ActorContext actor, TimeProvider clock) : PageModel
{
    /// <summary>ILACS inspections began in January 2018; an earlier date is a typing mistake.</summary>
    public static readonly DateOnly FirstInspectionDate = new(2018, 1, 1);

    [BindProperty]
    [Display(Name = "Inspection date")]
    public DateOnly? InspectionDate { get; set; }

    public DateOnly Today => LondonTime.DateOf(clock.GetUtcNow());

    public IActionResult OnGet()
    {
        if (User.PartnershipId() is null)
        {
            return NotFound();
        }

        InspectionDate = Today;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.PartnershipId() is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            if (InspectionDate is not { } chosen)
            {
                ModelState.AddModelError(nameof(InspectionDate), "Enter the inspection date");
            }
            else if (chosen > Today)
            {
                ModelState.AddModelError(nameof(InspectionDate), "Inspection date must be today or in the past");
            }
            else if (chosen < FirstInspectionDate)
            {
                ModelState.AddModelError(nameof(InspectionDate), "Inspection date must be on or after 1 January 2018, when these inspections began");
            }
        }

        if (!ModelState.IsValid || InspectionDate is not { } date)
        {
            return Page();
        }

        var workbook = await new AnnexAExport(db).BuildAsync(date, cancellationToken);
        await db.RecordAccessAsync(AnnexAExport.SubjectType, DateDisplay.Iso(date), AnnexAExport.AccessPurpose, actor.Current(), cancellationToken);
        return File(workbook.Book.ToArray(), AnnexAExport.ContentType, $"ofsted-annex-a-{DateDisplay.Iso(date)}.xlsx");
    }

    /// <summary>The first day a list covers for the date on the form (today until one is chosen).</summary>
    public DateOnly From(int list) => AnnexAExport.PeriodOf(list, InspectionDate ?? Today).From;
}
