using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Safeguarding.Core.Notifications;
using Safeguarding.Web.Notifications;

namespace Safeguarding.Web.Tests.Notifications;

public sealed class GovUkNotifySenderTests
{
    private const string ServiceId = "26785a09-ab16-4eb0-8407-a37497a57506";
    private const string Secret = "3d844edf-8d35-48ac-975b-e847b4f122b0";
    private const string ApiKey = "safeguarding-live-" + ServiceId + "-" + Secret;
    private const string TemplateId = "f33517ff-2a88-4f6e-b855-c550268ce08a";
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SendsTheEmail_ToNotify_WithSubjectAndBodyAsPersonalisation_AndTheReferenceOfIdsOnly()
    {
        var handler = new CapturingHandler(HttpStatusCode.Created, """{"id":"740e5834-3a29-46b4-9a6f-16142fde533a"}""");
        var sender = Sender(handler);

        await sender.SendAsync(new OutboundEmail("worker@example.org", "Overdue: Decision on a referral", "Line one\n\nLine two", "clock-overdue:0193"), CancellationToken.None);

        Assert.Equal(HttpMethod.Post, handler.Method);
        Assert.Equal("https://api.notifications.service.gov.uk/v2/notifications/email", handler.Uri!.ToString());
        using var body = JsonDocument.Parse(handler.Body!);
        Assert.Equal("worker@example.org", body.RootElement.GetProperty("email_address").GetString());
        Assert.Equal(TemplateId, body.RootElement.GetProperty("template_id").GetString());
        Assert.Equal("clock-overdue:0193", body.RootElement.GetProperty("reference").GetString());
        Assert.Equal("Overdue: Decision on a referral", body.RootElement.GetProperty("personalisation").GetProperty("subject").GetString());
        Assert.Equal("Line one\n\nLine two", body.RootElement.GetProperty("personalisation").GetProperty("body").GetString());
        Assert.Equal("Bearer", handler.Authorization!.Scheme);
    }

    [Fact]
    public async Task TheBearerToken_IsAnHs256Jwt_IssuedByTheService_SignedWithTheSecret()
    {
        var handler = new CapturingHandler(HttpStatusCode.Created, "{}");

        await Sender(handler).SendAsync(new OutboundEmail("worker@example.org", "s", "b", "r"), CancellationToken.None);

        var parts = handler.Authorization!.Parameter!.Split('.');
        Assert.Equal(3, parts.Length);
        using var header = JsonDocument.Parse(FromBase64Url(parts[0]));
        using var claims = JsonDocument.Parse(FromBase64Url(parts[1]));
        Assert.Equal("HS256", header.RootElement.GetProperty("alg").GetString());
        Assert.Equal("JWT", header.RootElement.GetProperty("typ").GetString());
        Assert.Equal(ServiceId, claims.RootElement.GetProperty("iss").GetString());
        Assert.Equal(Now.ToUnixTimeSeconds(), claims.RootElement.GetProperty("iat").GetInt64());
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        Assert.Equal(expected, FromBase64Url(parts[2]));
    }

    [Fact]
    public async Task ARefusal_Throws_SoTheOutboxRetries()
    {
        var handler = new CapturingHandler(HttpStatusCode.BadRequest, """{"status_code":400,"errors":[{"error":"BadRequestError","message":"Missing personalisation: body"}]}""");

        var error = await Assert.ThrowsAsync<NotifyRequestException>(() => Sender(handler).SendAsync(new OutboundEmail("worker@example.org", "s", "b", "r"), CancellationToken.None));

        Assert.StartsWith("GOV.UK Notify returned 400", error.Message, StringComparison.Ordinal);
        Assert.Contains("Missing personalisation: body", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-key")]
    [InlineData("name-" + ServiceId + "-not-a-guid-at-all-not-a-guid-at-all")]
    public void AMalformedApiKey_IsRefused_WithoutEchoingIt(string? key)
    {
        var error = Assert.Throws<InvalidOperationException>(() => NotifyApiKey.Parse(key));

        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnApiKey_SplitsIntoServiceIdAndSecret_EvenWhenTheNameHasHyphens()
    {
        var key = NotifyApiKey.Parse(ApiKey);

        Assert.Equal(ServiceId, key.ServiceId);
        Assert.Equal(Secret, key.Secret);
        Assert.DoesNotContain(Secret, key.ToString(), StringComparison.Ordinal);
    }

    private static GovUkNotifySender Sender(HttpMessageHandler handler) =>
        new(new HttpClient(handler), Options.Create(new NotifyOptions { ApiKey = ApiKey, EmailTemplateId = TemplateId }), new FakeTimeProvider(Now));

    private static byte[] FromBase64Url(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
    }

    private sealed class CapturingHandler(HttpStatusCode status, string response) : HttpMessageHandler
    {
        public HttpMethod? Method { get; private set; }

        public Uri? Uri { get; private set; }

        public string? Body { get; private set; }

        public System.Net.Http.Headers.AuthenticationHeaderValue? Authorization { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Method = request.Method;
            Uri = request.RequestUri;
            Authorization = request.Headers.Authorization;
            Body = await request.Content!.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(status) { Content = new StringContent(response, Encoding.UTF8, "application/json") };
        }
    }
}

public sealed class DevelopmentMailboxTests
{
    [Fact]
    public async Task KeepsTheLatest200_NewestFirst()
    {
        var time = new FakeTimeProvider();
        var mailbox = new DevelopmentMailbox(time);

        for (var i = 1; i <= 250; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await mailbox.SendAsync(new OutboundEmail($"u{i}@example.org", $"Subject {i}", "Body", $"ref:{i}"), CancellationToken.None);
        }

        var messages = mailbox.NewestFirst();
        Assert.Equal(DevelopmentMailbox.Capacity, messages.Count);
        Assert.Equal("ref:250", messages[0].Reference);
        Assert.Equal("ref:51", messages[^1].Reference);
        Assert.Equal(time.GetUtcNow(), messages[0].ReceivedAt);
    }

    [Fact]
    public async Task ManySendersAtOnce_LoseNothing_UpToCapacity()
    {
        var mailbox = new DevelopmentMailbox(TimeProvider.System);

        await Parallel.ForEachAsync(Enumerable.Range(0, 150), async (i, token) =>
            await mailbox.SendAsync(new OutboundEmail("u@example.org", "s", "b", $"ref:{i}"), token));

        Assert.Equal(150, mailbox.NewestFirst().Select(m => m.Reference).Distinct(StringComparer.Ordinal).Count());
    }
}
