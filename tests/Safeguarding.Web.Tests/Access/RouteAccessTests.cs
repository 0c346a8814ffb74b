using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Core.Access;
using Safeguarding.Web.Tests.Infrastructure;

namespace Safeguarding.Web.Tests.Access;

/// <summary>
/// Walks every route the app maps with every role and anonymously, and checks each outcome against
/// the table below. A route added without a line in the table fails the test: access is a decision
/// someone must write down, not a default.
/// </summary>
public sealed class RouteAccessTests(SafeguardingWebFactory app) : IClassFixture<SafeguardingWebFactory>
{
    private abstract record Rule(string SampleUrl);

    private sealed record Anyone(string SampleUrl) : Rule(SampleUrl);

    private sealed record SignedIn(string SampleUrl) : Rule(SampleUrl);

    private sealed record OnlyRoles(string SampleUrl, params string[] Roles) : Rule(SampleUrl);

    /// <summary>The agencies' API: an API key is the only way in; every role's session cookie gets a 401 problem, never a redirect.</summary>
    private sealed record ApiKeyOnly(string SampleUrl, string Method = "GET") : Rule(SampleUrl);

    private static readonly string[] ChildRecordRoles =
    [
        Roles.FrontDoorWorker, Roles.FrontDoorManager, Roles.AgencyResearcher, Roles.SocialWorker,
        Roles.TeamManager, Roles.ConferenceChair, Roles.PartnershipOfficer, Roles.Administrator,
    ];

    /// <summary>Practitioners who hold case information and add what their agency knows to a child's record.</summary>
    private static readonly string[] ChildContributorRoles =
    [
        Roles.FrontDoorWorker, Roles.FrontDoorManager, Roles.AgencyResearcher, Roles.SocialWorker,
        Roles.TeamManager, Roles.ConferenceChair,
    ];

    private static readonly string[] MergeRoles = [Roles.FrontDoorManager, Roles.TeamManager, Roles.Administrator];

    private static readonly string[] RequestForSupportRoles = [Roles.Referrer, Roles.AgencySafeguardingLead, Roles.FrontDoorWorker, Roles.FrontDoorManager];

    /// <summary>MASH checks: the researchers answer them, the front door asks and chases them.</summary>
    private static readonly string[] AgencyCheckRoles = [Roles.AgencyResearcher, Roles.FrontDoorWorker, Roles.FrontDoorManager];
    private static readonly string[] FrontDoorRoles = [Roles.FrontDoorWorker, Roles.FrontDoorManager];

    /// <summary>The child in need pathway: reading it, recording on it (social care), authorising and closing (team managers).</summary>
    private static readonly string[] PathwayRoles = [Roles.FrontDoorWorker, Roles.FrontDoorManager, Roles.SocialWorker, Roles.TeamManager, Roles.ConferenceChair];
    private static readonly string[] PathwayRecordRoles = [Roles.SocialWorker, Roles.TeamManager, Roles.ConferenceChair];

    /// <summary>The performance pack's aggregate figures: analysts, managers, the business unit, the board and administrators.</summary>
    private static readonly string[] PerformanceRoles =
    [
        Roles.PerformanceAnalyst, Roles.FrontDoorManager, Roles.TeamManager, Roles.ConferenceChair, Roles.PartnershipOfficer, Roles.BoardMember, Roles.Administrator,
    ];

    private static readonly string[] PerformanceSettingsRoles = [Roles.PerformanceAnalyst, Roles.Administrator];

    private const string AnyDraft = "00000000-0000-0000-0000-000000000001";

