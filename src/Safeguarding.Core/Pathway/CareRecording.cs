using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Children;
using Safeguarding.Core.Chronology;
using Safeguarding.Core.Data;
using Safeguarding.Core.Timescales;

namespace Safeguarding.Core.Pathway;

/// <summary>What a social worker records when a child starts to be looked after; nullable where a person types or chooses it.</summary>
public sealed record CareStartForm(
    Guid PersonId,
    DateOnly? StartDate,
    string? LegalStatus,
    string? CategoryOfNeed,
    string? PlacementType,
    string? PlacementProvider,
    string? PlacementPostcode,
    string? HomePostcode,
    string? Urn,
    bool? UnaccompaniedAsylumSeeker,
    Guid? CinEpisodeId);

/// <summary>What changed for a looked-after child: the legal status, the placement, or both.</summary>
public enum CareChange
{
    LegalStatus,
    Placement,
    Both,
}

/// <summary>
/// A change of legal status and/or placement. The carer question only matters when the placement
/// changes: it decides between P and B (placement only) or T and U (both).
/// </summary>
public sealed record CareChangeForm(
    DateOnly? ChangeDate,
    CareChange? What,
    string? LegalStatus,
    bool? CarerChanged,
    string? PlacementType,
    string? PlacementProvider,
    string? PlacementPostcode,
    string? Urn,
    string? ReasonPlaceChange);

public sealed record CareEndForm(DateOnly? EndDate, string? EndReason);

/// <summary>
/// A child's period of care as SSDA903 episodes: it starts with an "S" episode (and the CW-9 clock for
/// the first review), each change of legal status or placement ends the current episode with X1 and
/// opens the next with the reason that says what changed, and the period ends with the reason care
/// ceased (the review clock is then not required). Changes are made against the period's version, so
/// two people changing the same child's care at once cannot both succeed.
/// </summary>
public sealed partial class CareRecording(SafeguardingDbContext db, ClockService clocks, ChildChronology chronology)
{
    public const string SubjectType = nameof(CarePeriod);
    public const string ChronologySource = "Pathway";

    /// <summary>First looked-after review: 20 working days from the child becoming looked after.</summary>
    public const string FirstReviewRuleId = "CW-9";

    /// <summary>Second review: 3 months after the first.</summary>
    public const string SecondReviewRuleId = "CW-10";

    /// <summary>Later reviews: 6 months after the previous one.</summary>
    public const string LaterReviewRuleId = "CW-11";

    public const string StartedReason = "S";
    public const string ContinuesReason = "X1";

    public static readonly IReadOnlyList<string> ReviewRuleIds = [FirstReviewRuleId, SecondReviewRuleId, LaterReviewRuleId];

    private const string PostcodeExample = "Enter a real postcode, like ZX1 4AB";

    private sealed record ValidStart(Person Child, DateOnly StartDate, string LegalStatus, string CategoryOfNeed, string PlacementType, string PlacementProvider,
        string PlacementPostcode, string HomePostcode, string? Urn, bool UnaccompaniedAsylumSeeker, Guid? CinEpisodeId);

    /// <summary>The check-your-answers step: the same rules as <see cref="StartAsync"/>, nothing saved.</summary>
    public async Task<IReadOnlyDictionary<string, string>> CheckStartAsync(CareStartForm form, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var (_, errors) = await ValidateStartAsync(form, context, cancellationToken);
        return errors;
    }

