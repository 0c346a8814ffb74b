using Microsoft.AspNetCore.Authorization;
using Safeguarding.Core.Access;

namespace Safeguarding.Web.Access;

/// <summary>
/// The resource check every page that opens a record makes: same partnership; for agency-held
/// records, the user's own agency (or a role that sees across agencies); restricted records only
/// with an explicit grant. Pages call <c>IAuthorizationService.AuthorizeAsync(User, record, RecordAccessRequirement.Open)</c>.
/// </summary>
public sealed class RecordAccessRequirement : IAuthorizationRequirement
{
    public static readonly RecordAccessRequirement Open = new();

    /// <summary>Roles whose work spans agencies and so may open any agency's records in their partnership.</summary>
    public static readonly IReadOnlySet<string> CrossAgencyRoles = new HashSet<string>
    {
        Roles.FrontDoorWorker, Roles.FrontDoorManager, Roles.SocialWorker, Roles.TeamManager,
        Roles.ConferenceChair, Roles.PartnershipOfficer, Roles.PerformanceAnalyst,
    };
}

/// <summary>Grants for restricted records (named users, break-glass): the record module supplies them.</summary>
public interface IRestrictedRecordGrants
{
    Task<bool> IsGrantedAsync(Guid userId, object record);
}

public sealed class NoRestrictedRecordGrants : IRestrictedRecordGrants
{
    public Task<bool> IsGrantedAsync(Guid userId, object record) => Task.FromResult(false);
}

public sealed class RecordAccessHandler(IRestrictedRecordGrants grants) : AuthorizationHandler<RecordAccessRequirement, IPartnershipOwned>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, RecordAccessRequirement requirement, IPartnershipOwned resource)
    {
        var user = context.User;
        if (user.PartnershipId() != resource.PartnershipId || user.UserId() is not { } userId)
        {
            return;
        }

        if (resource is IAgencyHeldRecord held && held.AgencyId != user.AgencyId()
            && !RecordAccessRequirement.CrossAgencyRoles.Any(user.IsInRole))
        {
            return;
        }

        if (resource is IRestrictedRecord { IsRestricted: true } && !await grants.IsGrantedAsync(userId, resource))
        {
            return;
        }

        context.Succeed(requirement);
    }
}
