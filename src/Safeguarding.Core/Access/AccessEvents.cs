using Safeguarding.Core.Audit;

namespace Safeguarding.Core.Access;

public sealed record AgencyCreated(Guid AgencyId, string Name, AgencyType Type, Guid? LocalityId, string? Reference) : IDomainEvent
{
    public string SubjectType => "Agency";
    public string SubjectId => AgencyId.ToString();
}

public sealed record AgencyDetails(string Name, AgencyType Type, Guid? LocalityId, string? Reference, string? Postcode, bool IsActive);

public sealed record AgencyChanged(Guid AgencyId, AgencyDetails Old, AgencyDetails New) : IDomainEvent
{
    public string SubjectType => "Agency";
    public string SubjectId => AgencyId.ToString();
}

public sealed record UserCreated(Guid UserId, string Email, Guid AgencyId, IReadOnlyList<string> Roles) : IDomainEvent
{
    public string SubjectType => "User";
    public string SubjectId => UserId.ToString();
}

public sealed record UserAccessChanged(
    Guid UserId,
    Guid OldAgencyId,
    Guid NewAgencyId,
    IReadOnlyList<string> OldRoles,
    IReadOnlyList<string> NewRoles,
    bool WasActive,
    bool IsActive) : IDomainEvent
{
    public string SubjectType => "User";
    public string SubjectId => UserId.ToString();
}

public sealed record SecondFactorReset(Guid UserId) : IDomainEvent
{
    public string SubjectType => "User";
    public string SubjectId => UserId.ToString();
}

public sealed record SecondFactorEnrolled(Guid UserId) : IDomainEvent
{
    public string SubjectType => "User";
    public string SubjectId => UserId.ToString();
}