    public async Task<ChangeResult<CarePeriod>> StartAsync(CareStartForm form, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var (valid, errors) = await ValidateStartAsync(form, context, cancellationToken);
        if (valid is null)
        {
            return new ChangeResult<CarePeriod>(null, errors);
        }

        var period = new CarePeriod
        {
            Id = Guid.CreateVersion7(context.Now),
            PartnershipId = valid.Child.PartnershipId,
            PersonId = valid.Child.Id,
            CinEpisodeId = valid.CinEpisodeId,
            StartDate = valid.StartDate,
            IsUnaccompaniedAsylumSeeker = valid.UnaccompaniedAsylumSeeker,
            RecordedAt = context.Now,
            RecordedByUserId = context.UserId,
        };
        var episode = new CareEpisode
        {
            Id = Guid.CreateVersion7(context.Now),
            PartnershipId = period.PartnershipId,
            CarePeriodId = period.Id,
            PersonId = period.PersonId,
            StartDate = valid.StartDate,
            ReasonNewEpisode = StartedReason,
            LegalStatus = valid.LegalStatus,
            CategoryOfNeed = valid.CategoryOfNeed,
            PlacementType = valid.PlacementType,
            PlacementProvider = valid.PlacementProvider,
            PlacementPostcode = valid.PlacementPostcode,
            HomePostcode = valid.HomePostcode,
            Urn = valid.Urn,
        };
        db.CarePeriods.Add(period);
        db.CareEpisodes.Add(episode);
        db.Record(new CarePeriodStarted(period.Id, period.PersonId, episode.Id, period.StartDate, episode.LegalStatus, episode.CategoryOfNeed, episode.PlacementType, period.CinEpisodeId), context);

        // The first review is due 20 working days from the day the child became looked after.
        await clocks.StartClockAsync(new StartClock(FirstReviewRuleId, SubjectType, period.Id, ChildProtection.On(period.StartDate), context.UserId), context, cancellationToken);
        var summary = $"Started to be looked after: {Lower(LookedAfterCodes.LegalStatuses, episode.LegalStatus)}; placement: {Lower(LookedAfterCodes.PlacementTypes, episode.PlacementType)}";
        return await SaveWithEntryAsync(period, period.StartDate, summary, context, cancellationToken);
    }

