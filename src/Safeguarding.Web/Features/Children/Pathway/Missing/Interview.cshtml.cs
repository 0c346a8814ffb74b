using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Web.Access;
using Safeguarding.Web.Features.Learning.SeriousIncidents;

namespace Safeguarding.Web.Features.Children.Pathway.Missing;

/// <summary>
/// The return home interview: the offer stops CW-12 (late needs a reason); whether the child
/// accepted it and when it was done can be added later on the same page.
/// </summary>
[Authorize(Policy = AccessPolicies.PathwayRecord)]
public sealed class InterviewModel(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor, MissingEpisodeRecording recording)
    : LookedAfterPage(db, authorization, actor)
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        [nameof(ReturnInterviewForm.OfferedAt)] = nameof(OfferedDate),
        [nameof(ReturnInterviewForm.CompletedAt)] = nameof(CompletedDate),
    };

    public MissingEpisode Episode { get; private set; } = null!;

    /// <summary>When the interview is due (72 hours after the return), while CW-12 is running.</summary>
    public DateTimeOffset? DueAt { get; private set; }

    [BindProperty]
    public long Version { get; set; }

    [BindProperty]
    [Display(Name = "Date the interview was offered")]
    public DateOnly? OfferedDate { get; set; }

    [BindProperty]
    public string? OfferedTime { get; set; }

    /// <summary>"true", "false", or empty while the child has not answered.</summary>
    [BindProperty]
    public string? Accepted { get; set; }

    [BindProperty]
    [Display(Name = "Date the interview was completed")]
    public DateOnly? CompletedDate { get; set; }

    [BindProperty]
    public string? CompletedTime { get; set; }

    [BindProperty]
    public string? ReasonLate { get; set; }

    public string ListUrl => $"/children/{Child.Id}/pathway/missing";

    public async Task<IActionResult> OnGetAsync(Guid child, Guid episode, CancellationToken cancellationToken)
    {
        if (await LoadAsync(child, episode, "Record a return home interview", cancellationToken) is { } refused)
        {
            return refused;
        }

        Version = Episode.Version;
        (OfferedDate, OfferedTime) = Split(Episode.InterviewOfferedAt);
        (CompletedDate, CompletedTime) = Split(Episode.InterviewCompletedAt);
        Accepted = Episode.InterviewAccepted switch { true => "true", false => "false", _ => "" };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid child, Guid episode, CancellationToken cancellationToken)
    {
        if (await LoadAsync(child, episode, null, cancellationToken) is { } refused)
        {
            return refused;
        }

        var offeredAt = LondonTimeInput.Combine(OfferedDate, OfferedTime, nameof(OfferedTime), ModelState, "the interview was offered");
        var completedAt = LondonTimeInput.Combine(CompletedDate, CompletedTime, nameof(CompletedTime), ModelState, "the interview was completed");
        bool? accepted = Accepted switch { "true" => true, "false" => false, _ => null };
        var result = await recording.InterviewAsync(episode, Version, new ReturnInterviewForm(offeredAt, accepted, completedAt, ReasonLate), Actor.Current(), cancellationToken);
        if (result.Succeeded && ModelState.IsValid)
        {
            return SavedTo(ListUrl, "Return home interview recorded");
        }

        // A time that could not be read is already named on its time field.
        AddRefusals(result.Errors.Where(e => !(e.Key == nameof(ReturnInterviewForm.OfferedAt) && BinderRefused(nameof(OfferedTime)))).ToDictionary(), Fields);
        if (result.Errors.ContainsKey(ChildProtection.ChangedElsewhere))
        {
            await LoadAsync(child, episode, null, cancellationToken);
            Version = Episode.Version;
        }

        return Page();
    }

    private static (DateOnly? Date, string? Time) Split(DateTimeOffset? at) =>
        at is { } instant ? (LondonTime.DateOf(instant), LondonTime.ToLondon(instant).ToString("HH:mm", CultureInfo.InvariantCulture)) : (null, null);

    private async Task<IActionResult?> LoadAsync(Guid child, Guid episode, string? purpose, CancellationToken cancellationToken)
    {
        if (await OpenChildAsync(child, purpose, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (await Db.MissingEpisodes.AsNoTracking().SingleOrDefaultAsync(m => m.Id == episode && ChildIds.Contains(m.PersonId), cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Episode = found;
        DueAt = await Db.Clocks.AsNoTracking()
            .Where(c => c.SubjectType == MissingEpisodeRecording.SubjectType && c.SubjectId == episode && c.RuleId == MissingEpisodeRecording.ReturnHomeInterviewRuleId && c.StoppedAt == null && !c.NotRequired)
            .Select(c => (DateTimeOffset?)c.DueAt).FirstOrDefaultAsync(cancellationToken);
        return null;
    }
}
