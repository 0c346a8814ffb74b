using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Data;
using Safeguarding.Core.Timescales;

namespace Safeguarding.Core.FrontDoor;

/// <summary>
/// MASH checks: the front door asks an agency what it knows about a contact's family, with a RAG
/// priority that sets the deadline (FD-3R 4 hours, FD-3A 1 working day, FD-3G 3 working days), and
/// the agency answers with its own RAG. The clock starts and stops in the same save as the request.
/// </summary>
public sealed class AgencyChecks(SafeguardingDbContext db, ClockService clocks)
{
    public const int LongestQuestion = 2000;
    public const int LongestResponse = RequestForSupportRules.LongText;
    public const string ChangedElsewhere = "Version";
    public const string ChangedElsewhereMessage = "Someone else answered or changed this request while you were working on it. Check the latest answer below";
    public const string LateReason = "Agency answered after the deadline";

    /// <summary>Besides the agency's own users, the front door may record an answer an agency gave by phone.</summary>
    public static readonly IReadOnlySet<string> AnswerForAnyAgencyRoles = new HashSet<string>(StringComparer.Ordinal) { Roles.FrontDoorWorker, Roles.FrontDoorManager };

    /// <summary>The FD-3 variant a priority starts.</summary>
    public static string RuleFor(RagPriority priority) => priority switch
    {
        RagPriority.Red => "FD-3R",
        RagPriority.Amber => "FD-3A",
        _ => "FD-3G",
    };

    /// <summary>Answered after the deadline, or still unanswered once it has passed.</summary>
    public static bool IsLate(AgencyInformationRequest request, DateTimeOffset now) =>
        request.RespondedAt is { } answered ? answered > request.DueAt : now > request.DueAt;

    public async Task<ChangeResult<AgencyInformationRequest>> RequestAsync(
        Guid contactId, Guid? agencyId, RagPriority? priority, string? question, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var requester = context.UserId ?? throw new InvalidOperationException("A check is requested by someone.");
        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.Id == contactId, cancellationToken);
        if (contact is null)
        {
            return ChangeResult<AgencyInformationRequest>.Refused("", "This contact no longer exists");
        }