    public async Task<ChangeResult<CareEpisode>> ChangeAsync(Guid periodId, long periodVersion, CareChangeForm form, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(context);
        var (period, refusal) = await LoadAsync<CareEpisode>(periodId, periodVersion, cancellationToken);
        if (period is null)
        {
            return refusal!;
        }

        var errors = new Dictionary<string, string>();
        var current = await CurrentEpisodeAsync(period, cancellationToken);
        if (!period.IsOpen || current is null)
        {
            return ChangeResult<CareEpisode>.Refused("", $"This period of care ended on {ChildProtection.Date(period.EndDate ?? period.StartDate)}: changes are recorded while the child is looked after");
        }

        var date = ChildProtection.PastDate(errors, nameof(form.ChangeDate), form.ChangeDate, "of the change", context);
        if (date < current.StartDate)
        {
            errors[nameof(form.ChangeDate)] = $"The date of the change must be on or after the current placement and legal status began, {ChildProtection.Date(current.StartDate)}";
        }

        if (form.What is not { } what)
        {
            errors[nameof(form.What)] = "Select what changed";
            return new ChangeResult<CareEpisode>(null, errors);
        }

        var legalStatus = current.LegalStatus;
        if (what is CareChange.LegalStatus or CareChange.Both)
        {
            legalStatus = Code(errors, nameof(form.LegalStatus), LookedAfterCodes.LegalStatuses, form.LegalStatus, "Select the new legal status") ?? legalStatus;
            if (!errors.ContainsKey(nameof(form.LegalStatus)) && legalStatus == current.LegalStatus)
            {
                errors[nameof(form.LegalStatus)] = $"The legal status is already {Lower(LookedAfterCodes.LegalStatuses, legalStatus)}: select the new one";
            }
        }

        var placement = (Type: current.PlacementType, Provider: current.PlacementProvider, Postcode: current.PlacementPostcode, current.Urn, Reason: (string?)null);
        var carerChanged = false;
        if (what is CareChange.Placement or CareChange.Both)
        {
            if (form.CarerChanged is null)
            {
                errors[nameof(form.CarerChanged)] = "Select whether the child's carer changed";
            }

            carerChanged = form.CarerChanged == true;
            placement = (
                Code(errors, nameof(form.PlacementType), LookedAfterCodes.PlacementTypes, form.PlacementType, "Select the new placement type") ?? current.PlacementType,
                Code(errors, nameof(form.PlacementProvider), LookedAfterCodes.PlacementProviders, form.PlacementProvider, "Select the placement provider"),
                Postcode(errors, nameof(form.PlacementPostcode), form.PlacementPostcode, "Enter the postcode of the new placement"),
                Urn(errors, nameof(form.Urn), form.Urn),
                Code(errors, nameof(form.ReasonPlaceChange), LookedAfterCodes.ReasonsPlaceChange, form.ReasonPlaceChange, "Select the reason the placement changed"));
        }

        if (errors.Count > 0)
        {
            return new ChangeResult<CareEpisode>(null, errors);
        }

        var on = date!.Value;
        var next = new CareEpisode
        {
            Id = Guid.CreateVersion7(context.Now),
            PartnershipId = period.PartnershipId,
            CarePeriodId = period.Id,
            PersonId = period.PersonId,
            StartDate = on,
            ReasonNewEpisode = ReasonNewEpisode(what, carerChanged),
            LegalStatus = legalStatus,
            CategoryOfNeed = current.CategoryOfNeed,
            PlacementType = placement.Type,
            PlacementProvider = placement.Provider,
            PlacementPostcode = placement.Postcode,
            HomePostcode = current.HomePostcode,
            Urn = placement.Urn,
            ReasonPlaceChange = placement.Reason,
        };
        current.EndDate = on;
        current.EndReason = ContinuesReason;
        db.CareEpisodes.Add(next);
        ChildProtection.Touch(db, period, periodVersion);
        db.Record(new CareEpisodeChanged(period.Id, period.PersonId, next.Id, current.Id, on, next.ReasonNewEpisode, next.LegalStatus, next.PlacementType, next.ReasonPlaceChange), context);
        var summary = what switch
        {
            CareChange.LegalStatus => $"Legal status changed: {Lower(LookedAfterCodes.LegalStatuses, next.LegalStatus)}",
            CareChange.Placement => $"Placement changed: {Lower(LookedAfterCodes.PlacementTypes, next.PlacementType)}",
            _ => $"Legal status and placement changed: {Lower(LookedAfterCodes.LegalStatuses, next.LegalStatus)}; {Lower(LookedAfterCodes.PlacementTypes, next.PlacementType)}",
        };
        var saved = await SaveWithEntryAsync(period, on, summary, context, cancellationToken);
        return saved.Succeeded ? ChangeResult<CareEpisode>.Done(next) : new ChangeResult<CareEpisode>(null, saved.Errors);
    }

    public async Task<ChangeResult<CarePeriod>> EndAsync(Guid periodId, long periodVersion, CareEndForm form, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(context);
        var (period, refusal) = await LoadAsync<CarePeriod>(periodId, periodVersion, cancellationToken);
        if (period is null)
        {
            return refusal!;
        }

        var current = await CurrentEpisodeAsync(period, cancellationToken);
        if (!period.IsOpen || current is null)
        {
            return ChangeResult<CarePeriod>.Refused("", $"This period of care already ended, on {ChildProtection.Date(period.EndDate ?? period.StartDate)}");
        }

        var errors = new Dictionary<string, string>();
        var date = ChildProtection.PastDate(errors, nameof(form.EndDate), form.EndDate, "care ended", context);
        var lastReview = await db.LookedAfterReviews.AsNoTracking().Where(r => r.CarePeriodId == period.Id)
            .OrderByDescending(r => r.HeldOn).Select(r => (DateOnly?)r.HeldOn).FirstOrDefaultAsync(cancellationToken);
        if (date < current.StartDate)
        {
            errors[nameof(form.EndDate)] = $"The date care ended must be on or after the current placement and legal status began, {ChildProtection.Date(current.StartDate)}";
        }
        else if (lastReview is { } reviewed && date < reviewed)
        {
            errors[nameof(form.EndDate)] = $"The date care ended must be on or after the last looked-after review, {ChildProtection.Date(reviewed)}";
        }

        // X1 continues the period in a new episode: it is never why care ended.
        var reason = Code(errors, nameof(form.EndReason), LookedAfterCodes.EndReasons, form.EndReason == ContinuesReason ? null : form.EndReason, "Select why the child stopped being looked after");
        if (errors.Count > 0)
        {
            return new ChangeResult<CarePeriod>(null, errors);
        }

        var on = date!.Value;
        current.EndDate = on;
        current.EndReason = reason;
        period.EndDate = on;
        period.EndReason = reason;
        ChildProtection.Touch(db, period, periodVersion);

        // No review is due for a child who is no longer looked after (adopted children included).
        var running = await db.Clocks.Where(c => c.SubjectType == SubjectType && c.SubjectId == period.Id && c.StoppedAt == null && !c.NotRequired)
            .Select(c => c.Id).ToListAsync(cancellationToken);
        foreach (var clockId in running)
        {
            await clocks.MarkNotRequiredAsync(clockId, context.WithReason("The child stopped being looked after"), cancellationToken);
        }

        db.Record(new CarePeriodEnded(period.Id, period.PersonId, current.Id, on, reason!), context);
        return await SaveWithEntryAsync(period, on, $"Stopped being looked after: {Lower(LookedAfterCodes.EndReasons, reason)}", context, cancellationToken);
    }

