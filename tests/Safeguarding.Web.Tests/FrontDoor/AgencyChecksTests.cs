using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Children;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.Timescales;
using Safeguarding.SyntheticData;
using Safeguarding.Web.Tests.Infrastructure;

namespace Safeguarding.Web.Tests.FrontDoor;

/// <summary>MASH checks through the real pages: the front door asks, the police researcher answers, the contact shows it.</summary>
public sealed class AgencyChecksTests(SafeguardingWebFactory app) : IClassFixture<SafeguardingWebFactory>
{
    /// <summary>A new contact sent by the demo front door worker (as a phoned-in request), so it is open for checks.</summary>
    private async Task<Contact> NewContactAsync()
    {
        await using var db = app.NewDbContext();
        var worker = await db.Users.SingleAsync(u => u.Email == DemoCity.EmailFor(Roles.FrontDoorWorker));
        var submission = new RequestForSupportSubmission(db, new ClockService(db, new PartnershipTimescales(TimeProvider.System)));
        var answers = new RequestForSupportAnswers
        {
            ReferrerName = "Ada Teacher",
            ReferrerRole = "Designated safeguarding lead",
            ReferrerPhone = "0121 496 0000",
            ReferrerAgencyName = "Hillside Primary School",
            Urgency = Urgency.Urgent,
            Children = [new ChildAnswer { Id = Guid.NewGuid(), FirstName = "Sam", LastName = "Checkley", DateOfBirth = new DateOnly(2017, 5, 1), Sex = PersonSex.Male }],
            Concerns = [ConcernCategory.Neglect],
            ConcernNarrative = "Sam comes to school hungry.",
            ChildsVoice = "Sam said he is hungry.",
            HowChildWasSeen = "Seen alone in school.",
            EarlyHelpTried = false,
            WhatHasBeenTried = "Breakfast club.",
            Consent = ConsentStatus.Obtained,
            ConsentGivenBy = "Mother",
            LevelOfNeed = LevelOfNeed.Complex,
        };
        var context = new ProcessContext(worker.Id, worker.DisplayName, worker.PartnershipId, DateTimeOffset.UtcNow);
        var result = await submission.SubmitAsync(new RequestForSupportSubmit(answers, Guid.NewGuid().ToString(), ContactChannel.Phone), context);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        return result.Value!.Contact;
    }

    private async Task<(Guid Police, Guid Health)> AgenciesAsync()
    {
        await using var db = app.NewDbContext();
        var police = await db.Agencies.Where(a => a.Type == AgencyType.Police).OrderBy(a => a.Name).Select(a => a.Id).FirstAsync();
        var health = await db.Agencies.Where(a => a.Type == AgencyType.Health && a.IsActive).OrderBy(a => a.Name).Select(a => a.Id).FirstAsync();
        return (police, health);
    }

