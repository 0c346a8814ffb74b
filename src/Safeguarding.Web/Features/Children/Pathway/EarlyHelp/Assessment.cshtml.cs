using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Pathway.EarlyHelp;

/// <summary>Record the early help assessment (or add its completion date later): Annex A list 2's facts and the lead practitioner.</summary>
public sealed class AssessmentModel(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor, EarlyHelpRecording recording)
    : EarlyHelpPage(db, authorization, actor)
{
    [BindProperty]
    public DateOnly? StartDate { get; set; }

    [BindProperty]
    public DateOnly? CompletedDate { get; set; }

    [BindProperty]
    public Guid? AssessingAgencyId { get; set; }

    [BindProperty]
    public string? LeadPractitionerName { get; set; }

    [BindProperty]
    public Guid? LeadPractitionerAgencyId { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid child, Guid episode, CancellationToken cancellationToken)
    {
        var shown = await ShowFormAsync(child, episode, "Record an early help assessment", cancellationToken);
        if (Episode is { } e)
        {
            (StartDate, CompletedDate, AssessingAgencyId, LeadPractitionerName, LeadPractitionerAgencyId) =
                (e.AssessmentStartDate, e.AssessmentCompletedDate, e.AssessingAgencyId, e.LeadPractitionerName, e.LeadPractitionerAgencyId);
        }

        return shown;
    }

    public Task<IActionResult> OnPostAsync(Guid child, Guid episode, CancellationToken cancellationToken) =>
        RecordAsync(
            child,
            episode,
            (version, context) => recording.RecordAssessmentAsync(
                episode, version, new EarlyHelpAssessmentForm(StartDate, CompletedDate, AssessingAgencyId, LeadPractitionerName, LeadPractitionerAgencyId), context, cancellationToken),
            CompletedDate is null ? "Early help assessment recorded" : "Early help assessment recorded as completed",
            cancellationToken);
}