    /// <summary>P, B, T or U from what changed and whether the carer did; L for legal status alone.</summary>
    public static string ReasonNewEpisode(CareChange what, bool carerChanged) => what switch
    {
        CareChange.LegalStatus => "L",
        CareChange.Placement => carerChanged ? "P" : "B",
        _ => carerChanged ? "T" : "U",
    };

    /// <summary>The period, tracked, at the version the person saw; or the refusal to give.</summary>
    internal async Task<(CarePeriod? Period, ChangeResult<T>? Refusal)> LoadAsync<T>(Guid periodId, long version, CancellationToken cancellationToken)
    {
        var period = await db.CarePeriods.SingleOrDefaultAsync(p => p.Id == periodId, cancellationToken);
        if (period is null)
        {
            return (null, ChangeResult<T>.Refused("", "This period of care no longer exists"));
        }

        return period.Version != version ? (null, ChildProtection.Stale<T>()) : (period, null);
    }

    private Task<CareEpisode?> CurrentEpisodeAsync(CarePeriod period, CancellationToken cancellationToken) =>
        db.CareEpisodes.Where(e => e.CarePeriodId == period.Id && e.EndDate == null).OrderByDescending(e => e.StartDate).FirstOrDefaultAsync(cancellationToken);

    private async Task<(ValidStart? Valid, IReadOnlyDictionary<string, string> Errors)> ValidateStartAsync(CareStartForm form, ProcessContext context, CancellationToken cancellationToken)
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
        var start = ChildProtection.PastDate(errors, nameof(form.StartDate), form.StartDate, "the child started to be looked after", context);
        var periods = await db.CarePeriods.AsNoTracking().Where(p => records.Contains(p.PersonId))
            .Select(p => new { p.StartDate, p.EndDate }).ToListAsync(cancellationToken);
        if (periods.FirstOrDefault(p => p.EndDate == null) is { } open)
        {
            errors[""] = $"{child.GivenName} {child.FamilyName} is already looked after, since {ChildProtection.Date(open.StartDate)}: record a change of placement or legal status on that period of care, or end it first";
        }
        else if (periods.Count > 0 && periods.Max(p => p.EndDate!.Value) is var lastEnded && start < lastEnded)
        {
            errors[nameof(form.StartDate)] = $"The date the child started to be looked after must be on or after the previous period of care ended, {ChildProtection.Date(lastEnded)}";
        }
        else if (child.DateOfBirth is { } born && start < born)
        {
            errors[nameof(form.StartDate)] = $"The date the child started to be looked after must be on or after their date of birth, {ChildProtection.Date(born)}";
        }

