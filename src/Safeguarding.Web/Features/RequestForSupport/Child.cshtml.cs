using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.RequestForSupport;

/// <summary>Adds a child to the request, or changes one (?child=id).</summary>
public sealed class ChildModel(RequestForSupportDrafts drafts, ActorContext actor, SafeguardingDbContext db) : DraftPage(drafts, actor)
{
    [BindProperty(SupportsGet = true, Name = "child")]
    public Guid? ChildId { get; set; }

    [BindProperty]
    public ChildAnswer Child { get; set; } = new();

    public IReadOnlyList<SelectListItem> Schools { get; private set; } = [];

    public string ListLink => JourneyLinks.Page("Children", Id, Changing);

    protected override string PreviousPage => ListLink;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (ChildId is { } childId)
        {
            var existing = Answers.Children.SingleOrDefault(c => c.Id == childId);
            if (existing is null)
            {
                return NotFound();
            }

            Child = existing;
        }

        await LoadSchoolsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            AddErrors(RequestForSupportRules.ValidateChild(Child, Today), nameof(Child));
        }

        if (!ModelState.IsValid)
        {
            await LoadSchoolsAsync(cancellationToken);
            return Page();
        }

        Child.Id = ChildId ?? Guid.CreateVersion7();
        var index = Answers.Children.FindIndex(c => c.Id == Child.Id);
        if (index >= 0)
        {
            Answers.Children[index] = Child;
        }
        else
        {
            Answers.Children.Add(Child);
        }

        var result = await SaveAsync("Children", "Children");
        if (result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult)
        {
            await LoadSchoolsAsync(cancellationToken);
        }

        return result;
    }

    private async Task LoadSchoolsAsync(CancellationToken cancellationToken)
    {
        var schools = await db.Agencies.AsNoTracking().Where(a => a.Type == AgencyType.School && a.IsActive).OrderBy(a => a.Name)
            .Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken);
        Schools = [new SelectListItem("Choose a school or setting", ""), .. schools.Select(s => new SelectListItem(s.Name, s.Id.ToString(), s.Id == Child.SchoolAgencyId))];
    }
}
