using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Pathway;

/// <summary>
/// What the missing, leaving care and adoption pages add to a pathway page: whether this person may
/// record (a page anyone on the pathway may read can hold a form) and the service's refusals put on the
/// page's own fields.
/// </summary>
public abstract class LookedAfterPage : PathwayPage
{
    private readonly IAuthorizationService authorization;

    protected LookedAfterPage(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor)
        : base(db, authorization, actor) => this.authorization = authorization;

    protected async Task<bool> CanRecordAsync() => (await authorization.AuthorizeAsync(User, AccessPolicies.PathwayRecord)).Succeeded;

    /// <summary>
    /// The service's refusals on the page's fields: a stale version goes above the form (no link), and
    /// a field the service names differently (an instant the page asks as a date and a time) is renamed.
    /// </summary>
    protected void AddRefusals(IReadOnlyDictionary<string, string> errors, IReadOnlyDictionary<string, string>? fieldNames = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var renamed = new Dictionary<string, string>();
        foreach (var (field, message) in errors)
        {
            var key = field == ChildProtection.ChangedElsewhere ? "" : fieldNames is not null && fieldNames.TryGetValue(field, out var name) ? name : field;
            renamed.TryAdd(key, message);
        }

        AddErrors(renamed);
    }
}
