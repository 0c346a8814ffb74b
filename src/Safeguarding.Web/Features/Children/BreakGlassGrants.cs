using Safeguarding.Core.Children;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children;

/// <summary>Restricted people open to a user because they broke glass within the last few hours.</summary>
public sealed class BreakGlassGrants(RestrictedRecordAccess access, TimeProvider clock) : IRestrictedRecordGrants
{
    public Task<bool> IsGrantedAsync(Guid userId, object record) => record switch
    {
        Person person => access.IsGrantedAsync(userId, person.Id, clock.GetUtcNow()),
        _ => Task.FromResult(false),
    };
}
