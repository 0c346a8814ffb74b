using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Children;
using Safeguarding.Core.Data;

namespace Safeguarding.EndToEndTests;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class MergeJourneyTests(AppFixture app) : BrowserTest(app)
{
    /// <summary>Test data set-up only: a second record for a child, as a referral without an NHS number would create.</summary>
    private sealed record DuplicateCreatedForBrowserTest(Guid PersonId) : IDomainEvent
    {
        public string SubjectType => "Person";

        public string SubjectId => PersonId.ToString();
    }

    [Fact]
    public async Task A_front_door_manager_merges_a_duplicate_record_and_then_unmerges_it()
    {
        var (original, duplicate) = await DuplicateAsync();
        await DemoSignIn.SignInAsync(Page, Roles.FrontDoorManager);

        await GoToAsync($"/children/{duplicate.Id}/merge");
        await AssertPageAsync("find the record to merge with");

        await GoToAsync($"/children/{duplicate.Id}/merge/{original.Id}");
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("same child");
        await AssertPageAsync("compare two records");

        await Page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Merge these records" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await AssertPageAsync("compare with nothing chosen");

        await Page.Locator($"input[name=SurvivorId][value='{original.Id}']").CheckAsync();
        await Page.GetByLabel("Why are these records the same child?").FillAsync("Same child: the school confirmed the date of birth and address");
        await Page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Merge these records" }).ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex($"/children/{original.Id}"));
        await Assertions.Expect(Page.Locator(".govuk-notification-banner")).ToBeVisibleAsync();
        await AssertPageAsync("the surviving record after the merge");

        await GoToAsync($"/children/{duplicate.Id}");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex($"/children/{original.Id}"));
        await Assertions.Expect(Page.Locator(".govuk-notification-banner")).ToContainTextAsync("merged into this one");

        await GoToAsync($"/children/{original.Id}/merges");
        await AssertPageAsync("merge history");
        await Page.Locator("main").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Unmerge") }).First.ClickAsync();
        await Page.GetByLabel("Why are these records not the same child?").FillAsync("Checked again with the GP: two different children");
        await AssertPageAsync("unmerge");
        await Page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Unmerge these records" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".govuk-notification-banner")).ToBeVisibleAsync();
        await AssertPageAsync("after the unmerge");
    }

    private async Task<(Person Original, Person Duplicate)> DuplicateAsync()
    {
        var options = new DbContextOptionsBuilder<SafeguardingDbContext>().UseSqlite($"Data Source={App.DatabasePath}").Options;
        await using var db = new SafeguardingDbContext(options, FixedTenantScope.AllPartnerships);
        var original = await db.People.AsNoTracking()
            .Where(p => p.IsChild && !p.IsRestricted && p.DateOfBirth != null && p.MergedIntoId == null)
            .OrderBy(p => p.GivenName).Skip(5).FirstAsync();
        var duplicate = new Person
        {
            Id = Guid.NewGuid(),
            PartnershipId = original.PartnershipId,
            GivenName = original.GivenName,
            FamilyName = original.FamilyName,
            DateOfBirth = original.DateOfBirth,
            Sex = original.Sex,
            AddressLine = original.AddressLine,
            Postcode = original.Postcode,
            IsChild = true,
        };
        db.People.Add(duplicate);
        db.Record(new DuplicateCreatedForBrowserTest(duplicate.Id), ProcessContext.System(DateTimeOffset.UtcNow, "browser test set-up", original.PartnershipId));
        await db.SaveChangesAsync();
        return (original, duplicate);
    }
}
