using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Chronology;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.Pathway;

/// <summary>What starts a child's early help; nullable where a person types or chooses it.</summary>
public sealed record EarlyHelpStartForm(Guid PersonId, DateOnly? StartDate, EarlyHelpRoute? Route, Guid? LocalityId, Guid? FromCinEpisodeId, Guid? ContactId = null);

/// <summary>The early help assessment: Annex A list 2's dates and organisation, and who leads the family's support.</summary>
public sealed record EarlyHelpAssessmentForm(DateOnly? StartDate, DateOnly? CompletedDate, Guid? AssessingAgencyId, string? LeadPractitionerName, Guid? LeadPractitionerAgencyId);

/// <summary>"Our Family Plan" agreed (started) or reviewed: the day, and when the next review is due.</summary>
public sealed record FamilyPlanForm(DateOnly? Date, DateOnly? NextReviewDue);

public sealed record EarlyHelpEndForm(DateOnly? EndDate, EarlyHelpEndReason? Reason);

public sealed record EarlyHelpStepUpForm(DateOnly? Date, Guid? CinEpisodeId);

/// <summary>
/// A child's early help: start (stepped down or a partner's own assessment), the assessment, "Our Family
/// Plan" and its reviews, and the end (needs met, stepped up to children's social care, ...). Every date
/// keeps to the order things happen in, one episode is open per child (merged records included), and
/// every change is made against the version the person saw.
/// </summary>
public sealed class EarlyHelpRecording(SafeguardingDbContext db, ChildChronology chronology)
{
    public const string SubjectType = nameof(EarlyHelpEpisode);

    /// <summary>A next review further ahead than this is almost always a mistyped year.</summary>
    public const int LongestMonthsToNextReview = 6;

    private sealed record ValidStart(Guid PartnershipId, Guid PersonId, DateOnly StartDate, EarlyHelpRoute Route, Guid? LocalityId, Guid? FromCinEpisodeId, Guid? ContactId);

    /// <summary>The check-your-answers step: the same rules as <see cref="StartAsync"/>, nothing saved.</summary>
    public async Task<IReadOnlyDictionary<string, string>> CheckStartAsync(EarlyHelpStartForm form, ProcessContext context, CancellationToken cancellationToken = default) =>
        (await ValidateStartAsync(form, context, cancellationToken)).Errors;

    public async Task<ChangeResult<EarlyHelpEpisode>> StartAsync(EarlyHelpStartForm form, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var (valid, errors) = await ValidateStartAsync(form, context, cancellationToken);
        if (valid is null)
        {
            return new ChangeResult<EarlyHelpEpisode>(null, errors);
        }

        var episode = new EarlyHelpEpisode
        {
            Id = Guid.CreateVersion7(context.Now),
            PartnershipId = valid.PartnershipId,
            PersonId = valid.PersonId,
            StartDate = valid.StartDate,
            Route = valid.Route,
            LocalityId = valid.LocalityId,
            FromCinEpisodeId = valid.FromCinEpisodeId,
            ContactId = valid.ContactId,
            RecordedAt = context.Now,
            RecordedByUserId = context.UserId,
        };
        db.EarlyHelpEpisodes.Add(episode);
        db.Record(new EarlyHelpStarted(episode.Id, episode.PersonId, episode.StartDate, episode.Route, episode.LocalityId, episode.FromCinEpisodeId, episode.ContactId), context);
        return await SaveAsync(episode, episode.StartDate, "Early help started: " + Describe(episode.Route).ToLowerInvariant(), context, cancellationToken);
    }

