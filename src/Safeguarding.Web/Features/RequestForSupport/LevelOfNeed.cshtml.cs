using Microsoft.AspNetCore.Mvc;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.RequestForSupport;

public sealed class LevelOfNeedModel(RequestForSupportDrafts drafts, ActorContext actor, LevelOfNeedGuidance guidance) : DraftPage(drafts, actor)
{
    [BindProperty]
    public Core.FrontDoor.LevelOfNeed? LevelOfNeed { get; set; }

    public IReadOnlyList<LevelOfNeedDescription> Levels => guidance.Levels;

    protected override string PreviousPage => JourneyLinks.Page("Consent", Id);

    public void OnGet() => LevelOfNeed = Answers.LevelOfNeed;

    public Task<IActionResult> OnPostAsync()
    {
        Answers.LevelOfNeed = LevelOfNeed;
        return SaveSectionAsync(RequestForSupportSection.LevelOfNeed, "Attachments");
    }
}
