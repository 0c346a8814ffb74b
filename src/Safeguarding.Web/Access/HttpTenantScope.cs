using Safeguarding.Core.Data;

namespace Safeguarding.Web.Access;

/// <summary>
/// The partnership of the signed-in user. A request with no signed-in user gets an empty partnership
/// that owns nothing, so an anonymous page that queried case data by mistake would find none.
/// </summary>
public sealed class HttpTenantScope(IHttpContextAccessor accessor) : ITenantScope
{
    public Guid? PartnershipId =>
        accessor.HttpContext is { } context
            ? context.User.PartnershipId() ?? Guid.Empty
            : null;
}
