using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Pathway.Adoption;

/// <summary>
/// A care period's route to adoption: what is recorded so far, and a form for the next step (the
/// decision when there is none yet), or to record that the plan has ceased. Anyone on the pathway may
/// read it; recording needs the pathway recording policy. Every view is audited.
/// </summary>
public sealed class ProgressModel(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor, AdoptionRecording recording)
    : LookedAfterPage(db, authorization, actor)
{
    public CarePeriod Period { get; private set; } = null!;

    public AdoptionRecord? Record { get; private set; }

    public IReadOnlyList<AdoptionMilestone> NextSteps { get; private set; } = [];

    public bool CanRecord { get; private set; }

    [BindProperty]
    public long Version { get; set; }

    [BindProperty]
    [Display(Name = "Date of the decision")]
    public DateOnly? DecisionDate { get; set; }

    [BindProperty]
    public AdoptionMilestone? Milestone { get; set; }

    [BindProperty]
    [Display(Name = "Date")]
    public DateOnly? Date { get; set; }

    [BindProperty]
    public int? NumberOfAdopters { get; set; }

    [BindProperty]
    public string? AdopterSex { get; set; }

    [BindProperty]
    public string? AdopterLegalStatus { get; set; }

    /// <summary>"true" or "false".</summary>
    [BindProperty]
    public string? AdoptedByFosterCarers { get; set; }

    [BindProperty]
    [Display(Name = "Date the plan ceased")]
    public DateOnly? CeasedDate { get; set; }

    [BindProperty]
    public string? CeasedReason { get; set; }

    public string CareUrl => $"/children/{Child.Id}/pathway/care";

    public string SelfUrl => $"/children/{Child.Id}/pathway/care/{Period.Id}/adoption";

    public async Task<IActionResult> OnGetAsync(Guid child, Guid period, CancellationToken cancellationToken)
    {
        if (await LoadAsync(child, period, "View adoption record", cancellationToken) is { } refused)
        {
            return refused;
        }

        Version = Record?.Version ?? 0;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid child, Guid period, CancellationToken cancellationToken)
    {
        if (await LoadAsync(child, period, null, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!CanRecord)
        {
            return Forbid();
        }

        ChangeResult<AdoptionRecord> result;
        Dictionary<string, string>? fields = null;
        if (Record is null)
        {
            result = await recording.DecideAsync(period, DecisionDate, Actor.Current(), cancellationToken);
        }
        else
        {
            var ceasing = Milestone == AdoptionMilestone.Ceased;
            bool? foster = AdoptedByFosterCarers switch { "true" => true, "false" => false, _ => null };
            var form = new AdoptionMilestoneForm(Milestone, ceasing ? CeasedDate : Date, NumberOfAdopters, AdopterSex, AdopterLegalStatus, foster, CeasedReason);
            result = await recording.RecordAsync(Record.Id, Version, form, Actor.Current(), cancellationToken);
            fields = ceasing ? new() { [nameof(AdoptionMilestoneForm.Date)] = nameof(CeasedDate) } : null;
        }

        if (result.Succeeded && ModelState.IsValid)
        {
            return SavedTo(SelfUrl, Record is null ? "Decision to place for adoption recorded" : $"{AdoptionRecording.Describe(Milestone!.Value)} recorded");
        }

        AddRefusals(result.Errors, fields);
        if (result.Errors.ContainsKey(ChildProtection.ChangedElsewhere))
        {
            // Show the record as it is now, at the version to try again from.
            await LoadAsync(child, period, null, cancellationToken);
            Version = Record?.Version ?? 0;
        }

        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid child, Guid period, string? purpose, CancellationToken cancellationToken)
    {
        if (await OpenChildAsync(child, purpose, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (await Db.CarePeriods.AsNoTracking().SingleOrDefaultAsync(p => p.Id == period && ChildIds.Contains(p.PersonId), cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Period = found;
        Record = await Db.AdoptionRecords.AsNoTracking().SingleOrDefaultAsync(a => a.CarePeriodId == period, cancellationToken);
        NextSteps = Record is null ? [] : AdoptionRecording.Remaining(Record).Where(m => m != AdoptionMilestone.Ceased).ToList();
        CanRecord = await CanRecordAsync();
        return null;
    }
}
