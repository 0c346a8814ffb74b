using Safeguarding.Core.FrontDoor;

namespace Safeguarding.Web.Features.RequestForSupport;

/// <summary>The words referrers see for each coded answer.</summary>
public static class ConcernText
{
    public static string Describe(ConcernCategory category) => category switch
    {
        ConcernCategory.Neglect => "Neglect",
        ConcernCategory.PhysicalAbuse => "Physical abuse",
        ConcernCategory.SexualAbuse => "Sexual abuse",
        ConcernCategory.EmotionalAbuse => "Emotional abuse",
        ConcernCategory.DomesticAbuse => "Domestic abuse",
        ConcernCategory.ChildSexualExploitation => "Child sexual exploitation",
        ConcernCategory.ChildCriminalExploitation => "Child criminal exploitation, including county lines",
        ConcernCategory.Missing => "Missing from home, care or education",
        ConcernCategory.Radicalisation => "Radicalisation or extremism",
        ConcernCategory.FemaleGenitalMutilation => "Female genital mutilation",
        ConcernCategory.MentalHealth => "Mental health (the child's or a carer's)",
        ConcernCategory.SubstanceMisuse => "Substance misuse (the child's or a carer's)",
        ConcernCategory.Other => "Something else",
        _ => category.ToString(),
    };

    public static string Describe(Urgency urgency) => urgency switch
    {
        Urgency.ImmediateRisk => "Immediate risk of significant harm",
        Urgency.Urgent => "Urgent",
        _ => "Not urgent",
    };

    public static string Describe(ConsentStatus consent) => consent == ConsentStatus.Obtained ? "Yes, consent was given" : "No, consent was not obtained";
}