        var legalStatus = Code(errors, nameof(form.LegalStatus), LookedAfterCodes.LegalStatuses, form.LegalStatus, "Select the legal status");
        var need = Code(errors, nameof(form.CategoryOfNeed), LookedAfterCodes.CategoriesOfNeed, form.CategoryOfNeed, "Select the category of need");
        var placement = Code(errors, nameof(form.PlacementType), LookedAfterCodes.PlacementTypes, form.PlacementType, "Select the placement type");
        var provider = Code(errors, nameof(form.PlacementProvider), LookedAfterCodes.PlacementProviders, form.PlacementProvider, "Select the placement provider");
        var placementPostcode = Postcode(errors, nameof(form.PlacementPostcode), form.PlacementPostcode, "Enter the postcode of the placement");
        var homePostcode = Postcode(errors, nameof(form.HomePostcode), form.HomePostcode, "Enter the postcode of the child's home");
        var urn = Urn(errors, nameof(form.Urn), form.Urn);
        if (form.UnaccompaniedAsylumSeeker is null)
        {
            errors[nameof(form.UnaccompaniedAsylumSeeker)] = "Select whether the child is an unaccompanied asylum-seeking child";
        }

        if (form.CinEpisodeId is { } episodeId
            && !await db.CinEpisodes.AnyAsync(e => e.Id == episodeId && records.Contains(e.PersonId) && e.ClosureDate == null, cancellationToken))
        {
            errors[nameof(form.CinEpisodeId)] = "Select the child's open child in need episode, or none";
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new ValidStart(child, start!.Value, legalStatus!, need!, placement!, provider!, placementPostcode!, homePostcode!, urn, form.UnaccompaniedAsylumSeeker!.Value, form.CinEpisodeId), errors);
    }

    private async Task<ChangeResult<CarePeriod>> SaveWithEntryAsync(CarePeriod period, DateOnly on, string summary, ProcessContext context, CancellationToken cancellationToken)
    {
        var entry = await chronology.StageAsync(new ChronologyEntryForm(
            period.PersonId, on, ChronologyEntryType.Placement, null, summary, IsSignificant: true, Source: ChronologySource, SourceReference: period.Id.ToString()), context, cancellationToken);
        if (!entry.Succeeded)
        {
            db.ChangeTracker.Clear();
            return ChildProtection.RefusedBy<CarePeriod>(entry.Errors);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ChildProtection.Stale<CarePeriod>();
        }

        return ChangeResult<CarePeriod>.Done(period);
    }

    /// <summary>A code that must be chosen from its SSDA903 set.</summary>
    internal static string? Code(Dictionary<string, string> errors, string field, IReadOnlyList<CodeOption> set, string? value, string missing)
    {
        var code = ChildProtection.Blank(value);
        if (!LookedAfterCodes.IsIn(set, code))
        {
            errors[field] = missing;
            return null;
        }

        return code;
    }

    private static string? Postcode(Dictionary<string, string> errors, string field, string? value, string missing)
    {
        if (ChildProtection.Blank(value) is null)
        {
            errors[field] = missing;
            return null;
        }

        var postcode = PostcodeFormat.Normalise(value);
        if (postcode is null)
        {
            errors[field] = PostcodeExample;
        }

        return postcode;
    }

    /// <summary>Ofsted's unique reference number, when the placement has one (e.g. SC123456).</summary>
    private static string? Urn(Dictionary<string, string> errors, string field, string? value)
    {
        var urn = ChildProtection.Blank(value)?.ToUpperInvariant();
        if (urn is not null && !UrnPattern().IsMatch(urn))
        {
            errors[field] = "The URN must be letters and numbers only, 10 characters or fewer, like SC123456";
            return null;
        }

        return urn;
    }

    /// <summary>A code's label to follow a colon in a sentence: "full care order" (but "NHS or health trust establishment").</summary>
    internal static string Lower(IReadOnlyList<CodeOption> set, string? code) => LookedAfterCodes.LabelOf(set, code) is { Length: > 1 } label && char.IsLower(label[1])
        ? char.ToLowerInvariant(label[0]) + label[1..]
        : LookedAfterCodes.LabelOf(set, code);

    [GeneratedRegex("^[A-Z0-9]{1,10}$", RegexOptions.CultureInvariant)]
    private static partial Regex UrnPattern();
}