        var errors = new Dictionary<string, string>();
        var agency = agencyId is { } id ? await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken) : null;
        if (agency is null || !agency.IsActive)
        {
            errors["AgencyId"] = "Select the agency to ask";
        }
        else if (await db.AgencyInformationRequests.AnyAsync(r => r.ContactId == contactId && r.AgencyId == agency.Id && r.RespondedAt == null, cancellationToken))
        {
            errors["AgencyId"] = $"{agency.Name} has already been asked about this contact and has not answered yet";
        }

        if (priority is null)
        {
            errors["Priority"] = "Select how urgently the agency must answer";
        }

        var text = question?.Trim() ?? "";
        if (text.Length == 0)
        {
            errors["Question"] = "Enter what you want the agency to check";
        }
        else if (text.Length > LongestQuestion)
        {
            errors["Question"] = $"What you want the agency to check must be {LongestQuestion} characters or fewer";
        }

        if (contact.State == ContactState.Decided)
        {
            errors[""] = "This contact has been decided: checks can no longer be requested";
        }

        if (errors.Count > 0)
        {
            return new ChangeResult<AgencyInformationRequest>(null, errors);
        }

        var request = new AgencyInformationRequest
        {
            Id = Guid.CreateVersion7(context.Now),
            PartnershipId = contact.PartnershipId,
            ContactId = contactId,
            AgencyId = agency!.Id,
            Priority = priority!.Value,
            Question = text,
            RequestedAt = context.Now,
            RequestedByUserId = requester,
        };
        var clock = await clocks.StartClockAsync(new StartClock(RuleFor(request.Priority), nameof(AgencyInformationRequest), request.Id, request.RequestedAt, AgencyId: request.AgencyId), context, cancellationToken);
        request.ClockId = clock.Id;
        request.DueAt = clock.DueAt;
        db.AgencyInformationRequests.Add(request);
        if (contact.State is ContactState.Received or ContactState.InScreening or ContactState.AwaitingDecision)
        {
            contact.State = ContactState.AwaitingInformation;
        }

        db.Record(new AgencyInformationRequested(request.Id, contactId, request.AgencyId, request.Priority, request.DueAt), context);
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult<AgencyInformationRequest>.Done(request);
    }

    /// <param name="expectedVersion">The version the person saw, so a second answer is refused rather than overwriting the first.</param>
    public async Task<ChangeResult<AgencyInformationRequest>> AnswerAsync(
        Guid requestId, string? response, RagPriority? responseRag, long expectedVersion, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var answerer = context.UserId ?? throw new InvalidOperationException("A check is answered by someone.");
        var request = await db.AgencyInformationRequests.SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null)
        {
            return ChangeResult<AgencyInformationRequest>.Refused("", "This request no longer exists");
        }

        if (!await MayAnswerAsync(answerer, request.AgencyId, cancellationToken))
        {
            return ChangeResult<AgencyInformationRequest>.Refused("", "Only the agency asked can answer this request");
        }

        if (request.Version != expectedVersion || request.IsAnswered)
        {
            return ChangeResult<AgencyInformationRequest>.Refused(ChangedElsewhere, ChangedElsewhereMessage);
        }

        var errors = new Dictionary<string, string>();
        var text = response?.Trim() ?? "";
        if (text.Length == 0)
        {
            errors["Response"] = "Enter what your agency knows, or that it holds no information";
        }
        else if (text.Length > LongestResponse)
        {
            errors["Response"] = $"Your response must be {LongestResponse:N0} characters or fewer";
        }

        if (responseRag is null)
        {
            errors["ResponseRag"] = "Select your agency's RAG rating";
        }

        if (errors.Count > 0)
        {
            return new ChangeResult<AgencyInformationRequest>(null, errors);
        }

        db.Entry(request).Property(r => r.Version).OriginalValue = expectedVersion;
        request.Response = text;
        request.ResponseRag = responseRag;
        request.RespondedAt = context.Now;
        request.RespondedByUserId = answerer;
        if (request.ClockId is { } clockId)
        {
            var late = context.Now > request.DueAt ? LateReason : null;
            await clocks.StopClockAsync(clockId, context.Now, late, context, cancellationToken);
        }

        // When the last check comes back the contact is ready for a manager's decision.
        var contact = await db.Contacts.SingleAsync(c => c.Id == request.ContactId, cancellationToken);
        var othersOpen = await db.AgencyInformationRequests.AnyAsync(r => r.ContactId == contact.Id && r.Id != requestId && r.RespondedAt == null, cancellationToken);
        if (contact.State == ContactState.AwaitingInformation && !othersOpen)
        {
            contact.State = ContactState.AwaitingDecision;
        }

        db.Record(new AgencyInformationAnswered(request.Id, request.ContactId, request.AgencyId, responseRag!.Value, IsLate(request, context.Now)), context);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return ChangeResult<AgencyInformationRequest>.Done(request);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Forget the refused changes so a later save in this request (an access record) cannot carry them.
            db.ChangeTracker.Clear();
            return ChangeResult<AgencyInformationRequest>.Refused(ChangedElsewhere, ChangedElsewhereMessage);
        }
    }

    /// <summary>A user of the agency asked, or front door staff recording an answer given to them.</summary>
    public async Task<bool> MayAnswerAsync(Guid userId, Guid agencyId, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.IsActive).Select(u => new { u.AgencyId }).SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return false;
        }

        if (user.AgencyId == agencyId)
        {
            return true;
        }

        var roles = await db.UserRoles.Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name)
            .ToListAsync(cancellationToken);
        return roles.Any(r => r is not null && AnswerForAnyAgencyRoles.Contains(r));
    }
}

public sealed record AgencyInformationRequested(Guid RequestId, Guid ContactId, Guid AgencyId, RagPriority Priority, DateTimeOffset DueAt) : IDomainEvent
{
    public string SubjectType => Contact.SubjectType;
    public string SubjectId => ContactId.ToString();
}

public sealed record AgencyInformationAnswered(Guid RequestId, Guid ContactId, Guid AgencyId, RagPriority ResponseRag, bool Late) : IDomainEvent
{
    public string SubjectType => Contact.SubjectType;
    public string SubjectId => ContactId.ToString();
}