    /// <summary>Records the assessment, or corrects it (e.g. adds the completion date) while the episode is open.</summary>
    public async Task<ChangeResult<EarlyHelpEpisode>> RecordAssessmentAsync(Guid episodeId, long version, EarlyHelpAssessmentForm form, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(context);
        var (episode, refusal) = await LoadOpenAsync(episodeId, version, cancellationToken);
        if (episode is null)
        {
            return refusal!;
        }

        var errors = new Dictionary<string, string>();
        var start = ChildProtection.PastDate(errors, nameof(form.StartDate), form.StartDate, "the assessment started", context);
        if (start < episode.StartDate)
        {
            errors[nameof(form.StartDate)] = $"The date the assessment started must be on or after early help started, {ChildProtection.Date(episode.StartDate)}";
        }
        else if (start is { } s && episode.PlanStartDate is { } planStart && s > planStart)
        {
            errors[nameof(form.StartDate)] = $"The date the assessment started must be on or before Our Family Plan started, {ChildProtection.Date(planStart)}";
        }

        DateOnly? completed = null;
        if (form.CompletedDate is not null)
        {
            completed = ChildProtection.PastDate(errors, nameof(form.CompletedDate), form.CompletedDate, "the assessment was completed", context);
            if (start is { } began && completed < began)
            {
                errors[nameof(form.CompletedDate)] = $"The date the assessment was completed must be on or after it started, {ChildProtection.Date(began)}";
            }
        }
        else if (episode.AssessmentCompletedDate is not null)
        {
            errors[nameof(form.CompletedDate)] = $"The assessment is recorded as completed on {ChildProtection.Date(episode.AssessmentCompletedDate.Value)}: enter the date it was completed";
        }

        var agencies = await ActiveAgenciesAsync([form.AssessingAgencyId, form.LeadPractitionerAgencyId], cancellationToken);
        if (form.AssessingAgencyId is not { } assessing || !agencies.Contains(assessing))
        {
            errors[nameof(form.AssessingAgencyId)] = "Select the organisation completing the assessment";
        }

        var lead = ChildProtection.RequiredText(errors, nameof(form.LeadPractitionerName), form.LeadPractitionerName,
            "Enter the lead practitioner's name", "The lead practitioner's name", ChildProtection.LongestName);
        if (form.LeadPractitionerAgencyId is not { } leadAgency || !agencies.Contains(leadAgency))
        {
            errors[nameof(form.LeadPractitionerAgencyId)] = "Select the lead practitioner's agency";
        }

        if (errors.Count > 0)
        {
            return new ChangeResult<EarlyHelpEpisode>(null, errors);
        }

        var firstStart = episode.AssessmentStartDate is null;
        var firstCompletion = episode.AssessmentCompletedDate is null && completed is not null;
        episode.AssessmentStartDate = start;
        episode.AssessmentCompletedDate = completed;
        episode.AssessingAgencyId = form.AssessingAgencyId;
        episode.LeadPractitionerName = lead;
        episode.LeadPractitionerAgencyId = form.LeadPractitionerAgencyId;
        ChildProtection.Touch(db, episode, version);
        db.Record(new EarlyHelpAssessmentRecorded(episode.Id, episode.PersonId, start!.Value, completed, form.AssessingAgencyId!.Value, form.LeadPractitionerAgencyId!.Value), context);
        if (firstStart && !firstCompletion)
        {
            return await SaveAsync(episode, start.Value, "Early help assessment started", context, cancellationToken);
        }

        if (firstStart && await StageAsync(episode, start.Value, "Early help assessment started", context, cancellationToken) is { } refused)
        {
            return refused;
        }

        return firstCompletion
            ? await SaveAsync(episode, completed!.Value, "Early help assessment completed", context, cancellationToken)
            : await SaveAsync(episode, null, null, context, cancellationToken);
    }

    public async Task<ChangeResult<EarlyHelpEpisode>> StartPlanAsync(Guid episodeId, long version, FamilyPlanForm form, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(context);
        var (episode, refusal) = await LoadOpenAsync(episodeId, version, cancellationToken);
        if (episode is null)
        {
            return refusal!;
        }

        if (episode.AssessmentStartDate is not { } assessed)
        {
            return ChangeResult<EarlyHelpEpisode>.Refused("", "Record the early help assessment before Our Family Plan");
        }

        if (episode.HasPlan)
        {
            return ChangeResult<EarlyHelpEpisode>.Refused("", $"Our Family Plan already started, on {ChildProtection.Date(episode.PlanStartDate!.Value)}");
        }

        var errors = new Dictionary<string, string>();
        var start = ChildProtection.PastDate(errors, nameof(form.Date), form.Date, "Our Family Plan started", context);
        if (start < assessed)
        {
            errors[nameof(form.Date)] = $"The date Our Family Plan started must be on or after the assessment started, {ChildProtection.Date(assessed)}";
        }

        var next = NextReview(errors, form.NextReviewDue, start);
        if (errors.Count > 0)
        {
            return new ChangeResult<EarlyHelpEpisode>(null, errors);
        }

        episode.PlanStartDate = start;
        episode.PlanNextReviewDue = next;
        ChildProtection.Touch(db, episode, version);
        db.Record(new FamilyPlanStarted(episode.Id, episode.PersonId, start!.Value, next!.Value), context);
        return await SaveAsync(episode, start.Value, "Our Family Plan started", context, cancellationToken);
    }

