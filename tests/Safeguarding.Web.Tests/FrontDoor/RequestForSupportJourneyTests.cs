using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Web.Tests.Infrastructure;

namespace Safeguarding.Web.Tests.FrontDoor;

/// <summary>A referrer's Request for Support through the real pages: the journey, drafts, errors, files and roles.</summary>
public sealed class RequestForSupportJourneyTests(SafeguardingWebFactory app) : IClassFixture<SafeguardingWebFactory>
{
    private const string Root = "/request-for-support";

    private static readonly Dictionary<string, Dictionary<string, string>> GoodAnswers = new()
    {
        ["urgency"] = new() { ["Urgency"] = "Urgent" },
        ["about-you"] = new() { ["ReferrerName"] = "Ada Teacher", ["ReferrerRole"] = "Designated safeguarding lead", ["ReferrerAgencyName"] = "Hillside Primary", ["ReferrerPhone"] = "0121 496 0000" },
        ["child"] = new()
        {
            ["Child.Unborn"] = "false",
            ["Child.FirstName"] = "Sam",
            ["Child.LastName"] = "Jones",
            ["Child.DateOfBirth-day"] = "1",
            ["Child.DateOfBirth-month"] = "5",
            ["Child.DateOfBirth-year"] = "2017",
            ["Child.Sex"] = "Male",
            ["Child.NhsNumber"] = "943 476 5919",
            ["Child.Postcode"] = "b1 1bb",
        },
        ["children"] = [],
        ["household-member"] = new() { ["Member.Name"] = "Kim Jones", ["Member.Relationship"] = "Mother" },
        ["household"] = [],
        ["concerns"] = new() { ["Concerns[0]"] = "Neglect", ["Concerns[1]"] = "DomesticAbuse", ["ConcernNarrative"] = "Sam comes to school hungry and has bruising on his arm." },
        ["childs-voice"] = new() { ["ChildsVoice"] = "Sam said he does not want to go home.", ["HowChildWasSeen"] = "Seen alone in school on Friday." },
        ["what-has-been-tried"] = new() { ["EarlyHelpTried"] = "false", ["WhatHasBeenTried"] = "Breakfast club offered." },
        ["consent"] = new() { ["Consent"] = "NotObtained", ["ConsentNotObtainedReason"] = "Asking could place Sam at risk." },
        ["level-of-need"] = new() { ["LevelOfNeed"] = "Significant" },
    };

