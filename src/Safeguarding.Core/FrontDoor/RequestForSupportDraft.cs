using System.Text.Json;
using System.Text.Json.Serialization;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.FrontDoor;

/// <summary>
/// A Request for Support being written. The answers are one JSON document so a half-finished
/// request (which would fail the rules) can be saved after every page, and so the API and the web
/// journey share one answers type; they become typed columns only on the <see cref="Contact"/>.
/// </summary>
public sealed class RequestForSupportDraft : IPartnershipOwned, IConcurrencyVersioned
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid OwnerUserId { get; set; }
    public ContactChannel Channel { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string AnswersJson { get; set; } = "{}";
    public long Version { get; set; }

    public RequestForSupportAnswers ReadAnswers() => JsonSerializer.Deserialize<RequestForSupportAnswers>(AnswersJson, Json) ?? new();

    public void WriteAnswers(RequestForSupportAnswers answers) => AnswersJson = JsonSerializer.Serialize(answers, Json);
}
