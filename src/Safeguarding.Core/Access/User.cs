using Microsoft.AspNetCore.Identity;

namespace Safeguarding.Core.Access;

/// <summary>
/// A person who signs in. Identity's store types live in Microsoft.Extensions.Identity.Stores, which
/// has no dependency on the web framework, so Core can own the user without referencing ASP.NET.
/// </summary>
public sealed class User : IdentityUser<Guid>, IPartnershipOwned
{
    public required string DisplayName { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid AgencyId { get; set; }
    public string? JobTitle { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset? LastSignedInAt { get; set; }
}

public sealed class Role : IdentityRole<Guid>
{
}
