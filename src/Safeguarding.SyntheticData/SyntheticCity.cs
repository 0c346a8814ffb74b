using Safeguarding.Core.Access;
using Safeguarding.Core.Children;

namespace Safeguarding.SyntheticData;

public enum SchoolPhase
{
    Nursery,
    Primary,
    Secondary,
    AllThrough,
    Special,
    SixteenPlus,
}

/// <summary>A user and one role they hold (written as an IdentityUserRole link once role ids are known).</summary>
public sealed record StaffRoleAssignment(Guid UserId, string Role);

/// <summary>
/// A generated city, not yet saved: plain entities with their identifiers already set, in the order
/// they can be inserted (nothing refers forward).
/// </summary>
public sealed class SyntheticCity
{
    public required CitySpec Spec { get; init; }
    public required Partnership Partnership { get; init; }
    public required IReadOnlyList<Locality> Localities { get; init; }
    public required IReadOnlyList<Agency> Agencies { get; init; }

    /// <summary>The phase of each school (Agency has no phase field yet).</summary>
    public required IReadOnlyDictionary<Guid, SchoolPhase> SchoolPhases { get; init; }

    /// <summary>Every user: the demo users first (one per role, in <see cref="Roles.All"/> order), then staff.</summary>
    public required IReadOnlyList<User> Users { get; init; }
    public required IReadOnlyList<StaffRoleAssignment> UserRoles { get; init; }

    /// <summary>Children first (exactly <see cref="CitySpec.Children"/> of them), then the adults around them.</summary>
    public required IReadOnlyList<Person> People { get; init; }
    public required IReadOnlyList<PersonRelationship> Relationships { get; init; }
    public required int HouseholdCount { get; init; }

    /// <summary>The made-up history of some of the children (see <see cref="ChronologyGenerator"/>).</summary>
    public IReadOnlyList<Core.Chronology.ChronologyEntry> ChronologyEntries { get; init; } = [];

    /// <summary>The front door's last twelve months (see <see cref="ContactGenerator"/>).</summary>
    public SyntheticContacts Contacts { get; init; } = SyntheticContacts.Empty;

    /// <summary>Children in need episodes and everything on them over <see cref="CitySpec.Years"/> (see <see cref="PathwayGenerator"/>).</summary>
    public SyntheticPathway Pathway { get; init; } = SyntheticPathway.Empty;

    /// <summary>Children looked after over <see cref="CitySpec.Years"/>, and the young adults among them who have left care (see <see cref="LookedAfterGenerator"/>).</summary>
    public SyntheticLookedAfter LookedAfter { get; init; } = SyntheticLookedAfter.Empty;

    /// <summary>Early help episodes and Our Family Plan reviews over <see cref="CitySpec.Years"/> (see <see cref="EarlyHelpGenerator"/>).</summary>
    public SyntheticEarlyHelp EarlyHelp { get; init; } = SyntheticEarlyHelp.Empty;

    /// <summary>The social work establishment, supervisions and case allocations of the last year (see <see cref="WorkforceGenerator"/>).</summary>
    public SyntheticWorkforce Workforce { get; init; } = SyntheticWorkforce.Empty;

    /// <summary>Child population, comparators, entered figures and dashboard priorities for the KPI pack (see <see cref="PerformanceGenerator"/>).</summary>
    public SyntheticPerformance Performance { get; init; } = SyntheticPerformance.Empty;

    public IEnumerable<Person> Children => People.Where(p => p.IsChild);

    public IEnumerable<Agency> Schools => Agencies.Where(a => a.Type == AgencyType.School);

    public User DemoUser(string role) =>
        Users.Single(u => u.Email == DemoCity.EmailFor(role));
}
