using Safeguarding.Web.Access;

namespace Safeguarding.Web.Navigation;

/// <summary>A module of the service as it appears in the service navigation.</summary>
/// <param name="Name">The link text.</param>
/// <param name="Path">Where the module starts; pages under this path mark the module as current.</param>
/// <param name="Policy">The authorisation policy a user must satisfy to see the module.</param>
public sealed record Module(string Name, string Path, string Policy);

/// <summary>Every module, in the order the service navigation shows them.</summary>
public static class ModuleCatalogue
{
    public static readonly IReadOnlyList<Module> All =
    [
        new("Home", "/dashboard", AccessPolicies.SignedIn),
        new("Requests for support", "/request-for-support", AccessPolicies.RequestForSupport),
        new("Front door", "/front-door", AccessPolicies.FrontDoor),
        new("Children", "/children", AccessPolicies.Children),
        new("Agency checks", "/agency-checks", AccessPolicies.AgencyChecks),
        new("Deadlines", "/timescales", AccessPolicies.Timescales),
        new("Learning", "/learning/serious-incidents", AccessPolicies.Learning),
        new("Performance", "/performance", AccessPolicies.Performance),
        new("Administration", "/admin", AccessPolicies.Admin),
    ];
}
