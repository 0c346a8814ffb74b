using Microsoft.AspNetCore.Mvc;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.RequestForSupport;

public sealed class ConsentModel(RequestForSupportDrafts drafts, ActorContext actor) : DraftPage(drafts, actor)
{
    [BindProperty]
    public ConsentStatus? Consent { get; set; }

    [BindProperty]
    public string? ConsentGivenBy { get; set; }

    [BindProperty]
    public string? ConsentNotObtainedReason { get; set; }

    protected override string PreviousPage => JourneyLinks.Page("WhatHasBeenTried", Id);

    public void OnGet() => (Consent, ConsentGivenBy, ConsentNotObtainedReason) = (Answers.Consent, Answers.ConsentGivenBy, Answers.ConsentNotObtainedReason);

    public Task<IActionResult> OnPostAsync()
    {
        (Answers.Consent, Answers.ConsentGivenBy, Answers.ConsentNotObtainedReason) = (Consent, ConsentGivenBy, ConsentNotObtainedReason);
        return SaveSectionAsync(RequestForSupportSection.Consent, "LevelOfNeed");
    }
}
