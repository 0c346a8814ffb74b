using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Api.RequestsForSupport;

/// <summary>What the API says about a request it received: enough for the agency's system to track it.</summary>
/// <param name="Status">Received, InScreening, AwaitingInformation, AwaitingDecision or Decided.</param>
/// <param name="DecisionDueAt">When the front door's 24-hour decision (FD-1) is due.</param>
/// <param name="Outcome">Once decided: the front door's outcome.</param>
/// <param name="OutcomeFeedback">Once decided: what the front door tells the referrer.</param>
public sealed record RequestForSupportReceipt(
    string Reference,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? DecisionDueAt,
    ContactState Status,
    ContactOutcome? Outcome = null,
    string? OutcomeFeedback = null,
    DateTimeOffset? OutcomeFeedbackAt = null);

/// <summary>
/// Requests for Support from agencies' own systems. The body is <see cref="RequestForSupportAnswers"/>
/// as JSON, checked by the same <see cref="RequestForSupportRules"/> as the web journey.
/// </summary>
public static class RequestsForSupportApi
{
    public const string Path = "/api/v1/requests-for-support";
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>A request is text; anything near this size is not one.</summary>
    private const long MaxBodyBytes = 1_000_000;

    /// <summary>Strict reading: a misspelt field is an error the caller sees, not an answer silently lost.</summary>
    private static readonly JsonSerializerOptions RequestJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static void ConfigureJson(JsonSerializerOptions options) => options.Converters.Add(new JsonStringEnumConverter());

