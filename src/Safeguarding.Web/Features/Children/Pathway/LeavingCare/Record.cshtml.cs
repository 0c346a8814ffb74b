using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Pathway.LeavingCare;

/// <summary>
/// Record (or correct) the OC3 answers for a birthday: first choose the birthday, then answer. A
/// birthday already recorded opens with its answers and the version to correct them from.
/// </summary>
[Authorize(Policy = AccessPolicies.PathwayRecord)]
public sealed class RecordModel(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor, TimeProvider clock, CareLeaverRecording recording)
    : LookedAfterPage(db, authorization, actor)
{
    public IReadOnlyList<BirthdayRow> Birthdays { get; private set; } = [];

    public bool WasLookedAfter { get; private set; }

    /// <summary>The birthday chosen, when it is one that can be recorded; null shows the choice.</summary>
    public BirthdayRow? Chosen { get; private set; }

    [BindProperty(SupportsGet = true)]
    public int? Age { get; set; }

    /// <summary>The version of the answers already recorded for this birthday, when there are some.</summary>
    [BindProperty]
    public long? Version { get; set; }

    [BindProperty]
    public string? InTouch { get; set; }

    [BindProperty]
    public string? Activity { get; set; }

    [BindProperty]
    public string? AccommodationType { get; set; }

    /// <summary>"true" suitable, "false" not suitable.</summary>
    [BindProperty]
    public string? AccommodationSuitable { get; set; }

    public string ListUrl => $"/children/{Child.Id}/pathway/leaving-care";

    public async Task<IActionResult> OnGetAsync(Guid child, CancellationToken cancellationToken)
    {
        if (await LoadAsync(child, "Record care leaver information", cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Age is not null && Chosen is null)
        {
            ModelState.AddModelError(nameof(Age), $"Select the birthday the information is about, from {CareLeaverRecording.YoungestAge} to {CareLeaverRecording.OldestAge}");
        }
        else if (Chosen?.Answers is { } answers)
        {
            Version = answers.Version;
            InTouch = answers.InTouch;
            Activity = answers.Activity;
            AccommodationType = answers.Accommodation.Length == 2 ? answers.Accommodation[..1] : CareLeaverRecording.UnknownAccommodation;
            AccommodationSuitable = answers.Accommodation.Length == 2 ? (LookedAfterCodes.IsSuitable(answers.Accommodation) ? "true" : "false") : null;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid child, CancellationToken cancellationToken)
    {
        if (await LoadAsync(child, null, cancellationToken) is { } refused)
        {
            return refused;
        }

        bool? suitable = AccommodationSuitable switch { "true" => true, "false" => false, _ => null };
        var result = await recording.RecordAsync(Child.Id, Version, new CareLeaverForm(Age, InTouch, Activity, AccommodationType, suitable), Actor.Current(), cancellationToken);
        if (result.Succeeded)
        {
            return SavedTo(ListUrl, $"Care leaver information for the {CareLeaverRecording.Ordinal(result.Value!.Age)} birthday recorded");
        }

        AddRefusals(result.Errors);
        if (result.Errors.ContainsKey(ChildProtection.ChangedElsewhere))
        {
            // Try again from what is recorded now.
            await LoadAsync(child, null, cancellationToken);
            Version = Chosen?.Answers?.Version;
        }

        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid child, string? purpose, CancellationToken cancellationToken)
    {
        if (await OpenChildAsync(child, purpose, cancellationToken) is { } refused)
        {
            return refused;
        }

        WasLookedAfter = await Db.CarePeriods.AnyAsync(p => ChildIds.Contains(p.PersonId), cancellationToken);
        var answers = await Db.CareLeaverContacts.AsNoTracking().Where(c => ChildIds.Contains(c.PersonId)).ToListAsync(cancellationToken);
        Birthdays = LeavingCareText.Birthdays(Child.DateOfBirth, LondonTime.DateOf(clock.GetUtcNow()), answers);
        Chosen = Birthdays.FirstOrDefault(b => b.Age == Age && b.Birthday is not null && !b.IsFuture);
        return null;
    }
}
