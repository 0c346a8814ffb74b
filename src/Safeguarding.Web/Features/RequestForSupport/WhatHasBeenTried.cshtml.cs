using Microsoft.AspNetCore.Mvc;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.RequestForSupport;

public sealed class WhatHasBeenTriedModel(RequestForSupportDrafts drafts, ActorContext actor) : DraftPage(drafts, actor)
{
    [BindProperty]
    public bool? EarlyHelpTried { get; set; }

    [BindProperty]
    public string? WhatHasBeenTried { get; set; }

    [BindProperty]
    public string? PlansInPlace { get; set; }

    protected override string PreviousPage => JourneyLinks.Page("ChildsVoice", Id);

    public void OnGet() => (EarlyHelpTried, WhatHasBeenTried, PlansInPlace) = (Answers.EarlyHelpTried, Answers.WhatHasBeenTried, Answers.PlansInPlace);

    public Task<IActionResult> OnPostAsync()
    {
        (Answers.EarlyHelpTried, Answers.WhatHasBeenTried, Answers.PlansInPlace) = (EarlyHelpTried, WhatHasBeenTried, PlansInPlace);
        return SaveSectionAsync(RequestForSupportSection.WhatHasBeenTried, "Consent");
    }
}
