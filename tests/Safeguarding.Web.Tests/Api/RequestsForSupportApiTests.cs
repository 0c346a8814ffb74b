using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Core.Access;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Web.Tests.Infrastructure;

namespace Safeguarding.Web.Tests.Api;

public sealed class RequestsForSupportApiTests(SafeguardingWebFactory app) : IClassFixture<SafeguardingWebFactory>
{
    private const string DemoKey = AgencyApiKeys.DemoKey;

    private static string NewIdempotencyKey() => Guid.NewGuid().ToString();

    [Fact]
    public async Task ValidRequest_Is201Created_AndSavedAsAnApiContactWithItsDecisionClock()
    {
        var client = app.CreateClient();

        var response = await client.SendAsync(ApiRequests.Post(ApiRequests.Valid(), DemoKey, NewIdempotencyKey()));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await ApiRequests.JsonOf(response);
        var reference = (string)body["reference"]!;
        Assert.Matches(@"^RFS-\d{4}-\d{6}$", reference);
        Assert.Equal($"/api/v1/requests-for-support/{reference}", response.Headers.Location!.OriginalString);
        Assert.Equal("Received", (string)body["status"]!);
        await using var db = app.NewDbContext();
        var contact = await db.Contacts.IgnoreQueryFilters().Include(c => c.Children).SingleAsync(c => c.Reference == reference);
        Assert.Equal(ContactChannel.Api, contact.Channel);
        Assert.Equal("9434765919", contact.Children.Single().NhsNumber);
        var police = await db.AgencyApiKeys.IgnoreQueryFilters().SingleAsync(k => k.Prefix == AgencyApiKeys.PrefixOf(DemoKey));
        Assert.Equal(police.ServiceUserId, contact.SubmittedByUserId);
        Assert.Equal(police.AgencyId, contact.ReferrerAgencyId);
        var clock = await db.Clocks.IgnoreQueryFilters().SingleAsync(c => c.SubjectId == contact.Id && c.RuleId == "FD-1");
        Assert.Equal(clock.DueAt, DateTimeOffset.Parse((string)body["decisionDueAt"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.EventType == nameof(ContactReceived) && e.SubjectId == contact.Id.ToString()));
    }

    public static TheoryData<string> RequiredFields() => new(
        "urgency", "referrerName", "referrerRole", "referrerPhone", "referrerAgencyName", "children", "concerns", "concernNarrative",
        "childsVoice", "howChildWasSeen", "earlyHelpTried", "whatHasBeenTried", "consent", "consentNotObtainedReason", "levelOfNeed",
        "children[0].firstName", "children[0].lastName", "children[0].dateOfBirth", "children[0].sex",
        "household[0].name", "household[0].relationship");

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public async Task MissingRequiredField_Is400_WithTheWebJourneysMessageOnThatField(string field)
    {
        var body = ApiRequests.Valid();
        Remove(body, field);
        var client = app.CreateClient();

        var response = await client.SendAsync(ApiRequests.Post(body, DemoKey, NewIdempotencyKey()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await ApiRequests.JsonOf(response))["errors"]!.AsObject();
        Assert.Equal([field], errors.Select(e => e.Key));

        // The same rule set as the web journey: the message is the one its page shows.
        var ruleKey = string.Join('.', field.Split('.').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
        var expected = RequestForSupportRules.Validate(ApiRequests.AnswersOf(body), DateOnly.FromDateTime(DateTime.UtcNow))[ruleKey];
        Assert.Equal(expected, (string)errors[field]![0]!);
    }

    [Fact]
    public async Task InvalidNhsNumber_IsKeyedToTheChildsField()
    {
        var body = ApiRequests.Valid();
        body["children"]![0]!["nhsNumber"] = "943 476 5918";

        var response = await app.CreateClient().SendAsync(ApiRequests.Post(body, DemoKey, NewIdempotencyKey()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ApiRequests.JsonOf(response))["errors"]!.AsObject();
        Assert.Equal("Enter a real NHS number: 10 digits, like 943 476 5919", (string)errors["children[0].nhsNumber"]![0]!);
    }

    [Fact]
    public async Task SameIdempotencyKey_MakesOneContact_AndTheRepeatIsReplayed()
    {
        var client = app.CreateClient();
        var key = NewIdempotencyKey();

        var first = await client.SendAsync(ApiRequests.Post(ApiRequests.Valid(), DemoKey, key));
        var second = await client.SendAsync(ApiRequests.Post(ApiRequests.Valid(), DemoKey, key));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal((string)(await ApiRequests.JsonOf(first))["reference"]!, (string)(await ApiRequests.JsonOf(second))["reference"]!);
        await using var db = app.NewDbContext();
        Assert.Equal(1, await db.Contacts.IgnoreQueryFilters().CountAsync(c => c.IdempotencyKey == key));
    }

    [Fact]
    public async Task ConcurrentRepeats_MakeOneContact()
    {
        var client = app.CreateClient();
        var key = NewIdempotencyKey();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.SendAsync(ApiRequests.Post(ApiRequests.Valid(), DemoKey, key))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, r.StatusCode.ToString()));
        await using var db = app.NewDbContext();
        Assert.Equal(1, await db.Contacts.IgnoreQueryFilters().CountAsync(c => c.IdempotencyKey == key));
    }

    [Fact]
    public async Task MissingIdempotencyKey_Is400Problem()
    {
        var response = await app.CreateClient().SendAsync(ApiRequests.Post(ApiRequests.Valid(), DemoKey, idempotencyKey: null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Idempotency-Key", (string)(await ApiRequests.JsonOf(response))["title"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedJson_Is400Problem()
    {
        var response = await app.CreateClient().SendAsync(ApiRequests.Post("{\"urgency\": \"Urgent\",", DemoKey, NewIdempotencyKey()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task UnknownEnumValue_Is400Problem_KeyedToTheField()
    {
        var body = ApiRequests.Valid();
        body["urgency"] = "Whenever";

        var response = await app.CreateClient().SendAsync(ApiRequests.Post(body, DemoKey, NewIdempotencyKey()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ApiRequests.JsonOf(response))["errors"]!.AsObject().ContainsKey("urgency"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sgk_demo0000_not-the-right-key")]
    [InlineData("sgk_nosuchkey_ashbridge-police-development-key")]
    [InlineData("not-a-key")]
    public async Task WrongOrMissingKey_Is401Problem_WithABearerChallenge(string? key)
    {
        var response = await app.CreateClient().SendAsync(ApiRequests.Post(ApiRequests.Valid(), key, NewIdempotencyKey()));

        await AssertUnauthorisedAsync(response);
    }

    [Fact]
    public async Task RevokedKey_Is401()
    {
        var (key, keyId) = await IssueKeyAsync(AgencyType.Police);
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(ApiRequests.Post(ApiRequests.Valid(), key, NewIdempotencyKey()))).StatusCode);

        using (var scope = app.Services.CreateScope())
        {
            var keys = scope.ServiceProvider.GetRequiredService<AgencyApiKeys>();
            var revoked = await keys.RevokeAsync(keyId, "Shared by email", await AdminContextAsync());
            Assert.True(revoked.Succeeded);
        }

        await AssertUnauthorisedAsync(await client.SendAsync(ApiRequests.Post(ApiRequests.Valid(), key, NewIdempotencyKey())));
    }

    [Fact]
    public async Task SignedInUsersCookie_DoesNotAuthenticateTheApi()
    {
        var browser = await app.SignedInAsAsync(Roles.Referrer);

        var post = await browser.SendAsync(ApiRequests.Post(ApiRequests.Valid(), key: null, NewIdempotencyKey()));
        var get = await browser.SendAsync(ApiRequests.Get("RFS-2026-000001", key: null));

        await AssertUnauthorisedAsync(post);
        await AssertUnauthorisedAsync(get);
    }

    [Fact]
    public async Task Status_IsShownToTheSendingAgency_AndNotFoundForAnother()
    {
        var client = app.CreateClient();
        var created = await client.SendAsync(ApiRequests.Post(ApiRequests.Valid(), DemoKey, NewIdempotencyKey()));
        var reference = (string)(await ApiRequests.JsonOf(created))["reference"]!;
        var (healthKey, _) = await IssueKeyAsync(AgencyType.Health);

        var own = await client.SendAsync(ApiRequests.Get(reference, DemoKey));
        var other = await client.SendAsync(ApiRequests.Get(reference, healthKey));
        var unknown = await client.SendAsync(ApiRequests.Get("RFS-1999-000001", DemoKey));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var status = await ApiRequests.JsonOf(own);
        Assert.Equal(reference, (string)status["reference"]!);
        Assert.Equal("Received", (string)status["status"]!);
        Assert.NotNull(status["decisionDueAt"]);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task KeyUse_IsNoted()
    {
        var (key, keyId) = await IssueKeyAsync(AgencyType.Police);

        await app.CreateClient().SendAsync(ApiRequests.Get("RFS-1999-000001", key));

        await using var db = app.NewDbContext();
        Assert.NotNull((await db.AgencyApiKeys.IgnoreQueryFilters().SingleAsync(k => k.Id == keyId)).LastUsedAt);
    }

    [Fact]
    public async Task KeysAreStoredAsHashes()
    {
        var (key, keyId) = await IssueKeyAsync(AgencyType.Police);

        await using var db = app.NewDbContext();
        var stored = await db.AgencyApiKeys.IgnoreQueryFilters().SingleAsync(k => k.Id == keyId);
        Assert.Equal(key[..12], stored.Prefix);
        Assert.Equal(AgencyApiKeys.HashOf(key), stored.Hash);
        Assert.DoesNotContain(key[13..], stored.Hash, StringComparison.Ordinal);
        var serviceUser = await db.Users.IgnoreQueryFilters().SingleAsync(u => u.Id == stored.ServiceUserId);
        Assert.False(serviceUser.IsActive);
        Assert.Null(serviceUser.PasswordHash);
    }

    [Fact]
    public async Task OpenApiDocument_IsServedAnonymously_AndDescribesTheApi()
    {
        var response = await app.CreateClient().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await ApiRequests.JsonOf(response);
        var paths = document["paths"]!.AsObject();
        Assert.True(paths.ContainsKey("/api/v1/requests-for-support"));
        Assert.True(paths.ContainsKey("/api/v1/requests-for-support/{reference}"));
        Assert.NotNull(document["components"]!["securitySchemes"]!["AgencyApiKey"]);
        var responses = paths["/api/v1/requests-for-support"]!["post"]!["responses"]!.AsObject();
        Assert.True(responses.ContainsKey("400") && responses.ContainsKey("401") && responses.ContainsKey("201"));
    }

    private static async Task AssertUnauthorisedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(401, (int)(await ApiRequests.JsonOf(response))["status"]!);
    }

    private async Task<ProcessContext> AdminContextAsync()
    {
        await using var db = app.NewDbContext();
        var partnershipId = await db.Partnerships.Select(p => p.Id).SingleAsync();
        return ProcessContext.System(DateTimeOffset.UtcNow, "api test", partnershipId);
    }

    private async Task<(string Key, Guid Id)> IssueKeyAsync(AgencyType type)
    {
        Guid agencyId;
        await using (var db = app.NewDbContext())
        {
            agencyId = await db.Agencies.IgnoreQueryFilters().Where(a => a.Type == type).OrderBy(a => a.Name).Select(a => a.Id).FirstAsync();
        }

        using var scope = app.Services.CreateScope();
        var issued = await scope.ServiceProvider.GetRequiredService<AgencyApiKeys>().IssueAsync(agencyId, $"Test system {Guid.NewGuid():N}", await AdminContextAsync());
        Assert.True(issued.Succeeded, string.Join(", ", issued.Errors.Values));
        return (issued.Value!.PlainKey, issued.Value.Key.Id);
    }

    /// <summary>Removes "field" or "children[0].field" from the body.</summary>
    private static void Remove(JsonObject body, string field)
    {
        var parts = field.Split('.');
        if (parts.Length == 1)
        {
            body.Remove(field);
            return;
        }

        var list = parts[0][..parts[0].IndexOf('[', StringComparison.Ordinal)];
        var index = int.Parse(parts[0][(parts[0].IndexOf('[', StringComparison.Ordinal) + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
        body[list]![index]!.AsObject().Remove(parts[1]);
    }
}

/// <summary>Outside Development the documented demo key must not exist.</summary>
public sealed class ProductionApiKeyTests(ProductionWebFactory app) : IClassFixture<ProductionWebFactory>
{
    [Fact]
    public async Task TheDemoKey_IsNeverCreated_OutsideDevelopment()
    {
        await using var db = app.NewDbContext();
        Assert.False(await db.AgencyApiKeys.IgnoreQueryFilters().AnyAsync());

        var response = await app.CreateClient().SendAsync(ApiRequests.Post(ApiRequests.Valid(), AgencyApiKeys.DemoKey, Guid.NewGuid().ToString()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
