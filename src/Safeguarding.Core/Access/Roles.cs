namespace Safeguarding.Core.Access;

/// <summary>The roles a user can hold. Names are stable: they are stored and used in policies.</summary>
public static class Roles
{
    public const string Referrer = nameof(Referrer);
    public const string FrontDoorWorker = nameof(FrontDoorWorker);
    public const string FrontDoorManager = nameof(FrontDoorManager);
    public const string AgencyResearcher = nameof(AgencyResearcher);
    public const string SocialWorker = nameof(SocialWorker);
    public const string TeamManager = nameof(TeamManager);
    public const string ConferenceChair = nameof(ConferenceChair);
    public const string PartnershipOfficer = nameof(PartnershipOfficer);
    public const string PerformanceAnalyst = nameof(PerformanceAnalyst);
    public const string AgencySafeguardingLead = nameof(AgencySafeguardingLead);
    public const string BoardMember = nameof(BoardMember);
    public const string Administrator = nameof(Administrator);

    public static readonly IReadOnlyList<string> All =
    [
        Referrer, FrontDoorWorker, FrontDoorManager, AgencyResearcher, SocialWorker, TeamManager,
        ConferenceChair, PartnershipOfficer, PerformanceAnalyst, AgencySafeguardingLead, BoardMember, Administrator,
    ];

    /// <summary>
    /// Roles that see case records or run the partnership must sign in with a second factor.
    /// Referrers (a teacher, a GP) only submit and follow their own requests.
    /// </summary>
    public static bool RequiresSecondFactor(string role) => role != Referrer;

    public static string Describe(string role) => role switch
    {
        Referrer => "Referrer",
        FrontDoorWorker => "Front door worker",
        FrontDoorManager => "Front door manager",
        AgencyResearcher => "Agency MASH researcher",
        SocialWorker => "Social worker",
        TeamManager => "Team manager",
        ConferenceChair => "Conference chair (IRO)",
        PartnershipOfficer => "Partnership business support",
        PerformanceAnalyst => "Performance analyst",
        AgencySafeguardingLead => "Agency safeguarding lead",
        BoardMember => "Board member (read only)",
        Administrator => "System administrator",
        _ => role,
    };
}
