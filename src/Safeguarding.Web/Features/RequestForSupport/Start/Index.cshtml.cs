using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.RequestForSupport.Start;

public sealed class IndexModel(RequestForSupportDrafts drafts, SafeguardingDbContext db, ActorContext actor, IOptions<FrontDoorOptions> options) : PageModel
{
    public string PhoneNumber => options.Value.PhoneNumber;

    /// <summary>Front door staff type in requests phoned in by professionals; the caller is the referrer.</summary>
    public bool OnBehalfOfCaller => User.IsInRole(Roles.FrontDoorWorker) || User.IsInRole(Roles.FrontDoorManager);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var answers = new RequestForSupportAnswers();
        if (!OnBehalfOfCaller)
        {
            // "About you" starts filled in from the account; the referrer confirms their role and phone.
            var userId = User.UserId();
            var me = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, cancellationToken);
            var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == me.AgencyId).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken);
            answers.ReferrerName = me.DisplayName;
            answers.ReferrerRole = me.JobTitle;
            answers.ReferrerEmail = me.Email;
            answers.ReferrerPhone = me.PhoneNumber;
            answers.ReferrerAgencyId = me.AgencyId;
            answers.ReferrerAgencyName = agency;
        }

        var draft = await drafts.StartAsync(answers, OnBehalfOfCaller ? ContactChannel.Phone : ContactChannel.Web, actor.Current(), cancellationToken);
        return Redirect(JourneyLinks.Page("Urgency", draft.Id));
    }
}