    public async Task<ChangeResult<EarlyHelpEpisode>> ReviewPlanAsync(Guid episodeId, long version, FamilyPlanForm form, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(context);
        var (episode, refusal) = await LoadOpenAsync(episodeId, version, cancellationToken);
        if (episode is null)
        {
            return refusal!;
        }

        if (!episode.PlanIsActive)
        {
            return ChangeResult<EarlyHelpEpisode>.Refused("", episode.HasPlan ? "Our Family Plan has ended: it cannot be reviewed" : "Start Our Family Plan before reviewing it");
        }

        var errors = new Dictionary<string, string>();
        var held = ChildProtection.PastDate(errors, nameof(form.Date), form.Date, "of the review", context);
        var last = await LastReviewAsync(episode.Id, cancellationToken);
        if (held < episode.PlanStartDate)
        {
            errors[nameof(form.Date)] = $"The date of the review must be on or after Our Family Plan started, {ChildProtection.Date(episode.PlanStartDate!.Value)}";
        }
        else if (last is { } previous && held <= previous)
        {
            errors[nameof(form.Date)] = $"The date of the review must be after the last review, {ChildProtection.Date(previous)}";
        }

        var next = NextReview(errors, form.NextReviewDue, held);
        if (errors.Count > 0)
        {
            return new ChangeResult<EarlyHelpEpisode>(null, errors);
        }

        var review = new FamilyPlanReview
        {
            Id = Guid.CreateVersion7(context.Now),
            PartnershipId = episode.PartnershipId,
            EarlyHelpEpisodeId = episode.Id,
            PersonId = episode.PersonId,
            HeldOn = held!.Value,
            NextReviewDue = next!.Value,
        };
        db.FamilyPlanReviews.Add(review);
        episode.PlanNextReviewDue = next;
        ChildProtection.Touch(db, episode, version);
        db.Record(new FamilyPlanReviewed(review.Id, episode.Id, episode.PersonId, review.HeldOn, review.NextReviewDue), context);
        return await SaveAsync(episode, review.HeldOn, "Our Family Plan reviewed", context, cancellationToken);
    }

    public async Task<ChangeResult<EarlyHelpEpisode>> EndPlanAsync(Guid episodeId, long version, DateOnly? endDate, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (episode, refusal) = await LoadOpenAsync(episodeId, version, cancellationToken);
        if (episode is null)
        {
            return refusal!;
        }

        if (!episode.PlanIsActive)
        {
            return ChangeResult<EarlyHelpEpisode>.Refused("", episode.HasPlan ? $"Our Family Plan already ended, on {ChildProtection.Date(episode.PlanEndDate!.Value)}" : "Our Family Plan has not started");
        }

        var errors = new Dictionary<string, string>();
        var end = await NotBeforePlanAsync(errors, "EndDate", endDate, "Our Family Plan ended", episode, context, cancellationToken);
        if (errors.Count > 0)
        {
            return new ChangeResult<EarlyHelpEpisode>(null, errors);
        }

        EndPlan(episode, end!.Value, context);
        ChildProtection.Touch(db, episode, version);
        return await SaveAsync(episode, end.Value, "Our Family Plan ended", context, cancellationToken);
    }