    private static readonly Dictionary<string, Rule> Expected = new(StringComparer.Ordinal)
    {
        ["/"] = new Anyone("/"),
        ["health"] = new Anyone("/health"),
        ["cookies"] = new Anyone("/cookies"),
        ["accessibility"] = new Anyone("/accessibility"),
        ["error/{statusCode:int?}"] = new Anyone("/error/400"),
        ["account/sign-in"] = new Anyone("/account/sign-in"),
        ["account/two-factor"] = new Anyone("/account/two-factor"),
        ["account/sign-out"] = new Anyone("/account/sign-out"),
        ["account/signed-out"] = new Anyone("/account/signed-out"),
        ["account/set-up-authenticator"] = new SignedIn("/account/set-up-authenticator"),
        ["demo/sign-in"] = new Anyone("/demo/sign-in"),
        ["dashboard"] = new SignedIn("/dashboard"),
        ["admin"] = new OnlyRoles("/admin", Roles.Administrator),
        ["admin/agencies"] = new OnlyRoles("/admin/agencies", Roles.Administrator),
        ["admin/agencies/create"] = new OnlyRoles("/admin/agencies/create", Roles.Administrator),
        ["admin/agencies/edit/{id:guid}"] = new OnlyRoles("/admin/agencies/edit/{agency}", Roles.Administrator),
        ["admin/users"] = new OnlyRoles("/admin/users", Roles.Administrator),
        ["admin/users/create"] = new OnlyRoles("/admin/users/create", Roles.Administrator),
        ["admin/users/edit/{id:guid}"] = new OnlyRoles("/admin/users/edit/{user}", Roles.Administrator),
        ["admin/audit"] = new OnlyRoles("/admin/audit", Roles.Administrator),
        ["admin/api-keys"] = new OnlyRoles("/admin/api-keys", Roles.Administrator),
        ["admin/api-keys/issue"] = new OnlyRoles("/admin/api-keys/issue", Roles.Administrator),
        ["admin/api-keys/revoke/{id:guid}"] = new OnlyRoles("/admin/api-keys/revoke/{api-key}", Roles.Administrator),
        ["openapi/{documentName}.json"] = new Anyone("/openapi/v1.json"),
        ["api/v1/requests-for-support"] = new ApiKeyOnly("/api/v1/requests-for-support", "POST"),
        ["api/v1/requests-for-support/{reference}"] = new ApiKeyOnly("/api/v1/requests-for-support/RFS-2026-000001"),
        ["dev/mailbox"] = new OnlyRoles("/dev/mailbox", Roles.Administrator),
        ["timescales"] = new OnlyRoles("/timescales", [.. Roles.All.Except([Roles.Referrer, Roles.BoardMember])]),
        ["timescales/overdue"] = new OnlyRoles("/timescales/overdue", [.. Roles.All.Except([Roles.Referrer, Roles.BoardMember])]),
        ["timescales/rules"] = new OnlyRoles("/timescales/rules", Roles.Administrator),
        ["timescales/rules/override/{ruleId}"] = new OnlyRoles("/timescales/rules/override/LR-1", Roles.Administrator),
        ["timescales/bank-holidays"] = new OnlyRoles("/timescales/bank-holidays", Roles.Administrator),
        ["timescales/bank-holidays/change"] = new OnlyRoles("/timescales/bank-holidays/change", Roles.Administrator),
        ["learning/serious-incidents"] = new OnlyRoles("/learning/serious-incidents", Roles.PartnershipOfficer, Roles.Administrator),
        ["learning/serious-incidents/record"] = new OnlyRoles("/learning/serious-incidents/record", Roles.PartnershipOfficer, Roles.Administrator),
        ["performance"] = new OnlyRoles("/performance", PerformanceRoles),
        ["performance/pack"] = new OnlyRoles("/performance/pack", PerformanceRoles),
        ["performance/pack/download"] = new OnlyRoles("/performance/pack/download?format=csv", PerformanceRoles),
        ["performance/dashboard"] = new OnlyRoles("/performance/dashboard", PerformanceRoles),
        ["performance/records/{code}"] = new OnlyRoles("/performance/records/kpi3", Roles.PerformanceAnalyst, Roles.FrontDoorManager, Roles.TeamManager),
        ["performance/commentary/{code}"] = new OnlyRoles("/performance/commentary/kpi3", Roles.PerformanceAnalyst, Roles.FrontDoorManager, Roles.TeamManager),
        ["performance/annex-a"] = new OnlyRoles("/performance/annex-a", Roles.PerformanceAnalyst, Roles.FrontDoorManager, Roles.TeamManager),
        ["performance/returns"] = new OnlyRoles("/performance/returns", Roles.PerformanceAnalyst, Roles.FrontDoorManager, Roles.TeamManager),
        ["performance/returns/upload"] = new OnlyRoles("/performance/returns/upload", Roles.PerformanceAnalyst, Roles.FrontDoorManager, Roles.TeamManager),
        ["performance/sign-off"] = new OnlyRoles("/performance/sign-off", Roles.FrontDoorManager, Roles.TeamManager),
        ["children"] = new OnlyRoles("/children", ChildRecordRoles),
        ["agency-checks"] = new OnlyRoles("/agency-checks", AgencyCheckRoles),
        ["agency-checks/{id:guid}"] = new OnlyRoles("/agency-checks/{police-check}", AgencyCheckRoles),
        ["front-door/contacts/{id:guid}/agency-checks/new"] = new OnlyRoles("/front-door/contacts/{contact}/agency-checks/new", Roles.FrontDoorWorker, Roles.FrontDoorManager),
        ["children/{id:guid}"] = new OnlyRoles("/children/{child}", ChildRecordRoles),
        ["children/{id:guid}/names/add"] = new OnlyRoles("/children/{child}/names/add", ChildContributorRoles),
        ["children/{id:guid}/identifiers/add"] = new OnlyRoles("/children/{child}/identifiers/add", ChildContributorRoles),
        ["children/{id:guid}/addresses/add"] = new OnlyRoles("/children/{child}/addresses/add", ChildContributorRoles),
        ["children/{id:guid}/schools/add"] = new OnlyRoles("/children/{child}/schools/add", ChildContributorRoles),
        ["children/match"] = new OnlyRoles("/children/match", ChildRecordRoles),

        // Only the record's owner and administrators; no demo user owns the sample child.
        ["children/{id:guid}/access"] = new OnlyRoles("/children/{child}/access", Roles.Administrator),
        ["children/{id:guid}/merge"] = new OnlyRoles("/children/{child}/merge", MergeRoles),
        ["children/{id:guid}/merge/{otherId:guid}"] = new OnlyRoles("/children/{child}/merge/{other-child}", MergeRoles),
        ["children/{id:guid}/merges"] = new OnlyRoles("/children/{child}/merges", MergeRoles),
        ["children/{id:guid}/merges/{mergeId:guid}/unmerge"] = new OnlyRoles("/children/{merge}/unmerge", MergeRoles),
        ["children/{id:guid}/chronology"] = new OnlyRoles("/children/{child}/chronology", ChildRecordRoles),
        ["children/{id:guid}/chronology/add"] = new OnlyRoles("/children/{child}/chronology/add", [.. ChildRecordRoles.Except([Roles.PartnershipOfficer, Roles.Administrator])]),
        ["children/{child:guid}/pathway"] = new OnlyRoles("/children/{child}/pathway", PathwayRoles),
        ["children/{child:guid}/pathway/referrals/new"] = new OnlyRoles("/children/{child}/pathway/referrals/new", PathwayRecordRoles),
        ["children/{child:guid}/pathway/referrals/check-answers"] = new OnlyRoles("/children/{child}/pathway/referrals/check-answers?date=2026-01-05&source=1A&need=", PathwayRecordRoles),
        ["children/{child:guid}/pathway/episodes/{episode:guid}/assessments/new"] = new OnlyRoles("/children/{child}/pathway/episodes/{episode}/assessments/new", PathwayRecordRoles),
        ["children/{child:guid}/pathway/assessments/{assessment:guid}/allocate"] = new OnlyRoles("/children/{child}/pathway/assessments/{assessment}/allocate", PathwayRecordRoles),
        ["children/{child:guid}/pathway/assessments/{assessment:guid}/visit"] = new OnlyRoles("/children/{child}/pathway/assessments/{assessment}/visit", PathwayRecordRoles),
        ["children/{child:guid}/pathway/assessments/{assessment:guid}/authorise"] = new OnlyRoles("/children/{child}/pathway/assessments/{assessment}/authorise", Roles.TeamManager),
        ["children/{child:guid}/pathway/episodes/{episode:guid}/cin-plans/new"] = new OnlyRoles("/children/{child}/pathway/episodes/{episode}/cin-plans/new", PathwayRecordRoles),
        ["children/{child:guid}/pathway/cin-plans/{plan:guid}/end"] = new OnlyRoles("/children/{child}/pathway/cin-plans/{cin-plan}/end", PathwayRecordRoles),
        ["children/{child:guid}/pathway/episodes/{episode:guid}/close"] = new OnlyRoles("/children/{child}/pathway/episodes/{episode}/close", Roles.TeamManager),
        ["children/{child:guid}/pathway/episodes/{episode:guid}/close/check-answers"] = new OnlyRoles("/children/{child}/pathway/episodes/{episode}/close/check-answers?date=2026-01-05&reason=RC7&version=0", Roles.TeamManager),
        ["request-for-support"] = new OnlyRoles("/request-for-support", RequestForSupportRoles),
        ["request-for-support/start"] = new OnlyRoles("/request-for-support/start", RequestForSupportRoles),
        ["request-for-support/confirmation/{id:guid}"] = new OnlyRoles("/request-for-support/confirmation/" + AnyDraft, RequestForSupportRoles),
        ["request-for-support/urgency/{id:guid}"] = new OnlyRoles("/request-for-support/urgency/" + AnyDraft, RequestForSupportRoles),
        ["request-for-support/immediate-risk/{id:guid}"] = new OnlyRoles("/request-for-support/immediate-risk/" + AnyDraft, RequestForSupportRoles),
        ["request-for-support/about-you/{id:guid}"] = new OnlyRoles("/request-for-support/about-you/" + AnyDraft, RequestForSupportRoles),
        ["request-for-support/children/{id:guid}"] = new OnlyRoles("/request-for-support/children/" + AnyDraft, RequestForSupportRoles),
        ["request-for-support/child/{id:guid}"] = new OnlyRoles("/request-for-support/child/" + AnyDraft, RequestForSupportRoles),
        ["request-for-support/household/{id:guid}"] = new OnlyRoles("/request-for-support/household/" + AnyDraft, RequestForSupportRoles),
        ["request-for-support/household-member/{id:guid}"] = new OnlyRoles("/request-for-support/household-member/" + AnyDraft, RequestForSupportRoles),
        ["request-for-support/concerns/{id:guid}"] = new OnlyRoles("/request-for-support/concerns/" + AnyDraft, RequestForSupportRoles),
        ["request-for-support/childs-voice/{id:guid}"] = new OnlyRoles("/request-for-support/childs-voice/" + AnyDraft, RequestForSupportRoles),
        ["request-for-support/what-has-been-tried/{id:guid}"] = new OnlyRoles("/request-for-support/what-has-been-tried/" + AnyDraft, RequestForSupportRoles),
        ["request-for-support/consent/{id:guid}"] = new OnlyRoles("/request-for-support/consent/" + AnyDraft, RequestForSupportRoles),
        ["request-for-support/level-of-need/{id:guid}"] = new OnlyRoles("/request-for-support/level-of-need/" + AnyDraft, RequestForSupportRoles),
        ["request-for-support/attachments/{id:guid}"] = new OnlyRoles("/request-for-support/attachments/" + AnyDraft, RequestForSupportRoles),
        ["request-for-support/check-answers/{id:guid}"] = new OnlyRoles("/request-for-support/check-answers/" + AnyDraft, RequestForSupportRoles),
        ["front-door"] = new OnlyRoles("/front-door", FrontDoorRoles),
        ["front-door/contacts/{id:guid}"] = new OnlyRoles("/front-door/contacts/" + AnyDraft, FrontDoorRoles),
        ["front-door/contacts/{id:guid}/consent"] = new OnlyRoles("/front-door/contacts/" + AnyDraft + "/consent", FrontDoorRoles),
        ["front-door/contacts/{id:guid}/children/{childId:guid}"] = new OnlyRoles("/front-door/contacts/" + AnyDraft + "/children/" + AnyDraft, FrontDoorRoles),
        ["front-door/contacts/{id:guid}/decision"] = new OnlyRoles("/front-door/contacts/" + AnyDraft + "/decision", Roles.FrontDoorManager),
        ["learning/serious-incidents/details/{id:guid}"] = new OnlyRoles("/learning/serious-incidents/details/{incident}", Roles.PartnershipOfficer, Roles.Administrator),

        // Child protection route (pathway part B): social care records, conference chairs too.
        ["children/{child:guid}/pathway/episodes/{episode:guid}/strategy-discussions/new"] = new OnlyRoles("/children/{child}/pathway/episodes/{cp-episode}/strategy-discussions/new", PathwayRecordRoles),
        ["children/{child:guid}/pathway/section-47/{enquiry:guid}/outcome"] = new OnlyRoles("/children/{child}/pathway/section-47/{cp-enquiry}/outcome", PathwayRecordRoles),
        ["children/{child:guid}/pathway/section-47/{enquiry:guid}/initial-conference"] = new OnlyRoles("/children/{child}/pathway/section-47/{cp-enquiry}/initial-conference", PathwayRecordRoles),
        ["children/{child:guid}/pathway/section-47/{enquiry:guid}/initial-conference/check-answers"] = new OnlyRoles("/children/{child}/pathway/section-47/{cp-enquiry}/initial-conference/check-answers", PathwayRecordRoles),
        ["children/{child:guid}/pathway/cp-plans/{plan:guid}/review-conference"] = new OnlyRoles("/children/{child}/pathway/cp-plans/{cp-plan}/review-conference", PathwayRecordRoles),
        ["children/{child:guid}/pathway/cp-plans/{plan:guid}/core-groups/new"] = new OnlyRoles("/children/{child}/pathway/cp-plans/{cp-plan}/core-groups/new", PathwayRecordRoles),

        // Looked after: the child's periods of care are read with the pathway; social care records them.
        ["children/{child:guid}/pathway/care"] = new OnlyRoles("/children/{child}/pathway/care", PathwayRoles),
        ["children/{child:guid}/pathway/care/start"] = new OnlyRoles("/children/{child}/pathway/care/start", PathwayRecordRoles),
        ["children/{child:guid}/pathway/care/start/check-answers"] = new OnlyRoles("/children/{child}/pathway/care/start/check-answers", PathwayRecordRoles),
        ["children/{child:guid}/pathway/care/{period:guid}/change"] = new OnlyRoles("/children/{child}/pathway/care/{care-period}/change", PathwayRecordRoles),
        ["children/{child:guid}/pathway/care/{period:guid}/end"] = new OnlyRoles("/children/{child}/pathway/care/{care-period}/end", PathwayRecordRoles),
        ["children/{child:guid}/pathway/care/{period:guid}/reviews/new"] = new OnlyRoles("/children/{child}/pathway/care/{care-period}/reviews/new", PathwayRecordRoles),
        // Looked-after children (issue 6): missing episodes, care leavers and adoption; read on the pathway, recorded by social care.
        ["children/{child:guid}/pathway/missing"] = new OnlyRoles("/children/{child}/pathway/missing", PathwayRoles),
        ["children/{child:guid}/pathway/missing/new"] = new OnlyRoles("/children/{child}/pathway/missing/new", PathwayRecordRoles),
        ["children/{child:guid}/pathway/missing/{episode:guid}/return"] = new OnlyRoles("/children/{child}/pathway/missing/{missing-episode}/return", PathwayRecordRoles),
        ["children/{child:guid}/pathway/missing/{episode:guid}/interview"] = new OnlyRoles("/children/{child}/pathway/missing/{missing-episode}/interview", PathwayRecordRoles),
        ["children/{child:guid}/pathway/leaving-care"] = new OnlyRoles("/children/{child}/pathway/leaving-care", PathwayRoles),
        ["children/{child:guid}/pathway/leaving-care/record"] = new OnlyRoles("/children/{child}/pathway/leaving-care/record", PathwayRecordRoles),
        ["children/{child:guid}/pathway/care/{period:guid}/adoption"] = new OnlyRoles("/children/{child}/pathway/care/{adoption-period}/adoption", PathwayRoles),

        // Early help (issue 6): read on the pathway, recorded by social care like the other pathway pages.
        ["children/{child:guid}/pathway/early-help"] = new OnlyRoles("/children/{child}/pathway/early-help", PathwayRoles),
        ["children/{child:guid}/pathway/early-help/start"] = new OnlyRoles("/children/{child}/pathway/early-help/start", PathwayRecordRoles),
        ["children/{child:guid}/pathway/early-help/start/check-answers"] = new OnlyRoles("/children/{child}/pathway/early-help/start/check-answers", PathwayRecordRoles),
        ["children/{child:guid}/pathway/early-help/{episode:guid}/assessment"] = new OnlyRoles("/children/{child}/pathway/early-help/{early-help}/assessment", PathwayRecordRoles),
        ["children/{child:guid}/pathway/early-help/{episode:guid}/plan"] = new OnlyRoles("/children/{child}/pathway/early-help/{early-help}/plan", PathwayRecordRoles),
        ["children/{child:guid}/pathway/early-help/{episode:guid}/plan/review"] = new OnlyRoles("/children/{child}/pathway/early-help/{early-help}/plan/review", PathwayRecordRoles),
        ["children/{child:guid}/pathway/early-help/{episode:guid}/plan/end"] = new OnlyRoles("/children/{child}/pathway/early-help/{early-help}/plan/end", PathwayRecordRoles),
        ["children/{child:guid}/pathway/early-help/{episode:guid}/step-up"] = new OnlyRoles("/children/{child}/pathway/early-help/{early-help}/step-up", PathwayRecordRoles),
        ["children/{child:guid}/pathway/early-help/{episode:guid}/close"] = new OnlyRoles("/children/{child}/pathway/early-help/{early-help}/close", PathwayRecordRoles),

        // Performance settings: analysts and administrators only (targets, comparators, population, entered figures, dashboard priorities).
        ["performance/settings"] = new OnlyRoles("/performance/settings", PerformanceSettingsRoles),
        ["performance/settings/targets/{code}"] = new OnlyRoles("/performance/settings/targets/kpi3", PerformanceSettingsRoles),
        ["performance/settings/comparators"] = new OnlyRoles("/performance/settings/comparators", PerformanceSettingsRoles),
        ["performance/settings/comparators/add"] = new OnlyRoles("/performance/settings/comparators/add", PerformanceSettingsRoles),
        ["performance/settings/comparators/import"] = new OnlyRoles("/performance/settings/comparators/import", PerformanceSettingsRoles),
        ["performance/settings/comparators/template"] = new OnlyRoles("/performance/settings/comparators/template", PerformanceSettingsRoles),
        ["performance/settings/population"] = new OnlyRoles("/performance/settings/population", PerformanceSettingsRoles),
        ["performance/settings/figures/{code}"] = new OnlyRoles("/performance/settings/figures/kpi13", PerformanceSettingsRoles),
        ["performance/settings/priorities"] = new OnlyRoles("/performance/settings/priorities", PerformanceSettingsRoles),
        ["performance/settings/priorities/add"] = new OnlyRoles("/performance/settings/priorities/add", PerformanceSettingsRoles),
        ["performance/settings/priorities/edit/{id:guid}"] = new OnlyRoles("/performance/settings/priorities/edit/{priority}", PerformanceSettingsRoles),
        ["performance/settings/priorities/delete/{id:guid}"] = new OnlyRoles("/performance/settings/priorities/delete/{priority}", PerformanceSettingsRoles),
        ["performance/settings/workforce"] = new OnlyRoles("/performance/settings/workforce", PerformanceSettingsRoles),
        ["performance/settings/workforce/add"] = new OnlyRoles("/performance/settings/workforce/add", PerformanceSettingsRoles),
        ["performance/settings/workforce/fill/{id:guid}"] = new OnlyRoles("/performance/settings/workforce/fill/{post}", PerformanceSettingsRoles),
        ["performance/settings/workforce/end/{id:guid}"] = new OnlyRoles("/performance/settings/workforce/end/{post}", PerformanceSettingsRoles),
        ["performance/settings/workforce/delete/{id:guid}"] = new OnlyRoles("/performance/settings/workforce/delete/{post}", PerformanceSettingsRoles),
        ["workforce/supervision"] = new OnlyRoles("/workforce/supervision", Roles.TeamManager),
        ["children/{child:guid}/pathway/allocation"] = new OnlyRoles("/children/{child}/pathway/allocation", PathwayRoles),
    };

