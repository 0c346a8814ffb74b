using Microsoft.AspNetCore.Mvc;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.RequestForSupport;

public sealed class AboutYouModel(RequestForSupportDrafts drafts, ActorContext actor) : DraftPage(drafts, actor)
{
    [BindProperty]
    public string? ReferrerName { get; set; }

    [BindProperty]
    public string? ReferrerRole { get; set; }

    [BindProperty]
    public string? ReferrerAgencyName { get; set; }

    [BindProperty]
    public string? ReferrerPhone { get; set; }

    [BindProperty]
    public string? ReferrerEmail { get; set; }

    public bool OnBehalfOfCaller => Draft.Channel == ContactChannel.Phone;

    protected override string PreviousPage => JourneyLinks.Page(Answers.Urgency == Urgency.ImmediateRisk ? "ImmediateRisk" : "Urgency", Id);

    public void OnGet() =>
        (ReferrerName, ReferrerRole, ReferrerAgencyName, ReferrerPhone, ReferrerEmail) =
        (Answers.ReferrerName, Answers.ReferrerRole, Answers.ReferrerAgencyName, Answers.ReferrerPhone, Answers.ReferrerEmail);

    public Task<IActionResult> OnPostAsync()
    {
        (Answers.ReferrerName, Answers.ReferrerRole, Answers.ReferrerAgencyName, Answers.ReferrerPhone, Answers.ReferrerEmail) =
            (ReferrerName, ReferrerRole, ReferrerAgencyName, ReferrerPhone, ReferrerEmail);
        return SaveSectionAsync(RequestForSupportSection.AboutYou, "Children");
    }
}
