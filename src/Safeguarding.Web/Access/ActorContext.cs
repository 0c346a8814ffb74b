using Safeguarding.Core.Access;

namespace Safeguarding.Web.Access;

/// <summary>Builds the <see cref="ProcessContext"/> for the person making the current request.</summary>
public sealed class ActorContext(IHttpContextAccessor accessor, TimeProvider clock)
{
    public ProcessContext Current(string? reason = null)
    {
        var user = accessor.HttpContext?.User;
        return user?.Identity?.IsAuthenticated == true
            ? new ProcessContext(user.UserId(), user.DisplayNameOf(), user.PartnershipId(), clock.GetUtcNow(), reason)
            : ProcessContext.System(clock.GetUtcNow(), "anonymous", reason: reason);
    }
}
