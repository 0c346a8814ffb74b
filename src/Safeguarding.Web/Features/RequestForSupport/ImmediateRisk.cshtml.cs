using Microsoft.Extensions.Options;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.RequestForSupport;

public sealed class ImmediateRiskModel(RequestForSupportDrafts drafts, ActorContext actor, IOptions<FrontDoorOptions> options) : DraftPage(drafts, actor)
{
    public string PhoneNumber => options.Value.PhoneNumber;

    public string OutOfHoursPhoneNumber => options.Value.OutOfHoursPhoneNumber;

    public string NextLink => JourneyLinks.Page(Changing ? "CheckAnswers" : "AboutYou", Id);

    protected override string PreviousPage => JourneyLinks.Page("Urgency", Id);

    public void OnGet()
    {
    }
}
