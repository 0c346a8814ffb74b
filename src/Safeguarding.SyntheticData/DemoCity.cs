using Safeguarding.Core.Access;

namespace Safeguarding.SyntheticData;

/// <summary>Who a demo user is: shown on the development sign-in page.</summary>
public sealed record DemoUserProfile(string Role, string Email, string DisplayName, string JobTitle);

/// <summary>
/// The fictional city loaded on first start in development, and its demo users (one per role).
/// Ashbridge is made up; its postcode area ZX does not exist; its NHS numbers are in the test range.
/// </summary>
public static class DemoCity
{
    /// <summary>Every demo user signs in with this password. Development and tests only.</summary>
    public const string DemoPassword = "demo-city-password-2026";

    public const string EmailDomain = "demo.safeguarding.test";
    public const string StaffEmailDomain = "staff.safeguarding.test";
    public const string CityName = "Ashbridge";
    public const string PartnershipCode = "ASCP";
    public const string PartnershipName = "Ashbridge Safeguarding Children Partnership";
    public const string LocalAuthorityName = "Ashbridge City Council";
    public const string PostcodeArea = "ZX";
    public const int DefaultSeed = 20_260_401;
    public static readonly DateOnly ReferenceDate = new(2026, 4, 1);

    public static readonly IReadOnlyList<DemoUserProfile> Users =
    [
        new(Roles.Referrer, EmailFor(Roles.Referrer), "Hannah Okafor", "Year 4 class teacher"),
        new(Roles.FrontDoorWorker, EmailFor(Roles.FrontDoorWorker), "Imran Hussain", "Front door social worker"),
        new(Roles.FrontDoorManager, EmailFor(Roles.FrontDoorManager), "Grace Mensah", "Front door (MASH) team manager"),
        new(Roles.AgencyResearcher, EmailFor(Roles.AgencyResearcher), "Tomasz Nowak", "Police MASH researcher"),
        new(Roles.SocialWorker, EmailFor(Roles.SocialWorker), "Aisha Begum", "Social worker, children in need team"),
        new(Roles.TeamManager, EmailFor(Roles.TeamManager), "Daniel Campbell", "Team manager, child protection"),
        new(Roles.ConferenceChair, EmailFor(Roles.ConferenceChair), "Mei Chen", "Independent reviewing officer and conference chair"),
        new(Roles.PartnershipOfficer, EmailFor(Roles.PartnershipOfficer), "Sarah Whitfield", "Programme officer, partnership business unit"),
        new(Roles.PerformanceAnalyst, EmailFor(Roles.PerformanceAnalyst), "Rajesh Patel", "Senior performance analyst"),
        new(Roles.AgencySafeguardingLead, EmailFor(Roles.AgencySafeguardingLead), "Niamh O'Brien", "Named nurse for safeguarding children"),
        new(Roles.BoardMember, EmailFor(Roles.BoardMember), "Yusuf Ali", "Detective Chief Superintendent, public protection"),
        new(Roles.Administrator, EmailFor(Roles.Administrator), "Chloe Edwards", "Systems administrator"),
    ];

    /// <summary>referrer@demo.safeguarding.test, front-door-worker@demo.safeguarding.test, ...</summary>
    public static string EmailFor(string role) => $"{Kebab(role)}@{EmailDomain}";

    private static string Kebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