    public static IEndpointRouteBuilder MapRequestsForSupportApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Path)
            .RequireAuthorization(AgencyApiKeyAuthentication.Policy)
            .WithTags("Requests for support")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        api.MapPost("", SubmitAsync)
            .WithName("SubmitRequestForSupport")
            .WithSummary("Send a Request for Support to the front door")
            .WithDescription("The body holds the referrer's answers. The Idempotency-Key header is required: sending the same key again returns the first request (200, Idempotent-Replayed: true) instead of making a second.")
            .Accepts<RequestForSupportAnswers>("application/json")
            .Produces<RequestForSupportReceipt>(StatusCodes.Status201Created)
            .Produces<RequestForSupportReceipt>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        api.MapGet("{reference}", StatusAsync)
            .WithName("GetRequestForSupport")
            .WithSummary("The status and outcome of a request your agency sent")
            .Produces<RequestForSupportReceipt>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> SubmitAsync(
        HttpContext http,
        [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey,
        RequestForSupportSubmission submission,
        ActorContext actor,
        SafeguardingDbContext db,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > 100)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "Idempotency-Key header required",
                "Send an Idempotency-Key header of 1 to 100 characters, unique to this request (a UUID is ideal). Resending with the same key never makes a second request.");
        }

        if (!http.Request.HasJsonContentType())
        {
            return ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "JSON required", "Send the request as application/json.");
        }

        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, "Request too large", $"A request for support must be under {MaxBodyBytes:N0} bytes.");
        }

        RequestForSupportAnswers? answers;
        try
        {
            answers = await JsonSerializer.DeserializeAsync<RequestForSupportAnswers>(http.Request.Body, RequestJson, cancellationToken);
        }
        catch (JsonException e)
        {
            // The path says where; the exception's message could echo the caller's data, so it is not returned or logged.
            var field = e.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "$";
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [field] = ["This is not valid here: check the field's name, type and allowed values"] },
                detail: "The body is not valid JSON for a request for support.",
                title: "The request body could not be read");
        }

        if (answers is null)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "The request body could not be read", "Send the request's answers as a JSON object.");
        }

        var agencyId = http.User.AgencyId() ?? throw new InvalidOperationException("An API key belongs to an agency.");
        var partnershipId = actor.Current().PartnershipId;
        var agencySystems = db.AgencyApiKeys.Where(k => k.AgencyId == agencyId).Select(k => k.ServiceUserId);

        // The same key from any of the agency's keys is the same request. The explicit partnership lets
        // the database use the unique (partnership, submitter, key) index instead of reading every contact the agency sent.
        var earlier = await db.Contacts.AsNoTracking()
            .Where(c => c.PartnershipId == partnershipId && c.IdempotencyKey == idempotencyKey && agencySystems.Contains(c.SubmittedByUserId))
            .FirstOrDefaultAsync(cancellationToken);
        if (earlier is not null)
        {
            return await ReplayAsync(http, db, earlier, cancellationToken);
        }

        // The referrer's agency is the key's agency, whatever the body says.
        answers.ReferrerAgencyId = agencyId;
        var schoolErrors = await UnknownSchoolsAsync(db, answers, cancellationToken);
        if (schoolErrors.Count > 0)
        {
            return ApiProblems.Invalid(schoolErrors);
        }

        var result = await submission.SubmitAsync(new RequestForSupportSubmit(answers, idempotencyKey, ContactChannel.Api), actor.Current(), cancellationToken);
        if (!result.Succeeded)
        {
            return ApiProblems.Invalid(result.Errors);
        }

        var contact = result.Value!.Contact;
        if (result.Value.AlreadySubmitted)
        {
            return await ReplayAsync(http, db, contact, cancellationToken);
        }

        return TypedResults.Created($"{Path}/{contact.Reference}", await ReceiptAsync(db, contact, cancellationToken));
    }

    private static async Task<IResult> StatusAsync(string reference, HttpContext http, ActorContext actor, SafeguardingDbContext db, CancellationToken cancellationToken)
    {
        var agencyId = http.User.AgencyId() ?? throw new InvalidOperationException("An API key belongs to an agency.");
        var partnershipId = actor.Current().PartnershipId;
        var agencySystems = db.AgencyApiKeys.Where(k => k.AgencyId == agencyId).Select(k => k.ServiceUserId);
        var contact = await db.Contacts.AsNoTracking()
            .Where(c => c.PartnershipId == partnershipId && c.Reference == reference && agencySystems.Contains(c.SubmittedByUserId))
            .FirstOrDefaultAsync(cancellationToken);

        // Another agency's request, or someone's on the web, is as unknown as one that does not exist.
        return contact is null
            ? ApiProblems.Problem(StatusCodes.Status404NotFound, "Not found", "Your agency has sent no request for support with this reference.")
            : TypedResults.Ok(await ReceiptAsync(db, contact, cancellationToken));
    }

    private static async Task<IResult> ReplayAsync(HttpContext http, SafeguardingDbContext db, Contact contact, CancellationToken cancellationToken)
    {
        http.Response.Headers[ReplayedHeader] = "true";
        return TypedResults.Ok(await ReceiptAsync(db, contact, cancellationToken));
    }

    private static async Task<RequestForSupportReceipt> ReceiptAsync(SafeguardingDbContext db, Contact contact, CancellationToken cancellationToken)
    {
        var due = await db.Clocks.AsNoTracking()
            .Where(c => c.SubjectType == Contact.SubjectType && c.SubjectId == contact.Id && c.RuleId == "FD-1")
            .Select(c => (DateTimeOffset?)c.DueAt)
            .FirstOrDefaultAsync(cancellationToken);
        ContactOutcome? outcome = null;
        if (contact.State == ContactState.Decided)
        {
            outcome = await db.ContactDecisions.AsNoTracking()
                .Where(d => d.ContactId == contact.Id && d.SupersededAt == null)
                .Select(d => (ContactOutcome?)d.Outcome)
                .FirstOrDefaultAsync(cancellationToken);
        }

        return new RequestForSupportReceipt(contact.Reference, contact.ReceivedAt, due, contact.State, outcome, contact.OutcomeFeedback, contact.OutcomeFeedbackAt);
    }

    /// <summary>A school chosen by id must be one of the partnership's agencies (the web journey offers only those).</summary>
    private static async Task<Dictionary<string, string>> UnknownSchoolsAsync(SafeguardingDbContext db, RequestForSupportAnswers answers, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        for (var i = 0; i < answers.Children.Count; i++)
        {
            if (answers.Children[i].SchoolAgencyId is { } schoolId && !await db.Agencies.AnyAsync(a => a.Id == schoolId, cancellationToken))
            {
                errors[$"Children[{i}].SchoolAgencyId"] = "The school or setting is not one of the partnership's agencies: leave it out and give schoolName";
            }
        }

        return errors;
    }
}
