using Microsoft.AspNetCore.Mvc;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.RequestForSupport;

/// <summary>Adds a parent, carer or household member, or changes one (?member=id).</summary>
public sealed class HouseholdMemberModel(RequestForSupportDrafts drafts, ActorContext actor) : DraftPage(drafts, actor)
{
    [BindProperty(SupportsGet = true, Name = "member")]
    public Guid? MemberId { get; set; }

    [BindProperty]
    public HouseholdMemberAnswer Member { get; set; } = new();

    public string ListLink => JourneyLinks.Page("Household", Id, Changing);

    protected override string PreviousPage => ListLink;

    public IActionResult OnGet()
    {
        if (MemberId is { } memberId)
        {
            var existing = Answers.Household.SingleOrDefault(p => p.Id == memberId);
            if (existing is null)
            {
                return NotFound();
            }

            Member = existing;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid)
        {
            AddErrors(RequestForSupportRules.ValidateHouseholdMember(Member, Today), nameof(Member));
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Member.Id = MemberId ?? Guid.CreateVersion7();
        var index = Answers.Household.FindIndex(p => p.Id == Member.Id);
        if (index >= 0)
        {
            Answers.Household[index] = Member;
        }
        else
        {
            Answers.Household.Add(Member);
        }

        return await SaveAsync("Household", "Household");
    }
}
