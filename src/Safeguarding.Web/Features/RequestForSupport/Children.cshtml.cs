using Microsoft.AspNetCore.Mvc;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.RequestForSupport;

public sealed class ChildrenModel(RequestForSupportDrafts drafts, ActorContext actor) : DraftPage(drafts, actor)
{
    protected override string PreviousPage => JourneyLinks.Page("AboutYou", Id);

    public string ChildLink(Guid? childId) =>
        JourneyLinks.Page("Child", Id) + (childId is null ? "" : $"?child={childId}") + (Changing ? (childId is null ? "?" : "&") + "change=true" : "");

    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostAsync() => SaveSectionAsync(RequestForSupportSection.Children, "Household");

    public Task<IActionResult> OnPostRemoveAsync(Guid childId)
    {
        Answers.Children.RemoveAll(c => c.Id == childId);
        return SaveAsync("Children", "Children");
    }
}
