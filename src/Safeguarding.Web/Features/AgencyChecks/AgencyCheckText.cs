using Safeguarding.Core.Access;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Web.Features.Timescales;

namespace Safeguarding.Web.Features.AgencyChecks;

/// <summary>How MASH checks read on every page: RAG tags, times and agency groups.</summary>
public static class AgencyCheckText
{
    public static readonly IReadOnlyList<RagPriority> Priorities = [RagPriority.Red, RagPriority.Amber, RagPriority.Green];

    public static string Name(RagPriority rag) => rag switch
    {
        RagPriority.Red => "Red",
        RagPriority.Amber => "Amber",
        _ => "Green",
    };

    public static string TagClass(RagPriority rag) => rag switch
    {
        RagPriority.Red => "govuk-tag--red",
        RagPriority.Amber => "govuk-tag--orange",
        _ => "govuk-tag--green",
    };

    /// <summary>Hour deadlines (red) show a time; day deadlines end with the working day.</summary>
    public static string When(DateTimeOffset instant) => TimescaleText.When(instant, withTime: true);

    public static string GroupName(AgencyType type) => type switch
    {
        AgencyType.Police => "Police",
        AgencyType.Health => "Health",
        AgencyType.School => "Education: the children's schools",
        AgencyType.LocalAuthority => "Local authority (including education)",
        AgencyType.ChildrensTrust => "Children's social care",
        AgencyType.Probation => "Probation",
        AgencyType.Housing => "Housing",
        _ => "Voluntary sector",
    };

    /// <summary>The order agencies are offered in: the usual MASH partners first.</summary>
    public static int GroupOrder(AgencyType type) => type switch
    {
        AgencyType.Police => 0,
        AgencyType.Health => 1,
        AgencyType.School => 2,
        AgencyType.LocalAuthority => 3,
        AgencyType.Probation => 4,
        AgencyType.Housing => 5,
        AgencyType.ChildrensTrust => 6,
        _ => 7,
    };
}
