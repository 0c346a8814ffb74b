using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Pathway.Conference;

/// <summary>Check your answers before the initial conference is saved (it may start a plan).</summary>
public sealed class InitialCheckModel(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor, InitialConferenceRecording recording)
    : ChildProtectionPage(db, authorization, actor)
{
    public InitialAnswers Answers { get; private set; } = null!;

    public string FormUrl { get; private set; } = "";

    public IReadOnlyDictionary<Guid, string> AgencyNames { get; private set; } = new Dictionary<Guid, string>();

    public async Task<IActionResult> OnGetAsync(Guid child, Guid enquiry, CancellationToken cancellationToken)
    {
        if (await LoadAsync(child, enquiry, cancellationToken) is { } refused)
        {
            return refused;
        }

        await AuditViewAsync("Check an initial child protection conference", cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid child, Guid enquiry, CancellationToken cancellationToken)
    {
        if (await LoadAsync(child, enquiry, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await recording.RecordAsync(enquiry, Answers.Version, Answers.ToForm(), Actor.Current(), cancellationToken);
        if (result.Succeeded)
        {
            InitialAnswers.Forget(TempData, enquiry);
            return Saved(result.Value!.Plan is { } plan
                ? $"Initial conference recorded: child protection plan started. The first core group and the first review are now due"
                    + (plan.IsRepeatWithinTwoYears ? ". This is a repeat plan within two years of a previous one" : "")
                : "Initial conference recorded: no child protection plan");
        }

        // The answers were checked on the form; what fails now (someone else's change) is said above the answers.
        foreach (var message in result.Errors.Values.Distinct())
        {
            ModelState.AddModelError("", message);
        }

        return Page();
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

        FormUrl = $"/children/{child}/pathway/section-47/{enquiry}/initial-conference";
        if (InitialAnswers.Peek(TempData, enquiry) is not { } answers)
        {
            return Redirect(FormUrl);
        }

        Answers = answers;
        var ids = answers.Attendance.Where(a => a.AgencyId is not null).Select(a => a.AgencyId!.Value).ToList();
        AgencyNames = await Db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        return null;
    }
}
