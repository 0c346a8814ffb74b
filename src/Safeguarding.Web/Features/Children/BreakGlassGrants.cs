using Safeguarding.Core.Children;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children;

/// <summary>Restricted people open to a user: they are named on the record, or broke glass within the last few hours.</summary>
public sealed class BreakGlassGrants(RestrictedRecordAccess access, TimeProvider clock) : IRestrictedRecordGrants
{
    public async Task<bool> IsGrantedAsync(Guid userId, object record) => record switch
    {
        Person person => await access.IsNamedAsync(userId, person.Id) || await access.IsGrantedAsync(userId, person.Id, clock.GetUtcNow()),
        _ => false,
    };
}
