using Microsoft.AspNetCore.Mvc;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.RequestForSupport;

public sealed class UrgencyModel(RequestForSupportDrafts drafts, ActorContext actor) : DraftPage(drafts, actor)
{
    [BindProperty]
    public Urgency? Urgency { get; set; }

    protected override string PreviousPage => JourneyLinks.Root;

    public void OnGet() => Urgency = Answers.Urgency;

    public Task<IActionResult> OnPostAsync()
    {
        Answers.Urgency = Urgency;
        // Immediate risk is said first and loudly: the referrer must phone now, then may carry on.
        return SaveSectionAsync(RequestForSupportSection.Urgency, Urgency == Core.FrontDoor.Urgency.ImmediateRisk ? "ImmediateRisk" : "AboutYou");
    }
}
