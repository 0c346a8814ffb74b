using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Safeguarding.Core.FrontDoor;

namespace Safeguarding.Web.Tests.Api;

/// <summary>Requests as an agency's system sends them.</summary>
public static class ApiRequests
{
    public const string Path = "/api/v1/requests-for-support";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>A complete, valid request (synthetic: the ZX postcode area does not exist; the NHS number is in the test range).</summary>
    public static JsonObject Valid() => new()
    {
        ["referrerName"] = "PC Sam Tester",
        ["referrerRole"] = "Police constable",
        ["referrerPhone"] = "0121 496 0000",
        ["referrerEmail"] = "sam.tester@example.com",
        ["referrerAgencyName"] = "Ashbridge Police",
        ["urgency"] = "Urgent",
        ["children"] = new JsonArray(new JsonObject
        {
            ["firstName"] = "Alex",
            ["lastName"] = "Tester",
            ["dateOfBirth"] = "2018-03-04",
            ["sex"] = "Female",
            ["nhsNumber"] = "943 476 5919",
            ["postcode"] = "ZX1 1AA",
        }),
        ["household"] = new JsonArray(new JsonObject { ["name"] = "Jo Tester", ["relationship"] = "Mother" }),
        ["concerns"] = new JsonArray("DomesticAbuse"),
        ["concernNarrative"] = "Officers attended a domestic incident at the home; the child was present.",
        ["childsVoice"] = "Alex said she was scared when the shouting started.",
        ["howChildWasSeen"] = "Seen at home by attending officers last night.",
        ["earlyHelpTried"] = false,
        ["whatHasBeenTried"] = "Nothing yet: this is the first police contact with the family.",
        ["consent"] = "NotObtained",
        ["consentNotObtainedReason"] = "Seeking consent could place the child at risk.",
        ["levelOfNeed"] = "Significant",
    };

    public static RequestForSupportAnswers AnswersOf(JsonObject body) => body.Deserialize<RequestForSupportAnswers>(Json)!;

    public static HttpRequestMessage Post(JsonObject body, string? key, string? idempotencyKey) =>
        Post(body.ToJsonString(), key, idempotencyKey);

    public static HttpRequestMessage Post(string body, string? key, string? idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return request;
    }

    public static HttpRequestMessage Get(string reference, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"{Path}/{reference}");
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return request;
    }

    public static async Task<JsonObject> JsonOf(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
}
