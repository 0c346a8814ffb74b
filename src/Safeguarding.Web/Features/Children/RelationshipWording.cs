using Safeguarding.Core.Children;

namespace Safeguarding.Web.Features.Children;

/// <summary>How another person stands to the child, in plain English, whichever way the link was recorded.</summary>
public static class RelationshipWording
{
    /// <summary>The link was recorded from the child: the other person is the child's parent, carer...</summary>
    public static string ToTheChild(RelationshipType type) => type switch
    {
        RelationshipType.Parent => "Parent",
        RelationshipType.Carer => "Carer",
        RelationshipType.Sibling => "Brother or sister",
        RelationshipType.HouseholdMember => "Lives in the same household",
        RelationshipType.PartnerOfParent => "Partner of a parent",
        _ => type.ToString(),
    };

    /// <summary>The link was recorded from the other person: the child is their parent, carer...</summary>
    public static string FromTheChild(RelationshipType type) => type switch
    {
        RelationshipType.Parent => "Their child",
        RelationshipType.Carer => "Someone they care for",
        RelationshipType.Sibling => "Brother or sister",
        RelationshipType.HouseholdMember => "Lives in the same household",
        RelationshipType.PartnerOfParent => "Child of their partner",
        _ => type.ToString(),
    };
}
