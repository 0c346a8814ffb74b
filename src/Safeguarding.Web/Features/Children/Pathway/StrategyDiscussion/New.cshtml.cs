using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Pathway.StrategyDiscussion;

/// <summary>One row of the attendees list.</summary>
public sealed class AttendeeRow
{
    public Guid? AgencyId { get; set; }

    public string? Name { get; set; }

    public string? Role { get; set; }
}

/// <summary>Records a strategy discussion on an open episode; agreeing a section 47 enquiry opens it.</summary>
public sealed class NewModel(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor, StrategyDiscussionRecording recording)
    : ChildProtectionPage(db, authorization, actor)
{
    public const int FirstRows = 3;
    public const int MostRows = 20;

    public CinEpisode Episode { get; private set; } = null!;

    [BindProperty]
    public long Version { get; set; }

    [BindProperty]
    [Display(Name = "Date of the strategy discussion")]
    public DateOnly? HeldOn { get; set; }

    [BindProperty]
    public List<AttendeeRow> Attendees { get; set; } = [];

    /// <summary>How many rows the form showed: a browser leaves out nothing, but rows are kept even if it did.</summary>
    [BindProperty]
    public int Rows { get; set; }

    [BindProperty]
    public bool? Section47Agreed { get; set; }

    [BindProperty]
    [Display(Name = "Date the enquiry started")]
    public DateOnly? Section47StartDate { get; set; }

    [BindProperty]
    public string? Rationale { get; set; }

    [BindProperty]
    public string? Actions { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid child, Guid episode, CancellationToken cancellationToken)
    {
        if (await LoadAsync(child, episode, cancellationToken) is { } refused)
        {
            return refused;
        }

        Version = Episode.Version;
        Attendees = [.. Enumerable.Range(0, FirstRows).Select(_ => new AttendeeRow())];
        await AuditViewAsync("Record a strategy discussion", cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid child, Guid episode, string? add, CancellationToken cancellationToken)
    {
        if (await LoadAsync(child, episode, cancellationToken) is { } refused)
        {
            return refused;
        }

        while (Attendees.Count < Math.Min(Math.Max(Rows, FirstRows), MostRows))
        {
            Attendees.Add(new AttendeeRow());
        }

        if (add is not null)
        {
            KeepTypingWithoutErrors();
            if (Attendees.Count < MostRows)
            {
                Attendees.Add(new AttendeeRow());
            }

            return Page();
        }

        var form = new StrategyDiscussionForm(
            HeldOn,
            Attendees.Select(a => new StrategyAttendeeForm(a.AgencyId, a.Name, a.Role)).ToList(),
            Section47Agreed,
            Rationale,
            Actions,
            Section47Agreed == true ? Section47StartDate : null);
        var result = await recording.RecordAsync(episode, Version, form, Actor.Current(), cancellationToken);
        if (result.Succeeded)
        {
            return Saved(result.Value!.Enquiry is { } enquiry
                ? $"Strategy discussion recorded: section 47 enquiry started. The initial conference is due by {Date(enquiry.InitialConferenceTarget)}"
                : "Strategy discussion recorded: no section 47 enquiry");
        }

        AddErrors(result.Errors);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid child, Guid episode, CancellationToken cancellationToken)
    {
        if (await OpenChildAsync(child, cancellationToken) is { } refused)
        {
            return refused;
        }

        var found = await Db.CinEpisodes.AsNoTracking().SingleOrDefaultAsync(e => e.Id == episode, cancellationToken);
        if (found is null || !await BelongsToChildAsync(found.PersonId, cancellationToken))
        {
            return NotFound();
        }

        Episode = found;
        await LoadAgenciesAsync(cancellationToken);
        return null;
    }
}