    [Fact]
    public async Task TheFrontDoorAsks_ThePoliceResearcherAnswers_AndTheContactShowsTheAnswer()
    {
        var contact = await NewContactAsync();
        var (police, health) = await AgenciesAsync();
        var worker = await app.SignedInAsAsync(Roles.FrontDoorWorker);
        var url = $"/front-door/contacts/{contact.Id}/agency-checks/new";
        var form = await worker.GetDocumentAsync(url);
        Assert.Contains("4 hours", form.Body!.TextContent, StringComparison.Ordinal);

        var sent = await worker.PostFormAsync(url, form, new Dictionary<string, string>
        {
            ["Agency[0]"] = police.ToString(),
            ["Agency[1]"] = health.ToString(),
            ["Priority"] = "Red",
            ["Question"] = "Any incidents at the address in the last year?",
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        await using (var db = app.NewDbContext())
        {
            var requests = await db.AgencyInformationRequests.Where(r => r.ContactId == contact.Id).ToListAsync();
            Assert.Equal(new[] { health, police }.Order(), requests.Select(r => r.AgencyId).Order());
            Assert.All(requests, r => Assert.Equal(RagPriority.Red, r.Priority));
            Assert.Equal(ContactState.AwaitingInformation, (await db.Contacts.SingleAsync(c => c.Id == contact.Id)).State);
        }

        var researcher = await app.SignedInAsAsync(Roles.AgencyResearcher);
        var list = await researcher.GetDocumentAsync("/agency-checks?status=open");
        var link = list.QuerySelectorAll<IHtmlAnchorElement>("tbody a").Single(a => a.TextContent == contact.Reference);
        var answerUrl = link.GetAttribute("href")!;
        var answerPage = await researcher.GetDocumentAsync(answerUrl);
        Assert.Contains("Sam Checkley", answerPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 May 2017", answerPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("hungry", answerPage.Body!.TextContent, StringComparison.Ordinal); // the concern stays with the front door

        var answered = await researcher.PostFormAsync(answerUrl, answerPage, new Dictionary<string, string>
        {
            ["Answer"] = "One domestic incident at the address in January.",
            ["AnswerRag"] = "Amber",
        });
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);

        var again = await worker.GetDocumentAsync(url);
        var policeRow = again.QuerySelectorAll(".app-contact-agency-checks tbody tr").Single(r => r.TextContent.Contains("Police", StringComparison.Ordinal));
        Assert.Contains("Answered", policeRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("One domestic incident", policeRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("Waiting", again.QuerySelectorAll(".app-contact-agency-checks tbody tr").Single(r => r != policeRow).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingAnswers_AreListedInTheErrorSummary_LinkingToTheirFields()
    {
        var contact = await NewContactAsync();
        var worker = await app.SignedInAsAsync(Roles.FrontDoorWorker);
        var url = $"/front-door/contacts/{contact.Id}/agency-checks/new";
        var form = await worker.GetDocumentAsync(url);

        var refused = await (await worker.PostFormAsync(url, form, new Dictionary<string, string>())).ReadDocumentAsync();

        var links = refused.ErrorSummaryLinks();
        Assert.Equal(
            ["Select at least one agency to ask", "Select how urgently the agency must answer", "Enter what you want the agency to check"],
            links.Select(l => l.Text));
        Assert.All(links, l => Assert.NotNull(refused.QuerySelector(l.Href)));
    }

    [Fact]
    public async Task AnEmptyAnswer_IsRefused_WithLinkedErrors()
    {
        var contact = await NewContactAsync();
        var (police, _) = await AgenciesAsync();
        var requestId = await RequestAsync(contact, police);
        var researcher = await app.SignedInAsAsync(Roles.AgencyResearcher);
        var page = await researcher.GetDocumentAsync($"/agency-checks/{requestId}");

        var refused = await (await researcher.PostFormAsync($"/agency-checks/{requestId}", page, new Dictionary<string, string>())).ReadDocumentAsync();

        var links = refused.ErrorSummaryLinks();
        Assert.Equal(2, links.Count);
        Assert.All(links, l => Assert.NotNull(refused.QuerySelector(l.Href)));
    }

    [Fact]
    public async Task AResearcher_CannotOpenAnotherAgencysRequest()
    {
        var contact = await NewContactAsync();
        var (_, health) = await AgenciesAsync();
        var requestId = await RequestAsync(contact, health);
        var researcher = await app.SignedInAsAsync(Roles.AgencyResearcher);

        var response = await researcher.GetAsync($"/agency-checks/{requestId}");

        Assert.True(response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.ToString().Contains("/error/403", StringComparison.Ordinal) == true,
            $"Expected forbidden, got {(int)response.StatusCode} {response.Headers.Location}");
        var list = await (await researcher.GetAsync("/agency-checks")).ReadDocumentAsync();
        Assert.DoesNotContain(contact.Reference, list.Body!.TextContent, StringComparison.Ordinal);
    }

    private async Task<Guid> RequestAsync(Contact contact, Guid agencyId)
    {
        await using var db = app.NewDbContext();
        var worker = await db.Users.SingleAsync(u => u.Email == DemoCity.EmailFor(Roles.FrontDoorWorker));
        var checks = new AgencyChecks(db, new ClockService(db, new PartnershipTimescales(TimeProvider.System)));
        var result = await checks.RequestAsync(contact.Id, agencyId, RagPriority.Amber, "Anything known?", new ProcessContext(worker.Id, worker.DisplayName, worker.PartnershipId, DateTimeOffset.UtcNow));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        return result.Value!.Id;
    }
}
