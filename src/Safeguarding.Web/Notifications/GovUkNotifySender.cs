using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Safeguarding.Core.Notifications;

namespace Safeguarding.Web.Notifications;

public sealed class NotifyOptions
{
    public const string Section = "Notify";

    /// <summary>The GOV.UK Notify API key: "{key name}-{service id}-{secret}".</summary>
    public string? ApiKey { get; set; }

    /// <summary>An email template whose subject is ((subject)) and whose body is ((body)).</summary>
    public string? EmailTemplateId { get; set; }

    public Uri BaseUrl { get; set; } = new("https://api.notifications.service.gov.uk/");
}

/// <summary>The provider refused or failed a request; the outbox records it and retries later.</summary>
public sealed class NotifyRequestException : Exception
{
    public NotifyRequestException()
        : base("GOV.UK Notify request failed")
    {
    }

    public NotifyRequestException(string message)
        : base(message)
    {
    }

    public NotifyRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// Sends email through GOV.UK Notify's REST API (POST v2/notifications/email), as the official client
/// does. The official GovukNotify 8.2.0 package cannot be restored here (its JWT 11.x dependency is not
/// on the package feed), so the request and its HS256 bearer token are made directly: a few lines, no
/// extra dependency. Only ids go to Notify as the reference; the subject and body carry no case details.
/// </summary>
public sealed class GovUkNotifySender(HttpClient http, IOptions<NotifyOptions> options, TimeProvider clock) : INotificationSender
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task SendAsync(OutboundEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var settings = options.Value;
        var key = NotifyApiKey.Parse(settings.ApiKey);
        var templateId = string.IsNullOrWhiteSpace(settings.EmailTemplateId)
            ? throw new InvalidOperationException("Notify:EmailTemplateId is not configured.")
            : settings.EmailTemplateId;

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.BaseUrl, "v2/notifications/email"))
        {
            Content = JsonContent.Create(
                new EmailRequest(email.To, templateId, new Dictionary<string, string> { ["subject"] = email.Subject, ["body"] = email.Body }, email.Reference),
                options: Json),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key.Token(clock.GetUtcNow()));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Safeguarding", "1.0"));

        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // Notify's error body names the error type and what is wrong with the request; it does not
            // echo the recipient. Kept short, as it is stored on the outbox row.
            var detail = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new NotifyRequestException($"GOV.UK Notify returned {(int)response.StatusCode}: {detail[..Math.Min(detail.Length, 200)]}");
        }
    }

    private sealed record EmailRequest(
        [property: JsonPropertyName("email_address")] string EmailAddress,
        [property: JsonPropertyName("template_id")] string TemplateId,
        [property: JsonPropertyName("personalisation")] Dictionary<string, string> Personalisation,
        [property: JsonPropertyName("reference")] string Reference);
}

/// <summary>A Notify API key split into the service id (the token's issuer) and the signing secret.</summary>
public sealed record NotifyApiKey(string ServiceId, string Secret)
{
    private const int GuidLength = 36;

    public static NotifyApiKey Parse(string? apiKey)
    {
        // "{key name}-{service id}-{secret}": the last two parts are GUIDs; the name may contain hyphens.
        if (apiKey is null || apiKey.Length < (2 * GuidLength) + 1
            || !Guid.TryParse(apiKey[^GuidLength..], out _)
            || !Guid.TryParse(apiKey[^((2 * GuidLength) + 1)..^(GuidLength + 1)], out _))
        {
            throw new InvalidOperationException("Notify:ApiKey is missing or not in the form GOV.UK Notify issues.");
        }

        return new NotifyApiKey(apiKey[^((2 * GuidLength) + 1)..^(GuidLength + 1)], apiKey[^GuidLength..]);
    }

    /// <summary>A JWT signed with HS256, issued now: Notify accepts tokens up to 30 seconds old.</summary>
    public string Token(DateTimeOffset now)
    {
        var header = Base64Url("""{"typ":"JWT","alg":"HS256"}"""u8);
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { ["iss"] = ServiceId, ["iat"] = now.ToUnixTimeSeconds() }));
        var signature = Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.ASCII.GetBytes(header + "." + payload)));
        return header + "." + payload + "." + signature;
    }

    public override string ToString() => $"NotifyApiKey {{ ServiceId = {ServiceId} }}"; // never print the secret

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