    /// <summary>Ends early help for any reason but a step-up (which has its own page, with the referral it led to).</summary>
    public async Task<ChangeResult<EarlyHelpEpisode>> CloseAsync(Guid episodeId, long version, EarlyHelpEndForm form, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string>();
        if (form.Reason is not { } reason || !Enum.IsDefined(reason) || reason == EarlyHelpEndReason.SteppedUpToSocialCare)
        {
            errors[nameof(form.Reason)] = "Select why early help ended";
            reason = default;
        }

        return await EndAsync(episodeId, version, errors, nameof(form.EndDate), form.EndDate, "early help ended", reason, null, context, cancellationToken);
    }

    /// <summary>Early help ends because the child needs children's social care; the referral it led to is linked when recorded.</summary>
    public async Task<ChangeResult<EarlyHelpEpisode>> StepUpAsync(Guid episodeId, long version, EarlyHelpStepUpForm form, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string>();
        return await EndAsync(episodeId, version, errors, nameof(form.Date), form.Date, "of the step-up", EarlyHelpEndReason.SteppedUpToSocialCare, form.CinEpisodeId, context, cancellationToken);
    }

    public static string Describe(EarlyHelpRoute route) => route switch
    {
        EarlyHelpRoute.FrontDoorStepDown => "Stepped down from the front door",
        EarlyHelpRoute.AssessmentStepDown => "Stepped down after a social work assessment",
        EarlyHelpRoute.ClosureStepDown => "Stepped down when social care closed the case",
        EarlyHelpRoute.PartnerAssessment => "A partner agency's own early help assessment",
        _ => route.ToString(),
    };

    public static string Describe(EarlyHelpEndReason reason) => reason switch
    {
        EarlyHelpEndReason.NeedsMet => "Needs met",
        EarlyHelpEndReason.SteppedUpToSocialCare => "Stepped up to children's social care",
        EarlyHelpEndReason.ConsentWithdrawn => "The family withdrew their consent",
        EarlyHelpEndReason.MovedAway => "The family moved away",
        _ => reason.ToString(),
    };

    private async Task<ChangeResult<EarlyHelpEpisode>> EndAsync(
        Guid episodeId, long version, Dictionary<string, string> errors, string dateField, DateOnly? date, string what,
        EarlyHelpEndReason reason, Guid? cinEpisodeId, ProcessContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (episode, refusal) = await LoadOpenAsync(episodeId, version, cancellationToken);
        if (episode is null)
        {
            return refusal!;
        }

        var end = await NotBeforePlanAsync(errors, dateField, date, what, episode, context, cancellationToken);
        if (end is { } e && episode.AssessmentCompletedDate is { } completed && e < completed)
        {
            errors[dateField] = $"The date {what} must be on or after the assessment was completed, {ChildProtection.Date(completed)}";
        }

        if (cinEpisodeId is { } linked)
        {
            var records = await ChildProtection.RecordsOfChildAsync(db, episode.PersonId, cancellationToken);
            var referral = await db.CinEpisodes.AsNoTracking().Where(c => c.Id == linked && records.Contains(c.PersonId))
                .Select(c => (DateOnly?)c.ReferralDate).SingleOrDefaultAsync(cancellationToken);
            if (referral is null || referral < episode.StartDate)
            {
                errors[nameof(EarlyHelpStepUpForm.CinEpisodeId)] = "Select a referral made after early help started, or none";
            }
        }

        if (errors.Count > 0)
        {
            return new ChangeResult<EarlyHelpEpisode>(null, errors);
        }

        var on = end!.Value;
        if (episode.PlanIsActive)
        {
            // Early help ending ends the family's plan the same day.
            EndPlan(episode, on, context);
        }

        episode.EndDate = on;
        episode.EndReason = reason;
        episode.SteppedUpToCinEpisodeId = cinEpisodeId;
        ChildProtection.Touch(db, episode, version);
        db.Record(new EarlyHelpEnded(episode.Id, episode.PersonId, on, reason, cinEpisodeId), context);
        return await SaveAsync(episode, on, "Early help ended: " + Describe(reason).ToLowerInvariant(), context, cancellationToken);
    }

    private void EndPlan(EarlyHelpEpisode episode, DateOnly on, ProcessContext context)
    {
        episode.PlanEndDate = on;
        episode.PlanNextReviewDue = null;
        db.Record(new FamilyPlanEnded(episode.Id, episode.PersonId, on), context);
    }

