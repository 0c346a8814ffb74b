namespace Safeguarding.Core.FrontDoor;

/// <summary>How one Right Help, Right Time level is named and described to referrers.</summary>
public sealed record LevelOfNeedDescription(LevelOfNeed Level, string Name, string Guidance);

/// <summary>
/// The threshold levels as a partnership words them. Names and descriptors are configuration
/// (statutory-rules.md): these are the defaults, replaced from the "FrontDoor:LevelsOfNeed" settings.
/// </summary>
public sealed class LevelOfNeedGuidance
{
    public static readonly IReadOnlyList<LevelOfNeedDescription> Defaults =
    [
        new(LevelOfNeed.Universal, "Universal", "The child's needs are met by universal services such as school, the GP and the health visitor. No extra help is needed."),
        new(LevelOfNeed.Additional, "Additional (early help)", "The child has additional needs that one or more agencies can meet with an early help assessment and a team around the family."),
        new(LevelOfNeed.Complex, "Complex (multi-agency or child in need)", "The child has complex needs that need a coordinated multi-agency response, which may include a child in need assessment by children's social care."),
        new(LevelOfNeed.Significant, "Significant (child protection)", "The child is suffering, or is likely to suffer, significant harm. A statutory child protection response is needed."),
    ];

    public LevelOfNeedGuidance(IEnumerable<LevelOfNeedDescription>? configured = null)
    {
        var overrides = (configured ?? []).ToDictionary(d => d.Level);
        Levels = Defaults.Select(d => overrides.GetValueOrDefault(d.Level) ?? d).ToList();
    }

    public IReadOnlyList<LevelOfNeedDescription> Levels { get; }

    public LevelOfNeedDescription For(LevelOfNeed level) => Levels.Single(l => l.Level == level);
}
