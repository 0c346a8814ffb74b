using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Pathway.Conference;

/// <summary>
/// The initial child protection conference an enquiry called. The answers are checked here, then
/// shown on the check-your-answers page: saving starts the plan and its clocks, so it is confirmed first.
/// </summary>
public sealed class InitialModel(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor, InitialConferenceRecording recording)
    : ConferencePage(db, authorization, actor)
{
    public Section47Enquiry Enquiry { get; private set; } = null!;

    public DateOnly DiscussionDate { get; private set; }

    /// <summary>Why no conference can be recorded for this enquiry, if so.</summary>
    public string? NotOpen { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid child, Guid enquiry, CancellationToken cancellationToken)
    {
        if (await LoadAsync(child, enquiry, cancellationToken) is { } refused)
        {
            return refused;
        }

        Version = Enquiry.Version;
        if (InitialAnswers.Peek(TempData, enquiry) is { } answers && answers.Version == Enquiry.Version)
        {
            (HeldOn, Chair, Attendance, Decision, CategoryOfAbuse, ReasonLate) =
                (answers.HeldOn, answers.Chair, answers.Attendance, answers.Decision, answers.CategoryOfAbuse, answers.ReasonLate);
        }

        StartRows();
        await AuditViewAsync("Record an initial child protection conference", cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid child, Guid enquiry, string? add, CancellationToken cancellationToken)
    {
        if (await LoadAsync(child, enquiry, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (AddedRow(add))
        {
            return Page();
        }

        var errors = await recording.CheckAsync(enquiry, Version, ToForm(), Actor.Current(), cancellationToken);
        if (errors.Count > 0)
        {
            AddErrors(errors);
            StartRows();
            return Page();
        }

        var kept = Attendance.Where(r => r.AgencyId is not null || r.Involvement.Count > 0).ToList();
        new InitialAnswers(Version, HeldOn, Chair, kept, Decision, Decision == ConferenceDecision.PlanStarted ? CategoryOfAbuse : null, ReasonLate)
            .Keep(TempData, enquiry);
        return Redirect($"/children/{child}/pathway/section-47/{enquiry}/initial-conference/check-answers");
    }

    private async Task<IActionResult?> LoadAsync(Guid child, Guid enquiry, CancellationToken cancellationToken)
    {
        if (await OpenChildAsync(child, cancellationToken) is { } refused)
        {
            return refused;
        }

        var found = await Db.Section47Enquiries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == enquiry, cancellationToken);
        if (found is null || !await BelongsToChildAsync(found.PersonId, cancellationToken))
        {
            return NotFound();
        }

        Enquiry = found;
        DiscussionDate = await Db.StrategyDiscussions.AsNoTracking().Where(s => s.Id == found.StrategyDiscussionId).Select(s => s.HeldOn).SingleAsync(cancellationToken);
        NotOpen = found.InitialConferenceId is not null
            ? "The initial conference for this enquiry has already been recorded."
            : found.Outcome != Section47Outcome.ConferenceRequired
                ? "An initial conference is recorded once the enquiry's outcome is that a conference is required."
                : null;
        await LoadAgenciesAsync(cancellationToken);
        return null;
    }
}
