using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Children;
using Safeguarding.Web.Tests.Infrastructure;

namespace Safeguarding.Web.Tests.Children;

/// <summary>Finding a child and opening their record, restricted records and breaking glass.</summary>
public sealed class ChildRecordTests(SafeguardingWebFactory app) : IClassFixture<SafeguardingWebFactory>
{
    /// <summary>Test data set-up only: the demo city is too small to be sure of a restricted child.</summary>
    private sealed record ChildRestrictedForTest(Guid PersonId) : IDomainEvent
    {
        public string SubjectType => "Person";

        public string SubjectId => PersonId.ToString();
    }

    private async Task<Person> OpenChildAsync(bool withParent = false)
    {
        await using var db = app.NewDbContext();
        var children = db.People.AsNoTracking().Where(p => p.IsChild && !p.IsRestricted && p.DateOfBirth != null && p.NhsNumber != null);
        if (withParent)
        {
            children = children.Where(p => db.PersonRelationships.Any(r => r.PersonId == p.Id && r.Type == RelationshipType.Parent));
        }

        return await children.OrderBy(p => p.Id).FirstAsync();
    }

    private async Task<Person> RestrictedChildAsync()
    {
        await using var db = app.NewDbContext();
        var child = await db.People.Where(p => p.IsChild && p.IsRestricted && p.DateOfBirth != null).OrderByDescending(p => p.Id).FirstOrDefaultAsync();
        if (child is null)
        {
            child = await db.People.Where(p => p.IsChild && p.DateOfBirth != null).OrderByDescending(p => p.Id).FirstAsync();
            child.IsRestricted = true;
            db.Record(new ChildRestrictedForTest(child.Id), ProcessContext.System(DateTimeOffset.UtcNow, "test set-up", child.PartnershipId));
            await db.SaveChangesAsync();
        }

        return child;
    }

