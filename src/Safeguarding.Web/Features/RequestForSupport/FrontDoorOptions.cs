using Safeguarding.Core.FrontDoor;

namespace Safeguarding.Web.Features.RequestForSupport;

/// <summary>The "FrontDoor" settings: how to reach the front door now, and the partnership's wording of the threshold levels.</summary>
public sealed class FrontDoorOptions
{
    public const string Section = "FrontDoor";

    /// <summary>The number a referrer rings when a child is at immediate risk (shown with 999).</summary>
    public string PhoneNumber { get; set; } = "0121 303 1888";

    public string OutOfHoursPhoneNumber { get; set; } = "0121 675 4806";

    /// <summary>Replaces the default name and guidance of any level listed.</summary>
    public List<LevelOfNeedDescription> LevelsOfNeed { get; set; } = [];
}
