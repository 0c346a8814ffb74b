using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Web.Tests.Infrastructure;

namespace Safeguarding.Web.Tests.Learning;

/// <summary>The serious incident notification flow: the first real use of the statutory clocks.</summary>
public sealed class SeriousIncidentTests(SafeguardingWebFactory app) : IClassFixture<SafeguardingWebFactory>
{
    private static Dictionary<string, string> Form(string incident, string aware, string time, string outcome = "Died", params string[] criteria)
    {
        var fields = new Dictionary<string, string>
        {
            ["IncidentDate-day"] = incident.Split('/')[0],
            ["IncidentDate-month"] = incident.Split('/')[1],
            ["IncidentDate-year"] = incident.Split('/')[2],
            ["AwareDate-day"] = aware.Split('/')[0],
            ["AwareDate-month"] = aware.Split('/')[1],
            ["AwareDate-year"] = aware.Split('/')[2],
            ["AwareTime"] = time,
            ["Outcome"] = outcome,
        };
        for (var i = 0; i < criteria.Length; i++)
        {
            fields[$"Criteria[{i}]"] = criteria[i];
        }

        return fields;
    }

    private async Task<(HttpClient Client, string DetailsUrl)> RecordAsync(Dictionary<string, string> fields)
    {
        var client = await app.SignedInAsAsync(Roles.PartnershipOfficer);
        var page = await client.GetDocumentAsync("/learning/serious-incidents/record");
        var response = await client.PostFormAsync("/learning/serious-incidents/record", page, fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Not recorded ({(int)response.StatusCode}): " + string.Join("; ", (await response.ReadDocumentAsync()).ErrorSummary()));
        return (client, response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Post_EmptyForm_ShowsEveryErrorInTheSummary_LinkedToItsField()
    {
        var client = await app.SignedInAsAsync(Roles.PartnershipOfficer);
        var page = await client.GetDocumentAsync("/learning/serious-incidents/record");

        var response = await client.PostFormAsync("/learning/serious-incidents/record", page, new Dictionary<string, string>());
        var result = await response.ReadDocumentAsync();

        var errors = result.ErrorSummaryLinks();
        Assert.Contains(errors, e => e.Text == "Enter the date of the incident");
        Assert.Contains(errors, e => e.Text == "Enter the date the local authority became aware");
        Assert.Contains(errors, e => e.Text == "Select whether the child died or was seriously harmed");
        Assert.All(errors, e => Assert.NotNull(result.QuerySelector(e.Href)));
        Assert.StartsWith("Error:", result.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AwareOnTheThursdayBeforeEaster_NotificationIsDueTheMondayAfterTheBankHoliday()
    {
        var (client, details) = await RecordAsync(Form("16/4/2025", "17/4/2025", "10:15", "Died", "abuse-or-neglect"));

        var page = await client.GetDocumentAsync(details);

        var lr1 = page.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("(LR-1)", StringComparison.Ordinal));
        Assert.Contains("Monday 28 April 2025", lr1.QuerySelector(".app-clock-due")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Overdue", lr1.QuerySelector(".govuk-tag")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".app-clock-note"));
    }

    [Fact]
    public async Task AwareOnASaturday_SaysCountingStartedOnTheNextWorkingDay()
    {
        var (client, details) = await RecordAsync(Form("18/4/2025", "19/4/2025", "09:00", "SeriouslyHarmed", "abuse-or-neglect"));

        var page = await client.GetDocumentAsync(details);

        var lr1 = page.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("(LR-1)", StringComparison.Ordinal));
        Assert.Contains("Tuesday 29 April 2025", lr1.TextContent, StringComparison.Ordinal);
        Assert.Contains("Saturday 19 April 2025 was not a working day, so counting started on Tuesday 22 April 2025", page.QuerySelector(".app-clock-note")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CriteriaNotMet_IsRefusedWithTheReason_AndNothingIsSaved()
    {
        var client = await app.SignedInAsAsync(Roles.PartnershipOfficer);
        var page = await client.GetDocumentAsync("/learning/serious-incidents/record");
        await using var before = app.NewDbContext();
        var count = await before.SeriousIncidentNotifications.CountAsync();

        var response = await client.PostFormAsync("/learning/serious-incidents/record", page, Form("1/3/2025", "2/3/2025", "12:00", "SeriouslyHarmed"));
        var result = await response.ReadDocumentAsync();

        Assert.Contains(result.ErrorSummary(), e => e.StartsWith("This does not meet the criteria", StringComparison.Ordinal));
        await using var after = app.NewDbContext();
        Assert.Equal(count, await after.SeriousIncidentNotifications.CountAsync());
    }

    [Fact]
    public async Task NotifyingThePanelLate_NeedsAReason_ThenShowsMetLate()
    {
        var (client, details) = await RecordAsync(Form("2/6/2025", "2/6/2025", "08:00", "Died", "abuse-or-neglect"));
        var page = await client.GetDocumentAsync(details);
        var late = new Dictionary<string, string> { ["NotifiedDate-day"] = "16", ["NotifiedDate-month"] = "6", ["NotifiedDate-year"] = "2025", ["NotifiedTime"] = "11:00" };

        var refused = await (await client.PostFormAsync(details, page, late)).ReadDocumentAsync();
        late["ReasonForLateness"] = "Awaiting police confirmation of the circumstances";
        var accepted = await client.PostFormAsync(details, refused, late);
        var after = await client.GetDocumentAsync(details);

        Assert.Contains("Enter the reason it was late", refused.ErrorSummary());
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var lr1 = after.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("(LR-1)", StringComparison.Ordinal));
        Assert.Contains("Met late by 5 working days", lr1.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ViewingANotification_IsAudited_AndRecordingIt_WritesItsEvents()
    {
        var (client, details) = await RecordAsync(Form("5/5/2025", "6/5/2025", "09:30", "Died", "abuse-or-neglect"));
        await client.GetDocumentAsync(details);
        var id = details.Split('/').Last();

        await using var db = app.NewDbContext();
        var events = await db.AuditEvents.Where(e => e.SubjectId == id).Select(e => new { e.EventType, e.Kind }).ToListAsync();

        Assert.Contains(events, e => e.EventType == "SeriousIncidentRecorded" && e.Kind == AuditKind.Write);
        Assert.Contains(events, e => e.EventType == "RecordViewed" && e.Kind == AuditKind.Access);
        Assert.Equal(2, await db.Clocks.CountAsync(c => c.SubjectId == Guid.Parse(id)));
    }
}
