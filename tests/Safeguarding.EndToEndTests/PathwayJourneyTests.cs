using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;

namespace Safeguarding.EndToEndTests;

/// <summary>
/// Issue 6's journey: referral → assessment → strategy discussion → section 47 enquiry → initial
/// conference → child protection plan → review conference, recorded by a team manager from the
/// child's pathway page, axe-checked on every page and error state.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class PathwayJourneyTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task A_team_manager_records_a_child_protection_journey_from_referral_to_review_conference()
    {
        var (childId, police, socialCare, health) = await ChildAndAgenciesAsync();
        await DemoSignIn.SignInAsync(Page, Roles.TeamManager);

        await GoToAsync($"/children/{childId}/pathway");
        await AssertPageAsync("the pathway with no episode");
        await Main.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Record a referral") }).ClickAsync();
        await ClickAsync("Continue");
        await Assertions.Expect(Page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await AssertPageAsync("record a referral with nothing entered");

        await FillDateAsync("ReferralDate", 1, 9, 2026);
        await Page.Locator("select[name='ReferralSource']").SelectOptionAsync("2A");
        await Page.Locator("select[name='PrimaryNeed']").SelectOptionAsync("N1");
        await ClickAsync("Continue");
        await AssertPageAsync("check the referral");
        await ClickAsync("Record the referral");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex($"/children/{childId}/pathway$"));
        await AssertPageAsync("the pathway with the referral");

        await Main.GetByRole(AriaRole.Link, new() { Name = "Start an assessment" }).ClickAsync();
        await FillDateAsync("StartDate", 2, 9, 2026);
        await ClickAsync("Start the assessment");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex($"/children/{childId}/pathway$"));

        await Main.GetByRole(AriaRole.Link, new() { Name = "Record a strategy discussion" }).ClickAsync();

        // Enter in a field submits the discussion (and shows what is missing), not "Add another attendee".
        await Page.Locator("input[name='Attendees[0].Name']").PressAsync("Enter");
        await Assertions.Expect(Page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("input[name='Attendees[3].Name']")).ToHaveCountAsync(0);
        await AssertPageAsync("strategy discussion with nothing entered");
        await FillDateAsync("HeldOn", 3, 9, 2026);
        await Attendee(0, police, "DC Jordan Reeve", "Detective constable");
        await Attendee(1, socialCare, "Priya Shah", "Team manager");
        await Attendee(2, health, "Dr Ellen Moss", "Named GP");
        await Page.Locator("input[name='Section47Agreed'][value='true']").CheckAsync();
        await Page.Locator("textarea[name='Rationale']").FillAsync("Unexplained bruising reported by school; police and health agree the threshold for a section 47 enquiry is met.");
        await ClickAsync("Record the strategy discussion");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex($"/children/{childId}/pathway$"));
        await AssertPageAsync("the pathway with the section 47 enquiry");

        await Main.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Record the outcome") }).ClickAsync();
        await Page.Locator("input[name='Outcome'][value='ConferenceRequired']").CheckAsync();
        await FillDateAsync("OutcomeDate", 15, 9, 2026);
        await ClickAsync("Record the outcome");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex($"/children/{childId}/pathway$"));

        await Main.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Record the initial conference") }).ClickAsync();
        await FillDateAsync("HeldOn", 22, 9, 2026);
        await Page.Locator("input[name='Chair']").FillAsync("Morgan Ellis");
        await Attendance(0, police);
        await Attendance(1, socialCare);
        await Attendance(2, health);
        await Page.Locator("input[name='Decision'][value='PlanStarted']").CheckAsync();
        await ClickAsync("Continue");
        await Assertions.Expect(Page.Locator(".govuk-error-summary")).ToContainTextAsync("category");
        await AssertPageAsync("initial conference without a category");
        await Page.Locator("select[name='CategoryOfAbuse']").SelectOptionAsync("PHY");
        await ClickAsync("Continue");
        await AssertPageAsync("check the initial conference");
        await ClickAsync("Save the conference");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex($"/children/{childId}/pathway$"));
        await Assertions.Expect(Main).ToContainTextAsync("Physical abuse");
        await AssertPageAsync("the pathway with the child protection plan");

        await Main.GetByRole(AriaRole.Link, new() { Name = "Record a review conference" }).ClickAsync();
        await FillDateAsync("HeldOn", 20, 11, 2026);
        await Page.Locator("input[name='Chair']").FillAsync("Morgan Ellis");
        await Attendance(0, police);
        await Attendance(1, socialCare);
        await Page.Locator("input[name='Decision'][value='PlanContinues']").CheckAsync();
        await Page.Locator("select[name='CategoryOfAbuse']").SelectOptionAsync("NEG");
        await ClickAsync("Record the review conference");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex($"/children/{childId}/pathway$"));
        await AssertPageAsync("the pathway after the review conference");

        await using var db = Database();
        var plan = await db.ChildProtectionPlans.AsNoTracking().SingleAsync(p => p.PersonId == childId);
        Assert.Equal((new DateOnly(2026, 9, 22), "PHY", "NEG", (DateOnly?)null), (plan.StartDate, plan.InitialCategory, plan.LatestCategory, plan.EndDate));
        var enquiry = await db.Section47Enquiries.AsNoTracking().SingleAsync(s => s.PersonId == childId);
        Assert.Equal(new DateOnly(2026, 9, 24), enquiry.InitialConferenceTarget); // 15 working days after 3 September 2026
        Assert.Equal(2, await db.ChildProtectionConferences.CountAsync(c => c.PersonId == childId));
    }

    private ILocator Main => Page.Locator("main");

    private Task ClickAsync(string button) => Main.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();

    private async Task FillDateAsync(string name, int day, int month, int year)
    {
        await Page.Locator($"input[name='{name}-day']").FillAsync(day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Page.Locator($"input[name='{name}-month']").FillAsync(month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Page.Locator($"input[name='{name}-year']").FillAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task Attendee(int row, Guid agency, string name, string role)
    {
        await Page.Locator($"select[name='Attendees[{row}].AgencyId']").SelectOptionAsync(agency.ToString());
        await Page.Locator($"input[name='Attendees[{row}].Name']").FillAsync(name);
        await Page.Locator($"input[name='Attendees[{row}].Role']").FillAsync(role);
    }

    private async Task Attendance(int row, Guid agency)
    {
        await Page.Locator($"select[name='Attendance[{row}].AgencyId']").SelectOptionAsync(agency.ToString());
        await Page.Locator($"input[name='Attendance[{row}].Involvement'][value='Invited']").CheckAsync();
        await Page.Locator($"input[name='Attendance[{row}].Involvement'][value='Attended']").CheckAsync();
    }

    private SafeguardingDbContext Database() =>
        new(new DbContextOptionsBuilder<SafeguardingDbContext>().UseSqlite($"Data Source={App.DatabasePath}").Options, FixedTenantScope.AllPartnerships);

    /// <summary>A school-age child the demo city's history never referred, and the agencies around a strategy discussion.</summary>
    private async Task<(Guid Child, Guid Police, Guid SocialCare, Guid Health)> ChildAndAgenciesAsync()
    {
        await using var db = Database();
        var child = await db.People.AsNoTracking()
            .Where(p => p.IsChild && !p.IsRestricted && p.MergedIntoId == null && p.DateOfBirth < new DateOnly(2018, 1, 1) && p.DateOfBirth > new DateOnly(2012, 1, 1)
                && !db.CinEpisodes.Any(e => e.PersonId == p.Id) && !db.ChildProtectionPlans.Any(c => c.PersonId == p.Id))
            .OrderBy(p => p.FamilyName).Select(p => p.Id).Skip(7).FirstAsync();
        Guid Of(IEnumerable<Agency> agencies, params AgencyType[] types) => agencies.OrderBy(a => a.Name).First(a => types.Contains(a.Type)).Id;
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive).ToListAsync();
        return (child, Of(agencies, AgencyType.Police), Of(agencies, AgencyType.ChildrensTrust, AgencyType.LocalAuthority), Of(agencies, AgencyType.Health));
    }
}