    [Fact]
    public void EveryMappedRoute_HasAnAccessRule()
    {
        var mapped = MappedRoutes();

        var missing = mapped.Except(Expected.Keys).Order().ToList();
        var stale = Expected.Keys.Except(mapped).Order().ToList();

        Assert.True(missing.Count == 0, "Routes with no access rule in RouteAccessTests: " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "Access rules for routes that no longer exist: " + string.Join(", ", stale));
    }

    public static TheoryData<string> Callers() => new(Roles.All.Append("Anonymous"));

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task EveryRoute_GivesEachCaller_TheExpectedOutcome(string caller)
    {
        var client = caller == "Anonymous" ? app.CreateBrowser() : await app.SignedInAsAsync(caller);
        var failures = new List<string>();
        foreach (var route in MappedRoutes())
        {
            var rule = Expected[route];
            var url = await SampleUrlAsync(rule.SampleUrl);
            var response = await client.SendAsync(new HttpRequestMessage(rule is ApiKeyOnly api ? new HttpMethod(api.Method) : HttpMethod.Get, url));
            var actual = Classify(response);
            var expected = rule switch
            {
                Anyone => Outcome.Allowed,
                ApiKeyOnly => Outcome.ApiKeyRequired,
                SignedIn => caller == "Anonymous" ? Outcome.SignInRequired : Outcome.Allowed,
                OnlyRoles only => caller == "Anonymous" ? Outcome.SignInRequired : only.Roles.Contains(caller) ? Outcome.Allowed : Outcome.Forbidden,
                _ => throw new InvalidOperationException(),
            };
            if (actual != expected)
            {
                failures.Add($"{url}: expected {expected}, got {actual} ({(int)response.StatusCode} {response.Headers.Location})");
            }
        }

        Assert.True(failures.Count == 0, $"{caller}:\n" + string.Join("\n", failures));
    }

