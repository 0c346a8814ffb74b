using Microsoft.AspNetCore.Mvc;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.RequestForSupport;

public sealed class ConcernsModel(RequestForSupportDrafts drafts, ActorContext actor) : DraftPage(drafts, actor)
{
    [BindProperty]
    public List<ConcernCategory> Concerns { get; set; } = [];

    [BindProperty]
    public string? OtherConcern { get; set; }

    [BindProperty]
    public string? ConcernNarrative { get; set; }

    protected override string PreviousPage => JourneyLinks.Page("Household", Id);

    public void OnGet() => (Concerns, OtherConcern, ConcernNarrative) = (Answers.Concerns, Answers.OtherConcern, Answers.ConcernNarrative);

    public Task<IActionResult> OnPostAsync()
    {
        (Answers.Concerns, Answers.OtherConcern, Answers.ConcernNarrative) = (Concerns, OtherConcern, ConcernNarrative);
        return SaveSectionAsync(RequestForSupportSection.Concerns, "ChildsVoice");
    }
}
