using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Chronology;
using Safeguarding.Core.Data;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.Timescales;
using Safeguarding.Core.Workforce;

namespace Safeguarding.Core.Pathway;

/// <summary>A manager's authorisation of an assessment; nullable where a person types or chooses it.</summary>
public sealed record AssessmentAuthorisationForm(
    DateOnly? AuthorisationDate,
    IReadOnlyCollection<string>? Factors,
    AssessmentOutcome? Outcome,
    string? PrimaryNeed,
    string? ReasonForLateness);

/// <summary>
/// A child and family assessment on an open episode: start (one open assessment per episode),
/// allocate to a social worker, the first visit, and a team manager's authorisation. Clocks: an
/// assessment started without a social worker starts CW-2 (allocation in 7 working days from its
/// start); allocation stops CW-2 and starts CW-3 (visit in 3 working days); the visit stops CW-3;
/// authorisation stops the episode's CW-1 and ends any CW-2 or CW-3 still running as not required.
/// </summary>
public sealed class AssessmentRecording(SafeguardingDbContext db, ClockService clocks, ChildChronology chronology)
{
    /// <summary>"21 No factors identified": only on its own.</summary>
    public const string NoFactorsCode = "21";

    public async Task<ChangeResult<Assessment>> StartAsync(Guid episodeId, long episodeVersion, DateOnly? startDate, Guid? socialWorkerUserId, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var episode = await db.CinEpisodes.SingleOrDefaultAsync(e => e.Id == episodeId, cancellationToken);
        if (episode is null)
        {
            return ChangeResult<Assessment>.Refused("", "This child in need episode no longer exists");
        }

        Episodes.ExpectVersion(db, episode, episodeId, episodeVersion);
        var errors = new Dictionary<string, string>();
        if (!episode.IsOpen)
        {
            errors[""] = "This child in need episode is closed: open a new referral to start an assessment";
        }
        else if (await db.Assessments.AnyAsync(a => a.EpisodeId == episodeId && a.AuthorisationDate == null, cancellationToken))
        {
            errors[""] = "This episode already has an assessment in progress: authorise it before starting another";
        }

        CheckDate(errors, "StartDate", startDate, episode.ReferralDate, "the assessment started", "the referral date", context);
        if (socialWorkerUserId is { } worker && !await IsSocialWorkerAsync(worker, episode.PartnershipId, cancellationToken))
        {
            errors["SocialWorkerUserId"] = "Select a social worker from the list";
        }

        if (errors.Count > 0)
        {
            return new ChangeResult<Assessment>(null, errors);
        }

        var start = startDate!.Value;
        var assessment = new Assessment
        {
            Id = Guid.CreateVersion7(context.Now),
            PartnershipId = episode.PartnershipId,
            EpisodeId = episode.Id,
            PersonId = episode.PersonId,
            StartDate = start,
            SocialWorkerUserId = socialWorkerUserId,
            AllocatedOn = socialWorkerUserId is null ? null : start,
        };
        db.Assessments.Add(assessment);
        Episodes.Touch(db, episode);
        db.Record(new AssessmentStarted(assessment.Id, episode.Id, start, socialWorkerUserId), context);
        if (socialWorkerUserId is { } allocated)
        {
            await CaseAllocations.AllocateForAssessmentAsync(db, episode.PartnershipId, episode.PersonId, allocated, start, context, cancellationToken);
        }

        var clockStart = new StartClock(socialWorkerUserId is null ? Episodes.AllocationRuleId : Episodes.VisitRuleId,
            Episodes.AssessmentSubjectType, assessment.Id, Episodes.InstantOf(start), socialWorkerUserId);
        await clocks.StartClockAsync(clockStart, context, cancellationToken);
        var entry = await chronology.StageAsync(new ChronologyEntryForm(
            episode.PersonId, start, ChronologyEntryType.Assessment, null, "Child and family assessment started",
            IsSignificant: false, Source: Episodes.ChronologySource), context, cancellationToken);
        if (!entry.Succeeded)
        {
            return new ChangeResult<Assessment>(null, entry.Errors);
        }

        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult<Assessment>.Done(assessment);
    }

