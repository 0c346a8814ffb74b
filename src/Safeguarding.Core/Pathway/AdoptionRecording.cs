using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Chronology;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.Pathway;

/// <summary>The steps after the decision to place for adoption, in the order they usually come.</summary>
public enum AdoptionMilestone
{
    /// <summary>The court's authority to place (placement order or consent).</summary>
    PlacementOrder,

    /// <summary>Matched with the adopters (SSDA903 DATE_MATCH), who they are recorded with it.</summary>
    Match,

    /// <summary>The child moved in with the adoptive family.</summary>
    Placed,

    /// <summary>The child is no longer to be placed for adoption (SSDA903 DATE_PLACED_CEASED, RD1 to RD4).</summary>
    Ceased,
}

/// <summary>A step on the route to adoption; the adopters are asked with the match, the reason with ceasing.</summary>
public sealed record AdoptionMilestoneForm(
    AdoptionMilestone? Milestone,
    DateOnly? Date,
    int? NumberOfAdopters = null,
    string? AdopterSex = null,
    string? AdopterLegalStatus = null,
    bool? AdoptedByFosterCarers = null,
    string? CeasedReason = null);

/// <summary>
/// A looked-after child's route to adoption (SSDA903 AD1, placed for adoption): one record per care
/// period, from the decision that the child should be placed. Each step is on or after the one it
/// follows, and none is in the future; once the plan has ceased, nothing more is recorded on it.
/// </summary>
public sealed class AdoptionRecording(SafeguardingDbContext db, ChildChronology chronology)
{
    public const string SubjectType = nameof(AdoptionRecord);

    private static readonly HashSet<string> SingleAdopterSexes = ["M1", "F1"];
    private static readonly HashSet<string> SingleAdopterStatuses = ["L0", "L3", "L4"];

    public async Task<ChangeResult<AdoptionRecord>> DecideAsync(Guid carePeriodId, DateOnly? decisionDate, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var period = await db.CarePeriods.AsNoTracking().SingleOrDefaultAsync(p => p.Id == carePeriodId, cancellationToken);
        if (period is null)
        {
            return ChangeResult<AdoptionRecord>.Refused("", "This period of care no longer exists");
        }

        var existing = await db.AdoptionRecords.AsNoTracking().Where(a => a.CarePeriodId == carePeriodId).Select(a => (DateOnly?)a.DecisionDate).FirstOrDefaultAsync(cancellationToken);
        if (existing is { } decided)
        {
            // Someone else recorded it since the page was opened.
            return ChangeResult<AdoptionRecord>.Refused(ChildProtection.ChangedElsewhere,
                $"The decision to place for adoption is already recorded for this period of care, {ChildProtection.Date(decided)}");
        }

        var errors = new Dictionary<string, string>();
        var date = ChildProtection.PastDate(errors, "DecisionDate", decisionDate, "of the decision", context);
        if (date < period.StartDate)
        {
            errors["DecisionDate"] = $"The decision must be on or after the child started to be looked after, {ChildProtection.Date(period.StartDate)}";
        }
        else if (period.EndDate is { } ended && date > ended)
        {
            errors["DecisionDate"] = $"The decision must be on or before the child stopped being looked after, {ChildProtection.Date(ended)}";
        }

        if (errors.Count > 0)
        {
            return new ChangeResult<AdoptionRecord>(null, errors);
        }

        var record = new AdoptionRecord
        {
            Id = Guid.CreateVersion7(context.Now),
            PartnershipId = period.PartnershipId,
            PersonId = period.PersonId,
            CarePeriodId = period.Id,
            DecisionDate = date!.Value,
        };
        db.AdoptionRecords.Add(record);
        db.Record(new AdoptionDecisionRecorded(record.Id, period.Id, period.PersonId, record.DecisionDate), context);
        return await SaveAsync(record, record.DecisionDate, ChronologyEntryType.Plan, "Decision that the child should be placed for adoption", context, cancellationToken);
    }