    private enum Outcome
    {
        Allowed,
        SignInRequired,
        Forbidden,
        ApiKeyRequired,
    }

    [Fact]
    public async Task ApiRoutes_LetTheApiKeyIn()
    {
        var client = app.CreateClient();
        foreach (var rule in Expected.Values.OfType<ApiKeyOnly>())
        {
            var request = new HttpRequestMessage(new HttpMethod(rule.Method), rule.SampleUrl);
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Safeguarding.Core.FrontDoor.AgencyApiKeys.DemoKey);
            var response = await client.SendAsync(request);
            Assert.True(response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden), $"{rule.SampleUrl}: {(int)response.StatusCode}");
        }
    }

    private static Outcome Classify(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.ToString() ?? "";
        if (response.StatusCode == HttpStatusCode.Forbidden || location.Contains("/error/403", StringComparison.Ordinal))
        {
            return Outcome.Forbidden;
        }

        if (response.StatusCode == HttpStatusCode.Unauthorized && response.Headers.WwwAuthenticate.Any(h => h.Scheme == "Bearer")
            && response.Content.Headers.ContentType?.MediaType == "application/problem+json")
        {
            return Outcome.ApiKeyRequired;
        }

        if (response.StatusCode == HttpStatusCode.Unauthorized || location.Contains("/account/sign-in?returnUrl=", StringComparison.Ordinal))
        {
            return Outcome.SignInRequired;
        }

        return Outcome.Allowed;
    }

    private List<string> MappedRoutes() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText ?? "")
            .Select(p => p.Trim('/'))
            // An Index page answers at both "folder" and "folder/index": one page, one rule.
            .Select(p => p == "index" ? "" : p.EndsWith("/index", StringComparison.Ordinal) ? p[..^"/index".Length] : p)
            .Select(p => p.Length == 0 ? "/" : p)
            .Distinct()
            .ToList();

    private async Task<string> SampleUrlAsync(string sample)
    {
        await using var db = app.NewDbContext();
        if (sample.Contains("{agency}", StringComparison.Ordinal))
        {
            sample = sample.Replace("{agency}", db.Agencies.OrderBy(a => a.Name).First().Id.ToString(), StringComparison.Ordinal);
        }

        if (sample.Contains("{incident}", StringComparison.Ordinal))
        {
            sample = sample.Replace("{incident}", (await IncidentIdAsync(db)).ToString(), StringComparison.Ordinal);
        }

        if (sample.Contains("{episode}", StringComparison.Ordinal) || sample.Contains("{assessment}", StringComparison.Ordinal) || sample.Contains("{cin-plan}", StringComparison.Ordinal))
        {
            var (episode, assessment, plan) = await PathwaySampleAsync(db);
            sample = sample.Replace("{episode}", episode.ToString(), StringComparison.Ordinal)
                .Replace("{assessment}", assessment.ToString(), StringComparison.Ordinal)
                .Replace("{cin-plan}", plan.ToString(), StringComparison.Ordinal);
        }

        if (sample.Contains("{child}", StringComparison.Ordinal))
        {
            sample = sample.Replace("{child}", db.People.Where(p => p.IsChild && !p.IsRestricted).OrderBy(p => p.Id).First().Id.ToString(), StringComparison.Ordinal);
        }

        if (sample.Contains("{other-child}", StringComparison.Ordinal))
        {
            sample = sample.Replace("{other-child}", db.People.Where(p => p.IsChild && !p.IsRestricted).OrderBy(p => p.Id).Skip(1).First().Id.ToString(), StringComparison.Ordinal);
        }

        if (sample.Contains("{merge}", StringComparison.Ordinal))
        {
            sample = sample.Replace("{merge}", await MergePathAsync(db), StringComparison.Ordinal);
        }

        if (sample.Contains("{police-check}", StringComparison.Ordinal))
        {
            // The demo researcher works for the police, so the sample is a check the police were asked.
            var police = db.Agencies.Where(a => a.Type == AgencyType.Police).OrderBy(a => a.Name).First().Id;
            sample = sample.Replace("{police-check}", db.AgencyInformationRequests.Where(r => r.AgencyId == police).OrderBy(r => r.Id).First().Id.ToString(), StringComparison.Ordinal);
        }

        if (sample.Contains("{cp-", StringComparison.Ordinal))
        {
            // The sample child's own child protection records, so each page opens as it would for real.
            var childId = db.People.Where(p => p.IsChild && !p.IsRestricted).OrderBy(p => p.Id).First().Id;
            var (episode, enquiry, plan) = await Pathway.ChildProtectionRecords.RouteSamplesAsync(db, childId);
            sample = sample.Replace("{cp-episode}", episode.ToString(), StringComparison.Ordinal)
                .Replace("{cp-enquiry}", enquiry.ToString(), StringComparison.Ordinal)
                .Replace("{cp-plan}", plan.ToString(), StringComparison.Ordinal);
        }

        if (sample.Contains("{care-period}", StringComparison.Ordinal))
        {
            // The sample child's own open period of care, so each page opens as it would for real.
            var childId = db.People.Where(p => p.IsChild && !p.IsRestricted).OrderBy(p => p.Id).First().Id;
            sample = sample.Replace("{care-period}", (await Pathway.CareRecords.RouteSampleAsync(db, childId)).ToString(), StringComparison.Ordinal);
        }

        if (sample.Contains("{missing-episode}", StringComparison.Ordinal) || sample.Contains("{adoption-period}", StringComparison.Ordinal))
        {
            // The sample child's own missing episode and care period, so each page opens as it would for real.
            var childId = db.People.Where(p => p.IsChild && !p.IsRestricted).OrderBy(p => p.Id).First().Id;
            var (episode, period) = await Pathway.LookedAfterRecords.RouteSamplesAsync(db, childId);
            sample = sample.Replace("{missing-episode}", episode.ToString(), StringComparison.Ordinal)
                .Replace("{adoption-period}", period.ToString(), StringComparison.Ordinal);
        }

        if (sample.Contains("{early-help}", StringComparison.Ordinal))
        {
            // The sample child's own open early help, so each page opens as it would for real.
            var childId = db.People.Where(p => p.IsChild && !p.IsRestricted).OrderBy(p => p.Id).First().Id;
            sample = sample.Replace("{early-help}", (await Pathway.EarlyHelpRecords.RouteSampleAsync(db, childId)).ToString(), StringComparison.Ordinal);
        }

        if (sample.Contains("{contact}", StringComparison.Ordinal))
        {
            sample = sample.Replace("{contact}", db.Contacts.OrderBy(c => c.Id).First().Id.ToString(), StringComparison.Ordinal);
        }

        if (sample.Contains("{api-key}", StringComparison.Ordinal))
        {
            sample = sample.Replace("{api-key}", db.AgencyApiKeys.IgnoreQueryFilters().OrderBy(k => k.Prefix).First().Id.ToString(), StringComparison.Ordinal);
        }

        if (sample.Contains("{priority}", StringComparison.Ordinal))
        {
            sample = sample.Replace("{priority}", (await PriorityIdAsync(db)).ToString(), StringComparison.Ordinal);
        }

        if (sample.Contains("{post}", StringComparison.Ordinal))
        {
            sample = sample.Replace("{post}", (await PostIdAsync(db)).ToString(), StringComparison.Ordinal);
        }

        if (sample.Contains("{user}", StringComparison.Ordinal))
        {
            sample = sample.Replace("{user}", db.Users.OrderBy(u => u.Email).First().Id.ToString(), StringComparison.Ordinal);
        }

        return sample;
    }

    /// <summary>"{survivor}/merges/{merge}" for a real merge, made once through the service as a manager would.</summary>
    private async Task<string> MergePathAsync(Safeguarding.Core.Data.SafeguardingDbContext db)
    {
        if (await db.PersonMerges.FirstOrDefaultAsync() is not { } merge)
        {
            var child = await TestChildren.OpenChildAsync(db, skip: 2);
            var duplicate = await TestChildren.DuplicateOfAsync(db, child);
            using var scope = app.Services.CreateScope();
            var merging = scope.ServiceProvider.GetRequiredService<Safeguarding.Core.Children.PersonMerging>();
            var context = new ProcessContext(Guid.NewGuid(), "route test", child.PartnershipId, DateTimeOffset.UtcNow);
            merge = (await merging.MergeAsync(child.Id, duplicate.Id, "Route test: the same child", child.Version, duplicate.Version, context)).Value!;
        }

        return $"{merge.SurvivorId}/merges/{merge.Id}";
    }

    /// <summary>
    /// An open episode with an assessment in progress and a CIN plan for the {child} child, recorded
    /// through the services where the demo city's history has not already given the child them.
    /// </summary>
    private async Task<(Guid Episode, Guid Assessment, Guid Plan)> PathwaySampleAsync(Safeguarding.Core.Data.SafeguardingDbContext db)
    {
        var child = await db.People.Where(p => p.IsChild && !p.IsRestricted).OrderBy(p => p.Id).FirstAsync();
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var manager = await db.Users.SingleAsync(u => u.Email == Safeguarding.SyntheticData.DemoCity.EmailFor(Roles.TeamManager));
        var context = new ProcessContext(manager.Id, manager.DisplayName, child.PartnershipId, DateTimeOffset.UtcNow);
        var today = Safeguarding.Core.Calendar.LondonTime.DateOf(context.Now);
        if (await db.CinEpisodes.AsNoTracking().FirstOrDefaultAsync(e => e.PersonId == child.Id && e.ClosureDate == null) is not { } episode)
        {
            var opened = await services.GetRequiredService<Safeguarding.Core.Pathway.ReferralRecording>().OpenAsync(new(child.Id, today, "1A", "N1"), context);
            episode = opened.Value ?? throw new InvalidOperationException(string.Join("; ", opened.Errors.Values));
        }

        async Task<long> VersionAsync() => await db.CinEpisodes.AsNoTracking().Where(e => e.Id == episode.Id).Select(e => e.Version).SingleAsync();
        if (!await db.Assessments.AnyAsync(a => a.EpisodeId == episode.Id && a.AuthorisationDate == null))
        {
            var started = await services.GetRequiredService<Safeguarding.Core.Pathway.AssessmentRecording>().StartAsync(episode.Id, await VersionAsync(), today, null, context);
            Assert.True(started.Succeeded, string.Join("; ", started.Errors.Values));
        }

        if (!await db.CinPlans.AnyAsync(p => p.EpisodeId == episode.Id && p.EndDate == null))
        {
            var planned = await services.GetRequiredService<Safeguarding.Core.Pathway.CinPlanRecording>().StartAsync(episode.Id, await VersionAsync(), today, context);
            Assert.True(planned.Succeeded, string.Join("; ", planned.Errors.Values));
        }

        var assessment = await db.Assessments.Where(a => a.EpisodeId == episode.Id && a.AuthorisationDate == null).Select(a => a.Id).FirstAsync();
        var plan = await db.CinPlans.Where(p => p.EpisodeId == episode.Id && p.EndDate == null).Select(p => p.Id).FirstAsync();
        return (episode.Id, assessment, plan);
    }

    /// <summary>A dashboard priority to open, added once through the service as an analyst would.</summary>
    private async Task<Guid> PriorityIdAsync(Safeguarding.Core.Data.SafeguardingDbContext db)
    {
        if (await db.DashboardPriorities.Where(p => p.Name == "Route test priority").Select(p => (Guid?)p.Id).FirstOrDefaultAsync() is { } existing)
        {
            return existing;
        }

        using var scope = app.Services.CreateScope();
        var priorities = scope.ServiceProvider.GetRequiredService<Safeguarding.Core.Performance.DashboardPriorities>();
        var partnershipId = await db.Partnerships.Select(p => p.Id).SingleAsync();
        var result = await priorities.AddAsync(new("Route test priority", null), ProcessContext.System(DateTimeOffset.UtcNow, "route test", partnershipId));
        return result.Value!.Id;
    }

    /// <summary>A post of the establishment (the demo city has none), added once through the service as an analyst would.</summary>
    private async Task<Guid> PostIdAsync(Safeguarding.Core.Data.SafeguardingDbContext db)
    {
        if (await db.WorkforcePosts.Where(p => p.Reference == "ROUTE-TEST").Select(p => (Guid?)p.Id).FirstOrDefaultAsync() is { } existing)
        {
            return existing;
        }

        using var scope = app.Services.CreateScope();
        var establishment = scope.ServiceProvider.GetRequiredService<Safeguarding.Core.Workforce.Establishment>();
        var partnershipId = await db.Partnerships.Select(p => p.Id).SingleAsync();
        var result = await establishment.AddPostAsync(new("ROUTE-TEST", "Route test team", Safeguarding.Core.Workforce.WorkforceRole.SocialWorker, new DateOnly(2026, 1, 1)),
            ProcessContext.System(DateTimeOffset.UtcNow, "route test", partnershipId));
        return result.Value!.Id;
    }

    /// <summary>A real notification to open, recorded once through the service as a partnership officer would.</summary>
    private async Task<Guid> IncidentIdAsync(Safeguarding.Core.Data.SafeguardingDbContext db)
    {
        if (await db.SeriousIncidentNotifications.Select(n => (Guid?)n.Id).FirstOrDefaultAsync() is { } existing)
        {
            return existing;
        }

        using var scope = app.Services.CreateScope();
        var incidents = scope.ServiceProvider.GetRequiredService<Safeguarding.Core.Learning.SeriousIncidentRegister>();
        var partnershipId = await db.Partnerships.Select(p => p.Id).SingleAsync();
        var now = DateTimeOffset.UtcNow;
        var form = new Safeguarding.Core.Learning.SeriousIncidentForm(DateOnly.FromDateTime(now.UtcDateTime).AddDays(-2), now.AddDays(-1), Safeguarding.Core.Learning.SeriousIncidentOutcome.SeriouslyHarmed, true, false, false);
        var result = await incidents.RecordAsync(form, ProcessContext.System(now, "route test", partnershipId));
        return result.Value!.Id;
    }
}
