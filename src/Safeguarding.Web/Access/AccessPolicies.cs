using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Safeguarding.Core.Access;

namespace Safeguarding.Web.Access;

/// <summary>
/// Who may use which part of the service. Everything is denied unless a rule here allows it:
/// the fallback policy needs a signed-in user (with a second factor for staff), and each module's
/// folder needs its module policy. Anonymous pages opt out one by one with [AllowAnonymous].
/// </summary>
public static class AccessPolicies
{
    public const string SignedIn = "SignedIn";
    public const string Admin = "Module:Admin";

    /// <summary>Deadlines: everyone whose work has statutory clocks (not referrers or board members, who have none).</summary>
    public const string Timescales = "Module:Timescales";

    /// <summary>Learning from serious cases: the partnership's business unit runs it.</summary>
    public const string Learning = "Module:Learning";

    /// <summary>Child records: the people who work with children's cases, not referrers, analysts, agency leads or the board.</summary>
    public const string Children = "Module:Children";

    /// <summary>
    /// Adding what an agency knows to a child's record (names, identifiers, addresses, schools): the
    /// practitioners who hold case information, not the business unit or administrators.
    /// </summary>
    public const string ChildrenContribute = "Module:Children:Contribute";

    /// <summary>The performance pack, summary and dashboard: aggregate figures, for analysts, managers, the business unit and the board.</summary>
    public const string Performance = "Module:Performance";

    /// <summary>The records behind a figure: analysts and the managers who answer for the figures.</summary>
    public const string PerformanceRecords = "Module:Performance:Records";

    /// <summary>Writing an indicator's monthly commentary: the operational managers who own the indicators, and analysts drafting for them.</summary>
    public const string PerformanceCommentary = "Module:Performance:Commentary";

    /// <summary>Signing off a month's pack: a manager.</summary>
    public const string PerformanceSignOff = "Module:Performance:SignOff";

    /// <summary>Targets, tolerances, comparators, population, entered figures and dashboard priorities: analysts and administrators.</summary>
    public const string PerformanceSettings = "Module:Performance:Settings";

    /// <summary>The roles the <see cref="Children"/> policy lets in (also: who may be named on a restricted record).</summary>
    public static readonly IReadOnlyList<string> ChildrenRoles =
    [
        Roles.FrontDoorWorker, Roles.FrontDoorManager, Roles.AgencyResearcher, Roles.SocialWorker,
        Roles.TeamManager, Roles.ConferenceChair, Roles.PartnershipOfficer, Roles.Administrator,
    ];

    /// <summary>Merging and unmerging child records: the managers who decide two records are one child, and administrators.</summary>
    public const string ChildrenMerge = "Module:Children:Merge";

    /// <summary>
    /// Asking the front door for support: referrers (a teacher, a GP), agency safeguarding leads (a
    /// school's designated lead is the usual referrer), and front door staff, who type in requests
    /// phoned in by professionals so every contact, however it arrives, is recorded the same way.
    /// </summary>
    public const string RequestForSupport = "Module:RequestForSupport";

    /// <summary>MASH checks: agency researchers answer the requests to their agency; front door staff ask and follow them.</summary>
    public const string AgencyChecks = "Module:AgencyChecks";

    /// <summary>Asking agencies for checks on a contact: front door staff only.</summary>
    public const string AgencyChecksRequest = "Module:AgencyChecks:Request";

    /// <summary>The front door workspace (MASH): its workers and managers screen and work contacts.</summary>
    public const string FrontDoor = "Module:FrontDoor";

    /// <summary>Deciding a contact (and changing a decision): front door managers only.</summary>
    public const string FrontDoorDecide = "Module:FrontDoor:Decide";

    /// <summary>Changing the partnership's rules and bank holidays.</summary>
    public const string TimescalesAdmin = "Module:Timescales:Admin";

    /// <summary>The child's journey through children's social care: read by casework roles.</summary>
    public const string Pathway = "Module:Pathway";

    /// <summary>Recording referrals, assessments, plans, strategy discussions, enquiries and conferences.</summary>
    public const string PathwayRecord = "Module:Pathway:Record";

    /// <summary>A manager's steps: authorising an assessment, closing an episode.</summary>
    public const string PathwayAuthorise = "Module:Pathway:Authorise";

    /// <summary>Signed in with a password only: enough to set up the second factor and nothing else.</summary>
    public const string AwaitingSecondFactor = "AwaitingSecondFactor";