    public async Task<ChangeResult<AdoptionRecord>> RecordAsync(Guid adoptionId, long version, AdoptionMilestoneForm form, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(context);
        var record = await db.AdoptionRecords.SingleOrDefaultAsync(a => a.Id == adoptionId, cancellationToken);
        if (record is null)
        {
            return ChangeResult<AdoptionRecord>.Refused("", "This adoption record no longer exists");
        }

        if (record.Version != version)
        {
            return ChildProtection.Stale<AdoptionRecord>();
        }

        if (record.CeasedDate is { } ceased)
        {
            return ChangeResult<AdoptionRecord>.Refused("", $"The child stopped being planned for adoption on {ChildProtection.Date(ceased)}: nothing more can be recorded on this plan");
        }

        var errors = new Dictionary<string, string>();
        if (form.Milestone is not { } milestone || !Enum.IsDefined(milestone))
        {
            errors[nameof(form.Milestone)] = "Select what you are recording";
            return new ChangeResult<AdoptionRecord>(null, errors);
        }

        if (RecordedOn(record, milestone) is { } already)
        {
            return ChangeResult<AdoptionRecord>.Refused("", $"{Describe(milestone)} is already recorded, {ChildProtection.Date(already)}");
        }

        var date = ChildProtection.PastDate(errors, nameof(form.Date), form.Date, DateWhat(milestone), context);
        var decision = ChildProtection.Date(record.DecisionDate);
        switch (milestone)
        {
            case AdoptionMilestone.PlacementOrder when date < record.DecisionDate:
                errors[nameof(form.Date)] = $"The placement order must be on or after the decision to place for adoption, {decision}";
                break;
            case AdoptionMilestone.Match when date < record.DecisionDate:
                errors[nameof(form.Date)] = $"The match must be on or after the decision to place for adoption, {decision}";
                break;
            case AdoptionMilestone.Placed when record.MatchDate is not { } matched:
                errors[""] = "Record the match with the adopters before the day the child moved in";
                break;
            case AdoptionMilestone.Placed when date < record.MatchDate:
                errors[nameof(form.Date)] = $"The day the child moved in must be on or after the match, {ChildProtection.Date(record.MatchDate!.Value)}";
                break;
            case AdoptionMilestone.Ceased:
                var latest = Latest(record);
                if (date < latest)
                {
                    errors[nameof(form.Date)] = latest == record.DecisionDate
                        ? $"The date the plan ceased must be on or after the decision to place for adoption, {decision}"
                        : $"The date the plan ceased must be on or after the last step recorded, {ChildProtection.Date(latest)}";
                }

                break;
        }

        if (milestone == AdoptionMilestone.Match)
        {
            Adopters(errors, form);
        }

        string? reason = null;
        if (milestone == AdoptionMilestone.Ceased)
        {
            reason = ChildProtection.Blank(form.CeasedReason);
            if (!LookedAfterCodes.IsIn(LookedAfterCodes.AdoptionCeasedReasons, reason))
            {
                errors[nameof(form.CeasedReason)] = "Select why the child is no longer to be placed for adoption";
            }
        }

        if (errors.Count > 0)
        {
            return new ChangeResult<AdoptionRecord>(null, errors);
        }

        var on = date!.Value;
        switch (milestone)
        {
            case AdoptionMilestone.PlacementOrder:
                record.PlacementOrderDate = on;
                break;
            case AdoptionMilestone.Match:
                record.MatchDate = on;
                record.NumberOfAdopters = form.NumberOfAdopters;
                record.AdopterSex = ChildProtection.Blank(form.AdopterSex);
                record.AdopterLegalStatus = ChildProtection.Blank(form.AdopterLegalStatus);
                record.AdoptedByFosterCarers = form.AdoptedByFosterCarers;
                break;
            case AdoptionMilestone.Placed:
                record.PlacedDate = on;
                break;
            default:
                record.CeasedDate = on;
                record.CeasedReason = reason;
                break;
        }

        ChildProtection.Touch(db, record, version);
        db.Record(new AdoptionMilestoneRecorded(record.Id, record.CarePeriodId, record.PersonId, milestone, on,
            record.NumberOfAdopters, record.AdopterSex, record.AdopterLegalStatus, record.AdoptedByFosterCarers, record.CeasedReason), context);
        var type = milestone == AdoptionMilestone.Placed ? ChronologyEntryType.Placement : ChronologyEntryType.Plan;
        return await SaveAsync(record, on, type, ChronologySummary(milestone), context, cancellationToken);
    }

    /// <summary>The steps that can still be recorded, in order; none once the plan has ceased.</summary>
    public static IReadOnlyList<AdoptionMilestone> Remaining(AdoptionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.CeasedDate is not null)
        {
            return [];
        }

