using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Calendar;
using Safeguarding.Web.Tests.Account;
using Safeguarding.Web.Tests.Infrastructure;

namespace Safeguarding.Web.Tests.Timescales;

public sealed class RuleAndHolidayAdministrationTests(SafeguardingWebFactory app) : IClassFixture<SafeguardingWebFactory>
{
    private static (string, string)[] DateFields(string name, DateOnly date) =>
    [
        ($"{name}-day", date.Day.ToString(CultureInfo.InvariantCulture)),
        ($"{name}-month", date.Month.ToString(CultureInfo.InvariantCulture)),
        ($"{name}-year", date.Year.ToString(CultureInfo.InvariantCulture)),
    ];

    private async Task<HttpResponseMessage> PostOverrideAsync(HttpClient admin, string ruleId, DateOnly? from, string duration, string unit, string dueSoon, string reason)
    {
        var url = $"/timescales/rules/override/{ruleId}";
        var page = await admin.GetDocumentAsync(url);
        var fields = new List<(string, string)> { ("Input.Duration", duration), ("Input.Unit", unit), ("Input.DueSoonWarning", dueSoon), ("Input.Reason", reason) };
        if (from is { } date)
        {
            fields.AddRange(DateFields("Input.EffectiveFrom", date));
        }

        return await admin.PostFieldsAsync(url, page, [.. fields]);
    }

    [Fact]
    public async Task Override_Invalid_ShowsErrorsInTheSummary()
    {
        var admin = await app.SignedInAsAsync(Roles.Administrator);

        var empty = await (await PostOverrideAsync(admin, "LR-1", null, "", "", "", "")).ReadDocumentAsync();
        var links = empty.ErrorSummaryLinks();
        Assert.Contains(("Enter the date the local version starts", "#Input_EffectiveFrom"), links);
        Assert.Contains(("Enter the reason for the local version", "#Input_Reason"), links);
        Assert.Contains(links, l => l.Href == "#Input_Duration");
        foreach (var (_, href) in links)
        {
            Assert.NotNull(empty.GetElementById(href[1..]));
        }

        var fraction = await (await PostOverrideAsync(admin, "LR-1", TimescaleTestData.LondonToday.AddDays(10), "2.5", "WorkingDays", "1", "Local decision")).ReadDocumentAsync();
        Assert.Equal([("The timescale must be a whole number", "#Input_Duration")], fraction.ErrorSummaryLinks());

        var past = await (await PostOverrideAsync(admin, "LR-1", TimescaleTestData.LondonToday.AddDays(-1), "4", "WorkingDays", "1", "Local decision")).ReadDocumentAsync();
        Assert.Equal([("The date the local version starts must be today or in the future", "#Input_EffectiveFrom-day")], past.ErrorSummaryLinks());
    }

    [Fact]
    public async Task Override_Valid_IsListedAndAudited_AndTheSameDateIsRefused()
    {
        var admin = await app.SignedInAsAsync(Roles.Administrator);
        var from = TimescaleTestData.LondonToday.AddDays(30);

        var response = await PostOverrideAsync(admin, "LR-2", from, "4", "WorkingDays", "1", "Partners asked for a shorter timescale");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/timescales/rules", response.Location());
        var rules = await admin.GetDocumentAsync("/timescales/rules");
        Assert.Contains($"From {DateDisplay.Readable(from)}: 4 working days", rules.GetElementById("rule-LR-2")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Local version of LR-2 added", rules.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        await using (var db = app.NewDbContext())
        {
            var saved = await db.TimescaleRuleOverrides.IgnoreQueryFilters().SingleAsync(o => o.RuleId == "LR-2");
            Assert.Equal(4, saved.Duration);
            var audit = await db.AuditEvents.SingleAsync(e => e.EventType == "TimescaleRuleOverridden" && e.SubjectId == "LR-2");
            Assert.Equal("Partners asked for a shorter timescale", audit.Reason);
        }

        var again = await (await PostOverrideAsync(admin, "LR-2", from, "3", "WorkingDays", "1", "Again")).ReadDocumentAsync();
        Assert.Equal([("A local version of this rule already starts on that date", "#Input_EffectiveFrom-day")], again.ErrorSummaryLinks());
    }

    [Fact]
    public async Task Override_UnknownRule_IsNotFound()
    {
        var admin = await app.SignedInAsAsync(Roles.Administrator);

        var response = await admin.GetAsync("/timescales/rules/override/XX-9");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task BankHoliday_RemovingAPastDay_IsRefusedWithTheReason()
    {
        var admin = await app.SignedInAsAsync(Roles.Administrator);
        var page = await admin.GetDocumentAsync("/timescales/bank-holidays/change");

        var response = await admin.PostFieldsAsync("/timescales/bank-holidays/change", page,
            [("Input.Kind", "Remove"), .. DateFields("Input.Date", new DateOnly(2025, 5, 5)), ("Input.Title", "Early May bank holiday"), ("Input.Reason", "Testing")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([("Only a future bank holiday can be removed; Mon 5 May 2025 is not after today", "#Input_Date-day")], (await response.ReadDocumentAsync()).ErrorSummaryLinks());
    }

    [Fact]
    public async Task BankHoliday_MoveWithoutNewDate_AsksForIt()
    {
        var admin = await app.SignedInAsAsync(Roles.Administrator);
        var page = await admin.GetDocumentAsync("/timescales/bank-holidays/change");

        var response = await admin.PostFieldsAsync("/timescales/bank-holidays/change", page,
            [("Input.Kind", "Move"), .. DateFields("Input.Date", new DateOnly(2027, 5, 3)), ("Input.Title", "Early May bank holiday"), ("Input.Reason", "Testing")]);

        Assert.Equal([("Enter the date the bank holiday moves to", "#Input_MovedTo")], (await response.ReadDocumentAsync()).ErrorSummaryLinks());
    }

    [Fact]
    public async Task BankHoliday_AddingAFutureDay_IsListedAndAudited()
    {
        var admin = await app.SignedInAsAsync(Roles.Administrator);
        var calendar = WorkingDayCalendar.EnglandAndWales();
        var day = calendar.NextWorkingDay(TimescaleTestData.LondonToday.AddDays(20));
        var page = await admin.GetDocumentAsync("/timescales/bank-holidays/change");

        var response = await admin.PostFieldsAsync("/timescales/bank-holidays/change", page,
            [("Input.Kind", "Add"), .. DateFields("Input.Date", day), ("Input.Title", "Test proclamation"), ("Input.Reason", "A proclamation for the test")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await admin.GetDocumentAsync("/timescales/bank-holidays");
        Assert.Contains("Test proclamation added", list.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        var holiday = list.QuerySelectorAll("#holidays tbody tr").Single(r => r.TextContent.Contains(DateDisplay.Readable(day), StringComparison.Ordinal));
        Assert.Contains("Test proclamation", holiday.TextContent, StringComparison.Ordinal);
        Assert.Contains("Local change", holiday.TextContent, StringComparison.Ordinal);
        Assert.Contains("A proclamation for the test", list.GetElementById("changes")!.TextContent, StringComparison.Ordinal);
        await using var db = app.NewDbContext();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.EventType == "BankHolidayChanged" && e.Reason == "A proclamation for the test"));
    }
}