    public static void AddSafeguardingPolicies(this AuthorizationOptions options)
    {
        var signedIn = new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .AddRequirements(new SecondFactorRequirement())
            .Build();
        options.FallbackPolicy = signedIn;
        options.DefaultPolicy = signedIn;
        options.AddPolicy(SignedIn, signedIn);
        options.AddPolicy(AwaitingSecondFactor, new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        options.AddPolicy(Admin, Module(signedIn, Roles.Administrator));
        options.AddPolicy(Timescales, Module(signedIn, Roles.All.Except([Roles.Referrer, Roles.BoardMember]).ToArray()));
        options.AddPolicy(TimescalesAdmin, Module(signedIn, Roles.Administrator));
        options.AddPolicy(Learning, Module(signedIn, Roles.PartnershipOfficer, Roles.Administrator));
        options.AddPolicy(Children, Module(signedIn, [.. ChildrenRoles]));
        options.AddPolicy(ChildrenContribute, Module(signedIn, Roles.FrontDoorWorker, Roles.FrontDoorManager, Roles.AgencyResearcher, Roles.SocialWorker,
            Roles.TeamManager, Roles.ConferenceChair));
        options.AddPolicy(ChildrenMerge, Module(signedIn, Roles.FrontDoorManager, Roles.TeamManager, Roles.Administrator));
        options.AddPolicy(AgencyChecks, Module(signedIn, Roles.AgencyResearcher, Roles.FrontDoorWorker, Roles.FrontDoorManager));
        options.AddPolicy(AgencyChecksRequest, Module(signedIn, Roles.FrontDoorWorker, Roles.FrontDoorManager));
        options.AddPolicy(FrontDoor, Module(signedIn, Roles.FrontDoorWorker, Roles.FrontDoorManager));
        options.AddPolicy(FrontDoorDecide, Module(signedIn, Roles.FrontDoorManager));
        options.AddPolicy(Pathway, Module(signedIn, Roles.FrontDoorWorker, Roles.FrontDoorManager, Roles.SocialWorker, Roles.TeamManager, Roles.ConferenceChair));
        options.AddPolicy(PathwayRecord, Module(signedIn, Roles.SocialWorker, Roles.TeamManager, Roles.ConferenceChair));
        options.AddPolicy(PathwayAuthorise, Module(signedIn, Roles.TeamManager));
        options.AddPolicy(Performance, Module(signedIn, Roles.PerformanceAnalyst, Roles.FrontDoorManager, Roles.TeamManager, Roles.ConferenceChair,
            Roles.PartnershipOfficer, Roles.BoardMember, Roles.Administrator));
        options.AddPolicy(PerformanceRecords, Module(signedIn, Roles.PerformanceAnalyst, Roles.FrontDoorManager, Roles.TeamManager));
        options.AddPolicy(PerformanceCommentary, Module(signedIn, Roles.PerformanceAnalyst, Roles.FrontDoorManager, Roles.TeamManager));
        options.AddPolicy(PerformanceSignOff, Module(signedIn, Roles.FrontDoorManager, Roles.TeamManager));
        options.AddPolicy(PerformanceSettings, Module(signedIn, Roles.PerformanceAnalyst, Roles.Administrator));
        options.AddPolicy(RequestForSupport, Module(signedIn, Roles.Referrer, Roles.AgencySafeguardingLead, Roles.FrontDoorWorker, Roles.FrontDoorManager));
    }

    /// <summary>Module policies: which roles reach each module's folder.</summary>
    public static void AuthorizeModuleFolders(this PageConventionCollection conventions)
    {
        conventions.AuthorizeFolder("/Admin", Admin);
        conventions.AuthorizeFolder("/Timescales", Timescales);
        conventions.AuthorizeFolder("/Learning", Learning);
        conventions.AuthorizeFolder("/Children", Children);
        conventions.AuthorizeFolder("/Children/Facts", ChildrenContribute);
        conventions.AuthorizeFolder("/Children/Merge", ChildrenMerge);
        conventions.AuthorizeFolder("/Children/Pathway", Pathway);
        conventions.AuthorizeFolder("/RequestForSupport", RequestForSupport);
        conventions.AuthorizeFolder("/AgencyChecks", AgencyChecks);
        conventions.AuthorizeFolder("/FrontDoor", FrontDoor);
        conventions.AuthorizeFolder("/FrontDoor/Decision", FrontDoorDecide);
        conventions.AuthorizeFolder("/Timescales/Rules", TimescalesAdmin);
        conventions.AuthorizeFolder("/Timescales/BankHolidays", TimescalesAdmin);
        conventions.AuthorizeFolder("/Performance", Performance);
        conventions.AuthorizePage("/Performance/Records", PerformanceRecords);
        // The Annex A lists name children: the same people who may see the records behind a figure.
        conventions.AuthorizeFolder("/Performance/AnnexA", PerformanceRecords);
        // Checking a return lists children's ids and links to their records.
        conventions.AuthorizeFolder("/Performance/Returns", PerformanceRecords);
        conventions.AuthorizePage("/Performance/Commentary", PerformanceCommentary);
        conventions.AuthorizePage("/Performance/SignOff", PerformanceSignOff);
        conventions.AuthorizeFolder("/Performance/Settings", PerformanceSettings);
        // Supervision is a team manager's record of their team, as authorising is.
        conventions.AuthorizeFolder("/Workforce", PathwayAuthorise);
    }

    private static AuthorizationPolicy Module(AuthorizationPolicy signedIn, params string[] roles) =>
        new AuthorizationPolicyBuilder().Combine(signedIn).RequireRole(roles).Build();
}

/// <summary>Staff roles must have completed a second factor in this session.</summary>
public sealed class SecondFactorRequirement : AuthorizationHandler<SecondFactorRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SecondFactorRequirement requirement)
    {
        if (!context.User.NeedsSecondFactor() || context.User.HasSecondFactor())
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
