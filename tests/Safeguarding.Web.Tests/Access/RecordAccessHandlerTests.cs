using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Safeguarding.Core.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Tests.Access;

/// <summary>The record-level check: partnership, agency and restricted records.</summary>
public sealed class RecordAccessHandlerTests
{
    private static readonly Guid Partnership = Guid.NewGuid();
    private static readonly Guid OwnAgency = Guid.NewGuid();

    private sealed record HeldRecord(Guid PartnershipId, Guid AgencyId) : IPartnershipOwned, IAgencyHeldRecord;

    private sealed record RestrictedRecord(Guid PartnershipId, bool IsRestricted) : IPartnershipOwned, IRestrictedRecord;

    private sealed class Grants(bool granted) : IRestrictedRecordGrants
    {
        public Task<bool> IsGrantedAsync(Guid userId, object record) => Task.FromResult(granted);
    }

    private static ClaimsPrincipal User(string role, Guid? partnership = null) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()),
            new Claim(SafeguardingClaims.Partnership, (partnership ?? Partnership).ToString()),
            new Claim(SafeguardingClaims.Agency, OwnAgency.ToString()),
            new Claim(ClaimTypes.Role, role),
        ],
        "test"));

    private static async Task<bool> CanOpenAsync(ClaimsPrincipal user, object record, bool granted = false)
    {
        var context = new AuthorizationHandlerContext([RecordAccessRequirement.Open], user, record);
        await new RecordAccessHandler(new Grants(granted)).HandleAsync(context);
        return context.HasSucceeded;
    }

    [Fact]
    public async Task ARecordOfAnotherPartnership_IsDenied_EvenToAnAdministrator() =>
        Assert.False(await CanOpenAsync(User(Roles.Administrator, Guid.NewGuid()), new HeldRecord(Partnership, OwnAgency)));

    [Fact]
    public async Task AnAgencyRecord_IsOpenToItsOwnAgency() =>
        Assert.True(await CanOpenAsync(User(Roles.AgencyResearcher), new HeldRecord(Partnership, OwnAgency)));

    [Fact]
    public async Task AnotherAgencysRecord_IsDeniedToAnAgencyRole() =>
        Assert.False(await CanOpenAsync(User(Roles.AgencyResearcher), new HeldRecord(Partnership, Guid.NewGuid())));

    [Fact]
    public async Task AnotherAgencysRecord_IsOpenToTheFrontDoor_WhichWorksAcrossAgencies() =>
        Assert.True(await CanOpenAsync(User(Roles.FrontDoorWorker), new HeldRecord(Partnership, Guid.NewGuid())));

    [Fact]
    public async Task ARestrictedRecord_IsDenied_WithoutAGrant() =>
        Assert.False(await CanOpenAsync(User(Roles.SocialWorker), new RestrictedRecord(Partnership, IsRestricted: true)));

    [Fact]
    public async Task ARestrictedRecord_IsOpen_WithAGrant() =>
        Assert.True(await CanOpenAsync(User(Roles.SocialWorker), new RestrictedRecord(Partnership, IsRestricted: true), granted: true));

    [Fact]
    public async Task AnAnonymousCaller_IsDenied() =>
        Assert.False(await CanOpenAsync(new ClaimsPrincipal(new ClaimsIdentity()), new HeldRecord(Partnership, OwnAgency)));
}
