using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Safeguarding.Core.Access;

namespace Safeguarding.EndToEndTests;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class FrontDoorJourneyTests(AppFixture app) : BrowserTest(app)
{
    private const string PoliceAgency = "Ashbridge Police";
    private const string HealthAgency = "Ashbridge Community Healthcare NHS Trust";

    [Fact]
    public async Task A_teachers_request_is_screened_checked_with_agencies_decided_and_the_teacher_sees_the_outcome()
    {
        // A family name unique to this run, so nothing else in the demo city can be mistaken for this child.
        var familyName = "Journey" + Guid.NewGuid().ToString("N")[..8];
        var (contactId, reference) = await SubmitRequestForSupportAsync(familyName);

        var (policeCheck, healthCheck) = await ScreenAndRequestChecksAsync(contactId, reference, familyName);
        await AnswerPoliceCheckAsync(policeCheck, reference);
        await AnswerHealthCheckAsync(healthCheck);
        await DecideAsync(contactId);

        await SignInAsync(Roles.Referrer);
        await GoToAsync("/request-for-support");
        var row = Page.Locator("main tr", new() { Has = Page.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }) });
        await Assertions.Expect(row).ToContainTextAsync("A social worker will assess the child's needs");
        await AssertPageAsync("the teacher's requests with the outcome");
    }

    private async Task<(Guid ContactId, string Reference)> SubmitRequestForSupportAsync(string familyName)
    {
        await SignInAsync(Roles.Referrer);

        await GoToAsync("/request-for-support/start");
        await AssertPageAsync("start a request for support");
        await MainButton("Start now").ClickAsync();

        await ExpectStepAsync("urgency");
        await AssertPageAsync("urgency");
        await Page.GetByLabel("Urgent", new() { Exact = true }).CheckAsync();
        await SaveAndContinueAsync();

        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("About you and your organisation");
        await AssertPageAsync("about you");
        await Page.GetByLabel("Full name").FillAsync("Hannah Okafor");
        await Page.GetByLabel("Job title or role").FillAsync("Year 4 class teacher");
        await Page.GetByLabel("Organisation").FillAsync("Ashbridge Primary School");
        await Page.GetByLabel("Telephone number").FillAsync("0121 496 0000");
        await SaveAndContinueAsync();

        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("The children you are worried about");
        await AssertPageAsync("children (none yet)");
        await MainButton("Add a child").ClickAsync(); // A GOV.UK button link has the button role.

        // Saving an empty child shows the error summary: the validation error state must be accessible too.
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Details of the child");
        await AssertPageAsync("a child");
        await MainButton("Save child").ClickAsync();
        await Assertions.Expect(Page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the child's first name");
        await AssertPageAsync("a child with nothing entered");

        await Page.GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("First name", new() { Exact = true }).FillAsync("Amara");
        await Page.GetByLabel("Last name", new() { Exact = true }).FillAsync(familyName);
        var born = Page.GetByRole(AriaRole.Group, new() { Name = "Date of birth", Exact = true });
        await born.GetByLabel("Day").FillAsync("14");
        await born.GetByLabel("Month").FillAsync("6");
        await born.GetByLabel("Year").FillAsync("2017");
        await Page.GetByLabel("Female", new() { Exact = true }).CheckAsync();
        await MainButton("Save child").ClickAsync();

        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync(familyName);
        await AssertPageAsync("children (one added)");
        await SaveAndContinueAsync();

        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Parents, carers and household");
        await AssertPageAsync("household");
        await SaveAndContinueAsync();

        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("What are you worried about?");
        await AssertPageAsync("concerns");
        await Page.GetByLabel("Neglect", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("What has happened, and why are you worried?").FillAsync("Amara has come to school hungry and in the same clothes every day for two weeks.");
        await SaveAndContinueAsync();

        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("The child's voice");
        await AssertPageAsync("the child's voice");
        await Page.GetByLabel("What does the child say about what is happening and how they feel?").FillAsync("\"There is no food at home and mum is asleep a lot.\"");
        await Page.GetByLabel("How and when did you see or speak to the child?").FillAsync("Seen alone in class on Tuesday morning");
        await SaveAndContinueAsync();

        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("What has been tried");
        await AssertPageAsync("what has been tried");
        await Page.GetByLabel("No", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("What has been done to help so far, and what happened?").FillAsync("Breakfast club place offered; mother did not reply to two letters.");
        await SaveAndContinueAsync();

        await ExpectStepAsync("consent");
        await AssertPageAsync("the family's consent");
        await Page.GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Who gave consent?").FillAsync("Amara's mother, by phone this morning");
        await SaveAndContinueAsync();

        await ExpectStepAsync("level-of-need");
        await AssertPageAsync("level of need");
        await Page.Locator("input[name=LevelOfNeed]").First.CheckAsync();
        await SaveAndContinueAsync();

        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Attach documents (optional)");
        await AssertPageAsync("attachments");
        await MainButton("Continue").ClickAsync();

        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Check your answers before sending your request");
        await AssertPageAsync("check your answers");
        await MainButton("Send request").ClickAsync();

        // The confirmation page's address carries the contact's id; the panel shows the reference the teacher quotes.
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/request-for-support/confirmation/[0-9a-f-]{36}$"));
        await Assertions.Expect(Page.Locator(".govuk-panel")).ToContainTextAsync("Request for support sent");
        await AssertPageAsync("confirmation");
        var reference = (await Page.Locator(".govuk-panel strong").InnerTextAsync()).Trim();
        var contactId = Guid.Parse(Page.Url[(Page.Url.LastIndexOf('/') + 1)..]);
        return (contactId, reference);
    }

    private async Task<(string PoliceCheck, string HealthCheck)> ScreenAndRequestChecksAsync(Guid contactId, string reference, string familyName)
    {
        await SignInAsync(Roles.FrontDoorWorker);

        // The worker opens the contact from the queue by its reference; newest first puts it on the first page.
        await GoToAsync("/front-door?sort=received&order=desc");
        await AssertPageAsync("the front door queue");
        await Page.Locator("main").GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }).ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex($"/front-door/contacts/{contactId}$"));
        await AssertPageAsync("a new contact");

        await MainButton("Pick up").ClickAsync();
        await Assertions.Expect(MainButton("Pick up")).ToHaveCountAsync(0);
        await AssertPageAsync("a contact picked up");

        await MainButton("Start screening").ClickAsync();
        await Assertions.Expect(MainButton("Start screening")).ToHaveCountAsync(0);
        await AssertPageAsync("a contact being screened");

        await Page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Check consent" }).ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/consent$"));
        await AssertPageAsync("check consent");
        await Page.GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Who gave consent?").FillAsync("Amara's mother, confirmed by phone");
        await MainButton("Confirm consent").ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex($"/front-door/contacts/{contactId}$"));

        // The child's name is new to the demo city: the worker deliberately leaves matching for later.
        await Page.Locator("main").GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"^Match .*{familyName} to a record$") }).ClickAsync();
        await Assertions.Expect(MainButton("Leave for later")).ToBeVisibleAsync();
        await AssertPageAsync("match a child");
        await MainButton("Leave for later").ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex($"/front-door/contacts/{contactId}$"));
        await AssertPageAsync("a contact after consent and matching");

        await Page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Request checks from agencies" }).ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/agency-checks/new$"));
        await AssertPageAsync("request agency checks");
        await Page.GetByLabel(PoliceAgency, new() { Exact = true }).CheckAsync();
        await Page.GetByLabel(HealthAgency, new() { Exact = true }).CheckAsync();
        await Page.Locator("input[name=Priority][value=Amber]").CheckAsync();
        await Page.GetByLabel("What do you want them to check?").FillAsync("Any incidents at the address or known adults in the household in the last 12 months.");
        await MainButton("Send requests").ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex($"/front-door/contacts/{contactId}$"));
        await AssertPageAsync("a contact with agency checks sent");

        // Each check's own page is linked from the contact by the agency's name.
        var police = await CheckLinkAsync(PoliceAgency);
        var health = await CheckLinkAsync(HealthAgency);
        return (police, health);
    }

    private async Task AnswerPoliceCheckAsync(string check, string reference)
    {
        // The demo agency researcher is a police MASH researcher, so answers for the police.
        await SignInAsync(Roles.AgencyResearcher);
        await GoToAsync("/agency-checks");
        await Assertions.Expect(Page.Locator("main").GetByRole(AriaRole.Link, new() { Name = reference, Exact = true })).ToBeVisibleAsync();
        await AssertPageAsync("the police researcher's agency checks");

        await GoToAsync(check);
        await AssertPageAsync("a police check");
        await MainButton("Send answer").ClickAsync();
        await Assertions.Expect(Page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter what your agency knows");
        await AssertPageAsync("a police check with no answer");

        await Page.GetByLabel("What does your agency know?").FillAsync("Two domestic incidents at the address in March; no arrests.");
        await Page.GetByLabel("Amber", new() { Exact = true }).CheckAsync();
        await MainButton("Send answer").ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/agency-checks$"));
        await Assertions.Expect(Page.Locator(".govuk-notification-banner")).ToContainTextAsync(reference);
        await AssertPageAsync("agency checks after answering");
    }

    private async Task AnswerHealthCheckAsync(string check)
    {
        // The demo city has no health researcher: front door staff may record an agency's answer for it.
        await SignInAsync(Roles.FrontDoorWorker);
        await GoToAsync(check);
        await AssertPageAsync("a health check");
        await Page.GetByLabel("What does your agency know?").FillAsync("Health visitor: missed two development reviews; no other concerns held.");
        await Page.GetByLabel("Green", new() { Exact = true }).CheckAsync();
        await MainButton("Send answer").ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/agency-checks$"));
        await AssertPageAsync("agency checks after recording the health answer");
    }

    private async Task DecideAsync(Guid contactId)
    {
        await SignInAsync(Roles.FrontDoorManager);
        await GoToAsync($"/front-door/contacts/{contactId}");
        await AssertPageAsync("a contact ready for a decision");

        await Page.Locator("#decide").ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/decision$"));
        await AssertPageAsync("decision");
        await MainButton("Record the decision").ClickAsync();
        await Assertions.Expect(Page.Locator(".govuk-error-summary")).ToContainTextAsync("Select the outcome");
        await AssertPageAsync("decision with nothing chosen");

        await Page.Locator("input[name=LevelOfNeed]").Last.CheckAsync();
        await Page.GetByLabel("Social work assessment", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Referral source (CIN census)").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await Page.GetByLabel("Primary need (CIN census)").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await Page.GetByLabel("Rationale").FillAsync("Persistent neglect reported by school, police information about domestic incidents, and the child's own account: assessment needed.");
        await MainButton("Record the decision").ClickAsync();

        await Assertions.Expect(Page).ToHaveURLAsync(new Regex($"/front-door/contacts/{contactId}$"));
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Social work assessment");
        await AssertPageAsync("a decided contact");
    }

    private async Task<string> CheckLinkAsync(string agency)
    {
        var href = await Page.Locator("main").GetByRole(AriaRole.Link, new() { Name = agency, Exact = true }).GetAttributeAsync("href");
        Assert.NotNull(href);
        return href!;
    }

    /// <summary>Each person in the journey signs in on a clean slate, as they would on their own device.</summary>
    private async Task SignInAsync(string role)
    {
        await Page.Context.ClearCookiesAsync();
        await DemoSignIn.SignInAsync(Page, role);
    }

    private async Task ExpectStepAsync(string step) =>
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex($"/request-for-support/{step}/"));

    private async Task SaveAndContinueAsync() => await MainButton("Save and continue").ClickAsync();

    private ILocator MainButton(string name) => Page.Locator("main").GetByRole(AriaRole.Button, new() { Name = name, Exact = true });
}
