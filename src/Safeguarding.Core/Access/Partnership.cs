namespace Safeguarding.Core.Access;

/// <summary>A local safeguarding children partnership: the tenant that owns every case record.</summary>
public sealed class Partnership
{
    public Guid Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string LocalAuthorityName { get; set; }
}

/// <summary>A row that belongs to one partnership; the tenant query filter applies to it.</summary>
public interface IPartnershipOwned
{
    Guid PartnershipId { get; }
}
