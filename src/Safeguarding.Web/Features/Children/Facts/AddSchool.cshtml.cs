using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguarding.Core.Access;
using Safeguarding.Core.Children;
using Safeguarding.Core.Data;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Facts;

public sealed class AddSchoolModel(SafeguardingDbContext db, IAuthorizationService authorization, PersonFactsRecording facts, ActorContext actor)
    : ChildFactPage(db, authorization)
{
    [BindProperty]
    public Guid? SchoolId { get; set; }

    [BindProperty]
    public DateOnly? From { get; set; }

    public IReadOnlyList<AgencyChoice> Schools { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await OpenChildAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        Schools = await AgenciesAsync(a => a.Where(s => s.Type == AgencyType.School), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await OpenChildAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        Schools = await AgenciesAsync(a => a.Where(s => s.Type == AgencyType.School), cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await facts.AddSchoolAsync(id, new SchoolDetails(SchoolId, From), User.AgencyId(), actor.Current(), cancellationToken);
        return Outcome(result, "School or setting added");
    }
}