    /// <summary>An end date: in the past, not before early help, its assessment, its plan or the plan's last review.</summary>
    private async Task<DateOnly?> NotBeforePlanAsync(Dictionary<string, string> errors, string field, DateOnly? date, string what, EarlyHelpEpisode episode, ProcessContext context, CancellationToken cancellationToken)
    {
        var end = ChildProtection.PastDate(errors, field, date, what, context);
        if (end is not { } e)
        {
            return null;
        }

        var last = await LastReviewAsync(episode.Id, cancellationToken);
        var (after, since) = last is { } reviewed ? ("the last review of Our Family Plan", reviewed)
            : episode.PlanStartDate is { } plan ? ("Our Family Plan started", plan)
            : episode.AssessmentStartDate is { } assessed ? ("the assessment started", assessed)
            : ("early help started", episode.StartDate);
        if (e < since)
        {
            errors[field] = $"The date {what} must be on or after {after}, {ChildProtection.Date(since)}";
        }

        return end;
    }

    private static DateOnly? NextReview(Dictionary<string, string> errors, DateOnly? next, DateOnly? from)
    {
        if (next is not { } due)
        {
            errors[nameof(FamilyPlanForm.NextReviewDue)] = "Enter the date the next review is due";
            return null;
        }

        if (from is { } day && due <= day)
        {
            errors[nameof(FamilyPlanForm.NextReviewDue)] = $"The next review must be due after {ChildProtection.Date(day)}";
        }
        else if (from is { } start && due > start.AddMonths(LongestMonthsToNextReview))
        {
            errors[nameof(FamilyPlanForm.NextReviewDue)] = $"The next review must be due within {LongestMonthsToNextReview} months, by {ChildProtection.Date(start.AddMonths(LongestMonthsToNextReview))}";
        }

        return due;
    }

    private Task<DateOnly?> LastReviewAsync(Guid episodeId, CancellationToken cancellationToken) =>
        db.FamilyPlanReviews.AsNoTracking().Where(r => r.EarlyHelpEpisodeId == episodeId)
            .OrderByDescending(r => r.HeldOn).Select(r => (DateOnly?)r.HeldOn).FirstOrDefaultAsync(cancellationToken);

    private async Task<HashSet<Guid>> ActiveAgenciesAsync(IEnumerable<Guid?> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Where(i => i is not null).Select(i => i!.Value).Distinct().ToList();
        return (await db.Agencies.AsNoTracking().Where(a => wanted.Contains(a.Id) && a.IsActive).Select(a => a.Id).ToListAsync(cancellationToken)).ToHashSet();
    }

    /// <summary>The episode, tracked, open and at the version the person saw; or the refusal to give.</summary>
    private async Task<(EarlyHelpEpisode? Episode, ChangeResult<EarlyHelpEpisode>? Refusal)> LoadOpenAsync(Guid episodeId, long version, CancellationToken cancellationToken)
    {
        var episode = await db.EarlyHelpEpisodes.SingleOrDefaultAsync(e => e.Id == episodeId, cancellationToken);
        if (episode is null)
        {
            return (null, ChangeResult<EarlyHelpEpisode>.Refused("", "This early help episode no longer exists"));
        }

        if (episode.Version != version)
        {
            return (null, ChildProtection.Stale<EarlyHelpEpisode>());
        }

        return episode.IsOpen
            ? (episode, null)
            : (null, ChangeResult<EarlyHelpEpisode>.Refused("", $"This early help ended on {ChildProtection.Date(episode.EndDate!.Value)}: start a new episode if the family needs early help again"));
    }

    private async Task<(ValidStart? Valid, IReadOnlyDictionary<string, string> Errors)> ValidateStartAsync(EarlyHelpStartForm form, ProcessContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(context);
        var child = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == form.PersonId && p.IsChild, cancellationToken);
        if (child is null)
        {
            return (null, new Dictionary<string, string> { [""] = "This child's record no longer exists" });
        }

