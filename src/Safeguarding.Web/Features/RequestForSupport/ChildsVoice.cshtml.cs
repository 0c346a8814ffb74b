using Microsoft.AspNetCore.Mvc;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.RequestForSupport;

public sealed class ChildsVoiceModel(RequestForSupportDrafts drafts, ActorContext actor) : DraftPage(drafts, actor)
{
    [BindProperty]
    public string? ChildsVoice { get; set; }

    [BindProperty]
    public string? HowChildWasSeen { get; set; }

    protected override string PreviousPage => JourneyLinks.Page("Concerns", Id);

    public void OnGet() => (ChildsVoice, HowChildWasSeen) = (Answers.ChildsVoice, Answers.HowChildWasSeen);

    public Task<IActionResult> OnPostAsync()
    {
        (Answers.ChildsVoice, Answers.HowChildWasSeen) = (ChildsVoice, HowChildWasSeen);
        return SaveSectionAsync(RequestForSupportSection.ChildsVoice, "WhatHasBeenTried");
    }
}