    private async Task<(HttpClient Client, Guid DraftId)> StartAsync(string role = Roles.Referrer)
    {
        var client = await app.SignedInAsAsync(role);
        var start = await client.GetDocumentAsync($"{Root}/start");
        var response = await client.PostFormAsync($"{Root}/start", start, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith($"{Root}/urgency/", location, StringComparison.Ordinal);
        return (client, Guid.Parse(location.Split('/').Last()));
    }

    private static async Task<HttpResponseMessage> AnswerAsync(HttpClient client, string page, Guid draftId, IDictionary<string, string> fields, string query = "")
    {
        var url = $"{Root}/{page}/{draftId}{query}";
        var form = await client.GetDocumentAsync(url);
        return await client.PostFormAsync(url, form, fields);
    }

    private static async Task AnswerAllAsync(HttpClient client, Guid draftId)
    {
        foreach (var (page, fields) in GoodAnswers)
        {
            var response = await AnswerAsync(client, page, draftId, fields);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{page} was refused: " + string.Join("; ", (await response.ReadDocumentAsync()).ErrorSummary()));
        }
    }

    [Fact]
    public async Task AReferrer_AnswersEveryQuestion_SendsTheRequest_AndSeesItsReferenceAndStatus()
    {
        var (client, draftId) = await StartAsync();
        await AnswerAllAsync(client, draftId);

        var check = await client.GetDocumentAsync($"{Root}/check-answers/{draftId}");
        Assert.Contains("Sam Jones", check.Body!.TextContent, StringComparison.Ordinal);
        var sent = await client.PostFormAsync($"{Root}/check-answers/{draftId}", check, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var confirmation = await client.GetDocumentAsync(sent.Headers.Location!.ToString());
        var reference = confirmation.QuerySelector(".govuk-panel strong")!.TextContent;
        var yours = await client.GetDocumentAsync(Root);

        Assert.Matches(@"^RFS-\d{4}-\d{6}$", reference);
        var row = yours.QuerySelectorAll("#sent tbody tr").Single(r => r.TextContent.Contains(reference, StringComparison.Ordinal));
        Assert.Equal("Received", row.QuerySelector(".govuk-tag")!.TextContent);
        Assert.Contains("Sam Jones", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(yours.QuerySelectorAll("#drafts a"), a => a.GetAttribute("href")!.Contains(draftId.ToString(), StringComparison.Ordinal));
        await using var db = app.NewDbContext();
        var contact = await db.Contacts.Include(c => c.Children).Include(c => c.Household).SingleAsync(c => c.Reference == reference);
        Assert.Equal(ContactChannel.Web, contact.Channel);
        Assert.Equal("9434765919", contact.Children.Single().NhsNumber);
        Assert.Equal("Kim Jones", contact.Household.Single().Name);
        Assert.Equal(ConsentStatus.NotObtained, contact.Consent);
        Assert.True(await db.Clocks.AnyAsync(c => c.SubjectId == contact.Id && c.RuleId == "FD-1"));
    }

    [Fact]
    public async Task SendingTwice_MakesOneContact_AndBothGoToItsConfirmation()
    {
        var (client, draftId) = await StartAsync();
        await AnswerAllAsync(client, draftId);
        var check = await client.GetDocumentAsync($"{Root}/check-answers/{draftId}");

        var first = await client.PostFormAsync($"{Root}/check-answers/{draftId}", check, new Dictionary<string, string>());
        var second = await client.PostFormAsync($"{Root}/check-answers/{draftId}", check, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        await using var db = app.NewDbContext();
        Assert.Equal(1, await db.Contacts.CountAsync(c => c.IdempotencyKey == draftId.ToString()));
    }

    [Fact]
    public async Task AHalfFinishedRequest_IsListed_AndResumesAtTheFirstUnansweredQuestion()
    {
        var (client, draftId) = await StartAsync();
        await AnswerAsync(client, "urgency", draftId, GoodAnswers["urgency"]);
        await AnswerAsync(client, "about-you", draftId, GoodAnswers["about-you"]);

        var yours = await client.GetDocumentAsync(Root);
        var resume = yours.QuerySelectorAll<IHtmlAnchorElement>("#drafts a").Single(a => a.GetAttribute("href")!.EndsWith(draftId.ToString(), StringComparison.Ordinal));
        var page = await client.GetDocumentAsync(resume.GetAttribute("href")!);

        Assert.Equal($"{Root}/children/{draftId}", resume.GetAttribute("href"));
        Assert.Equal("The children you are worried about", page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task AboutYou_IsFilledInFromTheReferrersAccount()
    {
        var (client, draftId) = await StartAsync();

        var page = await client.GetDocumentAsync($"{Root}/about-you/{draftId}");

        Assert.False(string.IsNullOrEmpty(page.QuerySelector<IHtmlInputElement>("#ReferrerName")!.Value));
        Assert.False(string.IsNullOrEmpty(page.QuerySelector<IHtmlInputElement>("#ReferrerAgencyName")!.Value));
    }

    [Fact]
    public async Task ImmediateRisk_SendsTheReferrerToThePhone_ThenLetsThemContinue()
    {
        var (client, draftId) = await StartAsync();

        var response = await AnswerAsync(client, "urgency", draftId, new Dictionary<string, string> { ["Urgency"] = "ImmediateRisk" });
        var page = await client.GetDocumentAsync(response.Headers.Location!.ToString());

        Assert.Equal($"{Root}/immediate-risk/{draftId}", response.Headers.Location!.ToString());
        Assert.Contains("999", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("0121 303 1888", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"{Root}/about-you/{draftId}", page.QuerySelector<IHtmlAnchorElement>("a.govuk-button")!.GetAttribute("href"));
    }

    public static TheoryData<string, string[]> EmptyPages() => new()
    {
        { "urgency", ["Select how urgent your concern is"] },
        { "about-you", ["Enter your full name", "Enter your job title or role", "Enter the name of your organisation", "Enter a telephone number the front door can call you on"] },
        { "child", ["Enter the child's first name", "Enter the child's last name", "Enter the child's date of birth", "Select the child's sex, or 'Not known'"] },
        { "children", ["Add at least one child"] },
        { "household-member", ["Enter the person's name", "Enter how they are related to the child, like mother or mother's partner"] },
        { "concerns", ["Select at least one thing you are worried about", "Describe what you are worried about and why"] },
        { "childs-voice", ["Enter what the child says, or why you could not ask them", "Enter how and when you saw or spoke to the child"] },
        { "what-has-been-tried", ["Select yes if early help has been tried", "Describe what has been tried so far, or why nothing has"] },
        { "consent", ["Select whether the family has agreed to this request"] },
        { "level-of-need", ["Select the level of need you think applies"] },
    };

    [Theory]
    [MemberData(nameof(EmptyPages))]
    public async Task AnEmptyAnswer_ShowsEveryMessageInTheSummary_LinkedToItsField(string page, string[] messages)
    {
        var (client, draftId) = await StartAsync();
        var blank = new Dictionary<string, string>();
        if (page == "about-you")
        {
            blank = new() { ["ReferrerName"] = "", ["ReferrerRole"] = "", ["ReferrerAgencyName"] = "", ["ReferrerPhone"] = "" };
        }

        var result = await (await AnswerAsync(client, page, draftId, blank)).ReadDocumentAsync();

        var errors = result.ErrorSummaryLinks();
        Assert.Equal(messages.Order(), errors.Select(e => e.Text).Order());
        Assert.All(errors, e => Assert.True(result.QuerySelector(e.Href) is not null, $"{e.Text} links to {e.Href}, which is not on the page"));
        Assert.StartsWith("Error:", result.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongAnswers_ShowTheirRuleMessages()
    {
        var (client, draftId) = await StartAsync();
        var child = new Dictionary<string, string>(GoodAnswers["child"]) { ["Child.NhsNumber"] = "943 476 5918", ["Child.Postcode"] = "nowhere" };
        var consent = new Dictionary<string, string> { ["Consent"] = "Obtained" };

        var childPage = await (await AnswerAsync(client, "child", draftId, child)).ReadDocumentAsync();
        var consentPage = await (await AnswerAsync(client, "consent", draftId, consent)).ReadDocumentAsync();

        Assert.Equal([("Enter a real NHS number: 10 digits, like 943 476 5919", "#Child_NhsNumber"), ("Enter a real postcode, like B1 1BB", "#Child_Postcode")], childPage.ErrorSummaryLinks().Order());
        Assert.Equal([("Enter who gave consent", "#ConsentGivenBy")], consentPage.ErrorSummaryLinks());
    }

    [Fact]
    public async Task SendingAnUnfinishedRequest_ListsWhatIsMissing_WithLinksToTheQuestions()
    {
        var (client, draftId) = await StartAsync();
        await AnswerAsync(client, "urgency", draftId, GoodAnswers["urgency"]);
        var check = await client.GetDocumentAsync($"{Root}/check-answers/{draftId}");

        var result = await (await client.PostFormAsync($"{Root}/check-answers/{draftId}", check, new Dictionary<string, string>())).ReadDocumentAsync();

        Assert.StartsWith("Error:", result.Title, StringComparison.Ordinal);
        var errors = result.ErrorSummaryLinks();
        Assert.Contains(errors, e => e.Text == "Add at least one child");
        Assert.Contains(errors, e => e.Text == "Select whether the family has agreed to this request");
        foreach (var (text, href) in errors)
        {
            var target = await client.GetDocumentAsync(href.Split('#')[0]);
            Assert.True(target.QuerySelector("#" + href.Split('#')[1]) is not null, $"{text} links to {href}, which has no such field");
        }

        await using var db = app.NewDbContext();
        Assert.False(await db.Contacts.AnyAsync(c => c.IdempotencyKey == draftId.ToString()));
    }

    [Fact]
    public async Task AChildWhoNoLongerMeetsTheRules_IsNamedOnTheChildrenPage()
    {
        var (client, draftId) = await StartAsync();
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(2);
        await AnswerAsync(client, "child", draftId, new Dictionary<string, string>
        {
            ["Child.Unborn"] = "true",
            ["Child.ExpectedDateOfBirth-day"] = due.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Child.ExpectedDateOfBirth-month"] = due.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Child.ExpectedDateOfBirth-year"] = due.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Child.Sex"] = "NotKnown",
        });
        await using (var db = app.NewDbContext())
        {
            // The draft waited a year: the baby's due date has passed.
            var json = await db.RequestForSupportDrafts.Where(d => d.Id == draftId).Select(d => d.AnswersJson).SingleAsync();
            var stale = json.Replace(due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), due.AddYears(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            await db.RequestForSupportDrafts.Where(d => d.Id == draftId).ExecuteUpdateAsync(s => s.SetProperty(d => d.AnswersJson, stale));
        }

        var result = await (await AnswerAsync(client, "children", draftId, new Dictionary<string, string>())).ReadDocumentAsync();

        Assert.Equal([("Unborn baby: The expected date of birth must be within the next 10 months", "#Children")], result.ErrorSummaryLinks());
        Assert.NotNull(result.QuerySelector("#Children"));
    }

    [Fact]
    public async Task ChangeLinks_ReturnToCheckYourAnswers()
    {
        var (client, draftId) = await StartAsync();
        await AnswerAllAsync(client, draftId);
        var check = await client.GetDocumentAsync($"{Root}/check-answers/{draftId}");
        var change = check.QuerySelectorAll<IHtmlAnchorElement>("a").First(a => a.GetAttribute("href")!.StartsWith($"{Root}/consent/", StringComparison.Ordinal)).GetAttribute("href")!;

        var response = await AnswerAsync(client, "consent", draftId, new Dictionary<string, string> { ["Consent"] = "Obtained", ["ConsentGivenBy"] = "Kim Jones (mother)" }, change[change.IndexOf('?', StringComparison.Ordinal)..]);

        Assert.Equal($"{Root}/check-answers/{draftId}", response.Headers.Location!.ToString());
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid draftId, string fileName, byte[] content)
    {
        var page = await client.GetDocumentAsync($"{Root}/attachments/{draftId}");
        var token = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "Upload", fileName },
        };
        return await client.PostAsync($"{Root}/attachments/{draftId}?handler=Upload", form);
    }

    [Fact]
    public async Task Attachments_AreCheckedByTypeContentsAndSize_AndCanBeRemoved()
    {
        var (client, draftId) = await StartAsync();

        var pdf = await UploadAsync(client, draftId, "screening tool.pdf", "%PDF-1.7\nscreening"u8.ToArray());
        var exe = await (await UploadAsync(client, draftId, "tool.exe", [0x4D, 0x5A])).ReadDocumentAsync();
        var renamed = await (await UploadAsync(client, draftId, "photo.png", "%PDF-1.7"u8.ToArray())).ReadDocumentAsync();
        var large = await (await UploadAsync(client, draftId, "big.pdf", new byte[AttachmentRules.MaxBytes + 1])).ReadDocumentAsync();
        var listed = await client.GetDocumentAsync($"{Root}/attachments/{draftId}");

        Assert.Equal(HttpStatusCode.Redirect, pdf.StatusCode);
        Assert.Equal([("The selected file must be a PDF, DOCX, XLSX, JPG or PNG", "#Upload")], exe.ErrorSummaryLinks());
        Assert.NotNull(exe.QuerySelector("#Upload"));
        Assert.Equal(["The selected file's contents are not a real PNG file"], renamed.ErrorSummary());
        Assert.Equal(["The selected file must be smaller than 10MB"], large.ErrorSummary());
        Assert.Contains("screening tool.pdf", listed.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);

        var id = listed.QuerySelector<IHtmlButtonElement>("button[name=attachmentId]")!.Value;
        var removed = await client.PostFormAsync($"{Root}/attachments/{draftId}?handler=Remove", listed, new Dictionary<string, string> { ["attachmentId"] = id });
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Null((await client.GetDocumentAsync($"{Root}/attachments/{draftId}")).QuerySelector(".govuk-summary-list"));
    }

    [Fact]
    public async Task SomeoneElsesDraft_IsNotFound()
    {
        var (_, draftId) = await StartAsync(Roles.Referrer);
        var other = await app.SignedInAsAsync(Roles.FrontDoorWorker);

        var response = await other.GetAsync($"{Root}/urgency/{draftId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AFrontDoorWorker_RecordsAPhonedInRequest_WithTheCallersDetails()
    {
        var (client, draftId) = await StartAsync(Roles.FrontDoorWorker);

        var page = await client.GetDocumentAsync($"{Root}/about-you/{draftId}");

        Assert.Equal("About the person who called", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.True(string.IsNullOrEmpty(page.QuerySelector<IHtmlInputElement>("#ReferrerName")!.Value));
        await using var db = app.NewDbContext();
        Assert.Equal(ContactChannel.Phone, (await db.RequestForSupportDrafts.SingleAsync(d => d.Id == draftId)).Channel);
    }
}