    /// <summary>Allocates (or reallocates) the assessment to a social worker.</summary>
    public async Task<ChangeResult<Assessment>> AllocateAsync(Guid assessmentId, long version, Guid? socialWorkerUserId, DateOnly? allocatedOn, string? reasonForLateness, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var assessment = await LoadAsync(assessmentId, version, cancellationToken);
        if (assessment is null)
        {
            return ChangeResult<Assessment>.Refused("", "This assessment no longer exists");
        }

        var errors = new Dictionary<string, string>();
        if (assessment.IsCompleted)
        {
            errors[""] = "This assessment has been authorised: it can no longer be allocated";
        }

        if (socialWorkerUserId is not { } chosen || !await IsSocialWorkerAsync(chosen, assessment.PartnershipId, cancellationToken))
        {
            errors["SocialWorkerUserId"] = "Select the social worker";
        }

        CheckDate(errors, "AllocatedOn", allocatedOn, assessment.StartDate, "it was allocated", "the date the assessment started", context);
        if (errors.Count > 0)
        {
            return new ChangeResult<Assessment>(null, errors);
        }

        var on = allocatedOn!.Value;
        var worker = socialWorkerUserId!.Value;
        var previous = assessment.SocialWorkerUserId;
        if (await Episodes.RunningClockAsync(db, Episodes.AssessmentSubjectType, assessment.Id, Episodes.AllocationRuleId, cancellationToken) is { } cw2)
        {
            var stopped = await clocks.StopClockAsync(cw2.Id, Episodes.InstantOf(on), Episodes.Blank(reasonForLateness), context, cancellationToken);
            if (!stopped.Succeeded)
            {
                return Field(stopped.Errors, "AllocatedOn");
            }
        }

        var cw3 = await Episodes.RunningClockAsync(db, Episodes.AssessmentSubjectType, assessment.Id, Episodes.VisitRuleId, cancellationToken);
        if (assessment.FirstVisitOn is null && cw3 is null)
        {
            await clocks.StartClockAsync(new StartClock(Episodes.VisitRuleId, Episodes.AssessmentSubjectType, assessment.Id, Episodes.InstantOf(on), worker), context, cancellationToken);
        }
        else if (cw3 is not null)
        {
            cw3.AssignedUserId = worker;
        }

        assessment.SocialWorkerUserId = worker;
        assessment.AllocatedOn = on;
        db.Record(new AssessmentAllocated(assessment.Id, worker, on, previous), context);
        await CaseAllocations.AllocateForAssessmentAsync(db, assessment.PartnershipId, assessment.PersonId, worker, on, context, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult<Assessment>.Done(assessment);
    }

    /// <summary>The social worker's first visit to the child: stops CW-3.</summary>
    public async Task<ChangeResult<Assessment>> RecordVisitAsync(Guid assessmentId, long version, DateOnly? visitedOn, string? reasonForLateness, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var assessment = await LoadAsync(assessmentId, version, cancellationToken);
        if (assessment is null)
        {
            return ChangeResult<Assessment>.Refused("", "This assessment no longer exists");
        }

        var errors = new Dictionary<string, string>();
        if (assessment.FirstVisitOn is { } already)
        {
            errors[""] = $"The first visit has already been recorded, on {Episodes.Format(already)}";
        }
        else if (assessment.AllocatedOn is null)
        {
            errors[""] = "Allocate the assessment to a social worker before recording the visit";
        }

        CheckDate(errors, "VisitedOn", visitedOn, assessment.StartDate, "the child was visited", "the date the assessment started", context);
        if (errors.Count > 0)
        {
            return new ChangeResult<Assessment>(null, errors);
        }

        var on = visitedOn!.Value;
        if (await Episodes.RunningClockAsync(db, Episodes.AssessmentSubjectType, assessment.Id, Episodes.VisitRuleId, cancellationToken) is { } cw3)
        {
            // A visit before the formal allocation meets the timescale on the day of allocation.
            var at = Episodes.InstantOf(on) < cw3.StartedAt ? cw3.StartedAt : Episodes.InstantOf(on);
            var stopped = await clocks.StopClockAsync(cw3.Id, at, Episodes.Blank(reasonForLateness), context, cancellationToken);
            if (!stopped.Succeeded)
            {
                return Field(stopped.Errors, "VisitedOn");
            }
        }

        assessment.FirstVisitOn = on;
        db.Record(new AssessmentChildVisited(assessment.Id, on), context);
        var entry = await chronology.StageAsync(new ChronologyEntryForm(
            assessment.PersonId, on, ChronologyEntryType.Assessment, null, "Child seen by the social worker for the assessment",
            IsSignificant: false, Source: Episodes.ChronologySource), context, cancellationToken);
        if (!entry.Succeeded)
        {
            return new ChangeResult<Assessment>(null, entry.Errors);
        }

        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult<Assessment>.Done(assessment);
    }

    /// <summary>A team manager authorises the assessment: its completion date (KPI 3); stops CW-1.</summary>
    public async Task<ChangeResult<Assessment>> AuthoriseAsync(Guid assessmentId, long version, AssessmentAuthorisationForm form, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(context);
        var assessment = await LoadAsync(assessmentId, version, cancellationToken);
        if (assessment is null)
        {
            return ChangeResult<Assessment>.Refused("", "This assessment no longer exists");
        }

        var episode = await db.CinEpisodes.SingleAsync(e => e.Id == assessment.EpisodeId, cancellationToken);
        var errors = new Dictionary<string, string>();
        if (assessment.IsCompleted)
        {
            errors[""] = "This assessment has already been authorised";
        }

        CheckDate(errors, nameof(form.AuthorisationDate), form.AuthorisationDate, assessment.StartDate, "the assessment was authorised", "the date it started", context);
        var factors = (form.Factors ?? []).Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f.Trim()).Distinct().ToList();
        if (factors.Count == 0)
        {
            errors[nameof(form.Factors)] = "Select the factors identified at assessment, or 'No factors identified'";
        }
        else if (!factors.All(CinCensusCodes.IsAssessmentFactor))
        {
            errors[nameof(form.Factors)] = "Select factors from the list";
        }
        else if (factors.Contains(NoFactorsCode) && factors.Count > 1)
        {
            errors[nameof(form.Factors)] = "'No factors identified' cannot be selected with other factors";
        }

        if (form.Outcome is not { } outcome || !Enum.IsDefined(outcome))
        {
            errors[nameof(form.Outcome)] = "Select the outcome of the assessment";
        }

        var need = Episodes.Blank(form.PrimaryNeed);
        if (episode.PrimaryNeed is null && !CinCensusCodes.IsPrimaryNeed(need))
        {
            errors[nameof(form.PrimaryNeed)] = "Select the child's primary need";
        }

        if (errors.Count > 0)
        {
            return new ChangeResult<Assessment>(null, errors);
        }

        var on = form.AuthorisationDate!.Value;
        if (await Episodes.RunningClockAsync(db, Episodes.SubjectType, episode.Id, Episodes.AssessmentRuleId, cancellationToken) is { } cw1)
        {
            var at = Episodes.InstantOf(on) < cw1.StartedAt ? cw1.StartedAt : Episodes.InstantOf(on);
            var stopped = await clocks.StopClockAsync(cw1.Id, at, Episodes.Blank(form.ReasonForLateness), context, cancellationToken);
            if (!stopped.Succeeded)
            {
                return Field(stopped.Errors, nameof(form.AuthorisationDate));
            }
        }

        foreach (var rule in new[] { Episodes.AllocationRuleId, Episodes.VisitRuleId })
        {
            if (await Episodes.RunningClockAsync(db, Episodes.AssessmentSubjectType, assessment.Id, rule, cancellationToken) is { } left)
            {
                await clocks.MarkNotRequiredAsync(left.Id, context.WithReason("The assessment was authorised"), cancellationToken);
            }
        }

        assessment.AuthorisationDate = on;
        assessment.Factors = string.Join(' ', CinCensusCodes.AssessmentFactors.Select(f => f.Code).Where(factors.Contains));
        assessment.Outcome = form.Outcome;
        if (episode.PrimaryNeed is null)
        {
            episode.PrimaryNeed = need;
        }

        db.Record(new AssessmentAuthorised(assessment.Id, episode.Id, on, assessment.Factors, form.Outcome!.Value), context);
        var entry = await chronology.StageAsync(new ChronologyEntryForm(
            assessment.PersonId, on, ChronologyEntryType.Assessment, null, $"Child and family assessment completed: {Describe(form.Outcome.Value)}",
            IsSignificant: true, Source: Episodes.ChronologySource), context, cancellationToken);
        if (!entry.Succeeded)
        {
            return new ChangeResult<Assessment>(null, entry.Errors);
        }

        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult<Assessment>.Done(assessment);
    }