        var errors = new Dictionary<string, string>();
        var records = await ChildProtection.RecordsOfChildAsync(db, child.Id, cancellationToken);
        var start = ChildProtection.PastDate(errors, nameof(form.StartDate), form.StartDate, "early help started", context);
        var episodes = await db.EarlyHelpEpisodes.AsNoTracking().Where(e => records.Contains(e.PersonId))
            .Select(e => new { e.StartDate, e.EndDate }).ToListAsync(cancellationToken);
        if (episodes.FirstOrDefault(e => e.EndDate == null) is { } open)
        {
            errors[""] = $"{child.GivenName} {child.FamilyName} already has early help, since {ChildProtection.Date(open.StartDate)}: record on that episode, or end it first";
        }
        else if (episodes.Count > 0 && episodes.Max(e => e.EndDate!.Value) is var lastEnded && start < lastEnded)
        {
            errors[nameof(form.StartDate)] = $"The date early help started must be on or after the previous early help ended, {ChildProtection.Date(lastEnded)}";
        }
        else if (child.DateOfBirth is { } born && start < born)
        {
            errors[nameof(form.StartDate)] = $"The date early help started must be on or after the child's date of birth, {ChildProtection.Date(born)}";
        }

        if (form.Route is not { } route || !Enum.IsDefined(route))
        {
            errors[nameof(form.Route)] = "Select how early help started";
            route = default;
        }

        if (form.LocalityId is { } localityId && !await db.Localities.AnyAsync(l => l.Id == localityId, cancellationToken))
        {
            errors[nameof(form.LocalityId)] = "Select the locality whose early help team supports the family, or none";
        }

        // Only a step-down from social care comes from a child in need episode, and it must be this child's.
        Guid? fromEpisode = route is EarlyHelpRoute.AssessmentStepDown or EarlyHelpRoute.ClosureStepDown ? form.FromCinEpisodeId : null;
        if (fromEpisode is { } episodeId)
        {
            var referral = await db.CinEpisodes.AsNoTracking().Where(e => e.Id == episodeId && records.Contains(e.PersonId))
                .Select(e => (DateOnly?)e.ReferralDate).SingleOrDefaultAsync(cancellationToken);
            if (referral is null)
            {
                errors[nameof(form.FromCinEpisodeId)] = "Select the child in need episode early help stepped down from, or none";
            }
            else if (start < referral)
            {
                errors[nameof(form.StartDate)] = $"The date early help started must be on or after the referral it stepped down from, {ChildProtection.Date(referral.Value)}";
            }
        }

        Guid? contact = route == EarlyHelpRoute.FrontDoorStepDown ? form.ContactId : null;
        if (contact is { } contactId && !await db.Contacts.AnyAsync(c => c.Id == contactId, cancellationToken))
        {
            errors[nameof(form.ContactId)] = "Select the front door contact early help stepped down from, or none";
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new ValidStart(child.PartnershipId, child.MergedIntoId ?? child.Id, start!.Value, route, form.LocalityId, fromEpisode, contact), errors);
    }

    private async Task<ChangeResult<EarlyHelpEpisode>?> StageAsync(EarlyHelpEpisode episode, DateOnly on, string summary, ProcessContext context, CancellationToken cancellationToken)
    {
        var entry = await chronology.StageAsync(new ChronologyEntryForm(
            episode.PersonId, on, ChronologyEntryType.EarlyHelp, null, summary, IsSignificant: false, Source: ChildProtection.ChronologySource, SourceReference: episode.Id.ToString()), context, cancellationToken);
        if (entry.Succeeded)
        {
            return null;
        }

        db.ChangeTracker.Clear();
        return ChildProtection.RefusedBy<EarlyHelpEpisode>(entry.Errors);
    }

    private async Task<ChangeResult<EarlyHelpEpisode>> SaveAsync(EarlyHelpEpisode episode, DateOnly? on, string? summary, ProcessContext context, CancellationToken cancellationToken)
    {
        if (on is { } day && summary is not null && await StageAsync(episode, day, summary, context, cancellationToken) is { } refused)
        {
            return refused;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ChildProtection.Stale<EarlyHelpEpisode>();
        }

        return ChangeResult<EarlyHelpEpisode>.Done(episode);
    }
}