    [Fact]
    public async Task Search_WithNothingEntered_ShowsErrorSummaryLinkedToTheField()
    {
        var client = await app.SignedInAsAsync(Roles.SocialWorker);

        var page = await client.GetDocumentAsync("/children?FamilyName=&GivenName=&NhsNumber=");

        var error = Assert.Single(page.ErrorSummaryLinks());
        Assert.Equal("Enter a name, date of birth or NHS number", error.Text);
        Assert.NotNull(page.QuerySelector(error.Href));
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".app-child-results"));
    }

    [Theory]
    [InlineData("123")]
    [InlineData("943 476 5918")] // wrong check digit
    [InlineData("abcdefghij")]
    public async Task Search_WithAnInvalidNhsNumber_SaysEnterAValidOne(string typed)
    {
        var client = await app.SignedInAsAsync(Roles.SocialWorker);

        var page = await client.GetDocumentAsync("/children?NhsNumber=" + Uri.EscapeDataString(typed));

        var error = Assert.Single(page.ErrorSummaryLinks());
        Assert.Equal("Enter a valid NHS number", error.Text);
        Assert.Equal("#NhsNumber", error.Href);
        Assert.NotNull(page.QuerySelector("#NhsNumber"));
    }

    [Fact]
    public async Task Search_ByFamilyName_InAnyCase_FindsTheChild()
    {
        var child = await OpenChildAsync();
        var client = await app.SignedInAsAsync(Roles.FrontDoorWorker);

        var page = await client.GetDocumentAsync("/children?FamilyName=" + Uri.EscapeDataString(child.FamilyName.ToUpperInvariant()) + "&GivenName=" + Uri.EscapeDataString(child.GivenName.ToLowerInvariant()));

        var row = page.QuerySelectorAll(".app-child-results tbody tr").Single(r => r.QuerySelector("a")!.GetAttribute("href") == $"/children/{child.Id}");
        Assert.Contains(child.FullName, row.TextContent, StringComparison.Ordinal);
        Assert.Contains(child.DateOfBirth!.Value.ToString("d MMMM yyyy"), row.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.ErrorSummary());
    }

    [Fact]
    public async Task Search_ByNhsNumberWithSpaces_FindsExactlyThatChild()
    {
        var child = await OpenChildAsync();
        var client = await app.SignedInAsAsync(Roles.SocialWorker);

        var page = await client.GetDocumentAsync("/children?NhsNumber=" + Uri.EscapeDataString(NhsNumberFormat.Format(child.NhsNumber!)));

        var row = Assert.Single(page.QuerySelectorAll(".app-child-results tbody tr"));
        Assert.Contains(child.FullName, row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_ThatMatchesNoOne_SaysSo()
    {
        var client = await app.SignedInAsAsync(Roles.SocialWorker);

        var page = await client.GetDocumentAsync("/children?FamilyName=Zzyzxq");

        Assert.Equal("No children found", page.QuerySelector("#results-heading")!.TextContent.Trim());
    }

    [Fact]
    public async Task Record_ShowsTheIdentityBarAndPeopleAroundTheChild_AndAuditsTheView()
    {
        var child = await OpenChildAsync(withParent: true);
        await using var db = app.NewDbContext();
        var parentIds = await db.PersonRelationships.Where(r => r.PersonId == child.Id && r.Type == RelationshipType.Parent).Select(r => r.RelatedPersonId).ToListAsync();
        var parent = await db.People.AsNoTracking().FirstAsync(p => p.Id == parentIds[0]);
        var client = await app.SignedInAsAsync(Roles.SocialWorker);

        var page = await client.GetDocumentAsync($"/children/{child.Id}");

        var identity = page.QuerySelector(".moj-identity-bar")!.TextContent;
        Assert.Contains(child.FullName, identity, StringComparison.Ordinal);
        Assert.Contains("Born " + child.DateOfBirth!.Value.ToString("d MMMM yyyy"), identity, StringComparison.Ordinal);
        Assert.Matches(@"\(\d+ (years?|months?)\)", identity);
        Assert.Contains(NhsNumberFormat.Format(child.NhsNumber!), identity, StringComparison.Ordinal);
        Assert.Matches(@"^\d{3} \d{3} \d{4}$", NhsNumberFormat.Format(child.NhsNumber!));
        Assert.Contains(page.QuerySelectorAll(".app-people-around tbody tr"),
            r => r.TextContent.Contains("Parent", StringComparison.Ordinal) && r.TextContent.Contains(parent.FullName, StringComparison.Ordinal));
        Assert.Contains(page.QuerySelectorAll(".app-child-details dt"), dt => dt.TextContent == "School");

        await using var after = app.NewDbContext();
        Assert.True(await after.AuditEvents.AnyAsync(e => e.SubjectType == "Person" && e.SubjectId == child.Id.ToString() && e.EventType == "RecordViewed" && e.Kind == AuditKind.Access));
    }

    [Theory]
    [InlineData(Roles.Referrer)]
    [InlineData(Roles.BoardMember)]
    public async Task RolesWithoutChildRecords_AreForbidden(string role)
    {
        var child = await OpenChildAsync();
        var client = await app.SignedInAsAsync(role);

        foreach (var url in new[] { "/children?FamilyName=a", $"/children/{child.Id}" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.ToString().Contains("/error/403", StringComparison.Ordinal) == true,
                $"{role} reached {url}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task RestrictedRecord_NeedsAReason_ThenOpensAndRecordsTheBreakGlass()
    {
        var child = await RestrictedChildAsync();
        var client = await app.SignedInAsAsync(Roles.SocialWorker);
        var url = $"/children/{child.Id}";

        var restricted = await client.GetDocumentAsync(url);
        var search = await client.GetDocumentAsync("/children?FamilyName=" + Uri.EscapeDataString(child.FamilyName));
        var empty = await (await client.PostFormAsync(url, restricted, new Dictionary<string, string> { ["Reason"] = "" })).ReadDocumentAsync();
        var tooShort = await (await client.PostFormAsync(url, empty, new Dictionary<string, string> { ["Reason"] = "need it" })).ReadDocumentAsync();
        var opened = await client.PostFormAsync(url, tooShort, new Dictionary<string, string> { ["Reason"] = "Strategy discussion today about a sibling" });
        var record = await client.GetDocumentAsync(url);

        Assert.Equal("This record is restricted", restricted.QuerySelector("h1")!.TextContent.Trim());
        var html = restricted.DocumentElement.OuterHtml;
        Assert.DoesNotContain(child.FamilyName, html, StringComparison.Ordinal);
        Assert.DoesNotContain(child.DateOfBirth!.Value.ToString("d MMMM yyyy"), html, StringComparison.Ordinal);
        Assert.Null(restricted.QuerySelector(".moj-identity-bar"));
        var row = search.QuerySelectorAll(".app-child-results tbody tr").Single(r => r.QuerySelector("a")!.GetAttribute("href") == url);
        Assert.Contains("Restricted record", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(child.GivenName, row.TextContent, StringComparison.Ordinal);

        var emptyError = Assert.Single(empty.ErrorSummaryLinks());
        Assert.Equal("Enter why you need to see this record", emptyError.Text);
        Assert.NotNull(empty.QuerySelector(emptyError.Href));
        Assert.Contains("10 characters or more", Assert.Single(tooShort.ErrorSummary()), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Contains(child.FullName, record.QuerySelector(".moj-identity-bar")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(record.QuerySelector(".moj-identity-bar .govuk-tag"));

        await using var db = app.NewDbContext();
        var access = await db.BreakGlassAccesses.SingleAsync(a => a.PersonId == child.Id);
        Assert.Equal("Strategy discussion today about a sibling", access.Reason);
        Assert.Equal(TimeSpan.FromHours(8), access.ExpiresAt - access.GrantedAt);
        var opening = await db.AuditEvents.SingleAsync(e => e.EventType == nameof(RestrictedRecordOpened) && e.SubjectId == child.Id.ToString());
        Assert.Equal(AuditKind.Write, opening.Kind);
        Assert.Equal("Strategy discussion today about a sibling", opening.Reason);
        Assert.DoesNotContain(child.FamilyName, opening.Data, StringComparison.Ordinal);
    }
}