        return Enum.GetValues<AdoptionMilestone>().Where(m => RecordedOn(record, m) is null && (m != AdoptionMilestone.Placed || record.MatchDate is not null)).ToList();
    }

    public static DateOnly? RecordedOn(AdoptionRecord record, AdoptionMilestone milestone)
    {
        ArgumentNullException.ThrowIfNull(record);
        return milestone switch
        {
            AdoptionMilestone.PlacementOrder => record.PlacementOrderDate,
            AdoptionMilestone.Match => record.MatchDate,
            AdoptionMilestone.Placed => record.PlacedDate,
            _ => record.CeasedDate,
        };
    }

    public static string Describe(AdoptionMilestone milestone) => milestone switch
    {
        AdoptionMilestone.PlacementOrder => "The placement order",
        AdoptionMilestone.Match => "The match with the adopters",
        AdoptionMilestone.Placed => "The day the child moved in",
        _ => "The end of the plan for adoption",
    };

    private static string DateWhat(AdoptionMilestone milestone) => milestone switch
    {
        AdoptionMilestone.PlacementOrder => "of the placement order",
        AdoptionMilestone.Match => "of the match",
        AdoptionMilestone.Placed => "the child moved in",
        _ => "the plan ceased",
    };

    private static string ChronologySummary(AdoptionMilestone milestone) => milestone switch
    {
        AdoptionMilestone.PlacementOrder => "Placement order made: authority to place for adoption",
        AdoptionMilestone.Match => "Matched with adopters",
        AdoptionMilestone.Placed => "Moved in with their adoptive family",
        _ => "No longer to be placed for adoption",
    };

    private static DateOnly Latest(AdoptionRecord record) =>
        new[] { record.DecisionDate, record.PlacementOrderDate ?? default, record.MatchDate ?? default, record.PlacedDate ?? default }.Max();

    /// <summary>The adopters as SSDA903 records them; one adopter is single in sex and legal status, two are a couple.</summary>
    private static void Adopters(Dictionary<string, string> errors, AdoptionMilestoneForm form)
    {
        if (form.NumberOfAdopters is not (1 or 2))
        {
            errors[nameof(form.NumberOfAdopters)] = "Select whether there is one adopter or two";
        }

        var sex = ChildProtection.Blank(form.AdopterSex);
        if (!LookedAfterCodes.IsIn(LookedAfterCodes.AdopterSexes, sex))
        {
            errors[nameof(form.AdopterSex)] = "Select the adopters' sex";
        }
        else if (form.NumberOfAdopters is { } n && (n == 1) != SingleAdopterSexes.Contains(sex!))
        {
            errors[nameof(form.AdopterSex)] = n == 1 ? "Select a single male or female adopter, as there is one adopter" : "Select a couple, as there are two adopters";
        }

        var status = ChildProtection.Blank(form.AdopterLegalStatus);
        if (!LookedAfterCodes.IsIn(LookedAfterCodes.AdopterLegalStatuses, status))
        {
            errors[nameof(form.AdopterLegalStatus)] = "Select the adopters' legal status";
        }
        else if (form.NumberOfAdopters is { } n && (n == 1) != SingleAdopterStatuses.Contains(status!))
        {
            errors[nameof(form.AdopterLegalStatus)] = n == 1 ? "Select a legal status for someone adopting alone, as there is one adopter" : "Select a legal status for a couple, as there are two adopters";
        }

        if (form.AdoptedByFosterCarers is null)
        {
            errors[nameof(form.AdoptedByFosterCarers)] = "Select yes if the child is being adopted by their foster carers";
        }
    }

    private async Task<ChangeResult<AdoptionRecord>> SaveAsync(AdoptionRecord record, DateOnly on, ChronologyEntryType type, string summary, ProcessContext context, CancellationToken cancellationToken)
    {
        var staged = await chronology.StageAsync(new ChronologyEntryForm(
            record.PersonId, on, type, null, summary, IsSignificant: true, Source: ChildProtection.ChronologySource, SourceReference: record.Id.ToString()), context, cancellationToken);
        if (!staged.Succeeded)
        {
            return ChildProtection.RefusedBy<AdoptionRecord>(staged.Errors);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent change, or a decision recorded for the same period at the same time (unique period).
            db.ChangeTracker.Clear();
            return ChildProtection.Stale<AdoptionRecord>();
        }

        return ChangeResult<AdoptionRecord>.Done(record);
    }
}