    public static string Describe(AssessmentOutcome outcome) => outcome switch
    {
        AssessmentOutcome.NoFurtherAction => "No further action",
        AssessmentOutcome.EarlyHelp => "Early help",
        AssessmentOutcome.ChildInNeedPlan => "Child in need plan",
        AssessmentOutcome.StrategyDiscussion => "Strategy discussion",
        AssessmentOutcome.LookedAfter => "Looked after",
        _ => outcome.ToString(),
    };

    /// <summary>Active social workers and team managers of the signed-in partnership, by name: who an assessment can be allocated to.</summary>
    public Task<List<User>> SocialWorkersAsync(Guid partnershipId, CancellationToken cancellationToken = default) =>
        SocialWorkers(partnershipId).OrderBy(u => u.DisplayName).ToListAsync(cancellationToken);

    private async Task<bool> IsSocialWorkerAsync(Guid userId, Guid partnershipId, CancellationToken cancellationToken) =>
        await SocialWorkers(partnershipId).AnyAsync(u => u.Id == userId, cancellationToken);

    // Users are not tenant-filtered (sign-in finds them first), so the partnership is explicit.
    private IQueryable<User> SocialWorkers(Guid partnershipId)
    {
        string[] roles = [Roles.SocialWorker, Roles.TeamManager];
        return db.Users.AsNoTracking().Where(u => u.IsActive && u.PartnershipId == partnershipId
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))));
    }

    private async Task<Assessment?> LoadAsync(Guid assessmentId, long version, CancellationToken cancellationToken)
    {
        var assessment = await db.Assessments.SingleOrDefaultAsync(a => a.Id == assessmentId, cancellationToken);
        if (assessment is not null)
        {
            Episodes.ExpectVersion(db, assessment, assessmentId, version);
        }

        return assessment;
    }

    internal static void CheckDate(Dictionary<string, string> errors, string field, DateOnly? date, DateOnly earliest, string what, string earliestName, ProcessContext context)
    {
        if (date is not { } value)
        {
            errors[field] = $"Enter the date {what}";
        }
        else if (Episodes.IsInFuture(value, context))
        {
            errors[field] = $"The date {what} must be today or in the past";
        }
        else if (value < earliest)
        {
            errors[field] = $"The date {what} must be on or after {earliestName}, {Episodes.Format(earliest)}";
        }
    }

    /// <summary>A clock's refusal, keyed to the page's field (a lateness reason keeps its own key).</summary>
    internal static ChangeResult<Assessment> Field(IReadOnlyDictionary<string, string> errors, string dateField) =>
        new(null, errors.ToDictionary(e => e.Key == "StoppedAt" ? dateField : e.Key, e => e.Value));
}
