using Microsoft.AspNetCore.Mvc;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.RequestForSupport;

public sealed class HouseholdModel(RequestForSupportDrafts drafts, ActorContext actor) : DraftPage(drafts, actor)
{
    protected override string PreviousPage => JourneyLinks.Page("Children", Id);

    public string MemberLink(Guid? memberId) =>
        JourneyLinks.Page("HouseholdMember", Id) + (memberId is null ? "" : $"?member={memberId}") + (Changing ? (memberId is null ? "?" : "&") + "change=true" : "");

    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostAsync() => SaveSectionAsync(RequestForSupportSection.Household, "Concerns");

    public Task<IActionResult> OnPostRemoveAsync(Guid memberId)
    {
        Answers.Household.RemoveAll(p => p.Id == memberId);
        return SaveAsync("Household", "Household");
    }
}
