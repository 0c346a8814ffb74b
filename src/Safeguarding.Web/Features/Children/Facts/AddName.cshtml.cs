using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguarding.Core.Children;
using Safeguarding.Core.Data;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Facts;

public sealed class AddNameModel(SafeguardingDbContext db, IAuthorizationService authorization, PersonFactsRecording facts, ActorContext actor)
    : ChildFactPage(db, authorization)
{
    [BindProperty]
    public string? GivenName { get; set; }

    [BindProperty]
    public string? FamilyName { get; set; }

    [BindProperty]
    public PersonNameKind? Kind { get; set; }

    [BindProperty]
    public DateOnly? From { get; set; }

    [BindProperty]
    public DateOnly? To { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await OpenChildAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await OpenChildAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await facts.AddNameAsync(id, new NameDetails(GivenName, FamilyName, Kind, From, To), User.AgencyId(), actor.Current(), cancellationToken);
        return Outcome(result, Kind == PersonNameKind.Current ? "Name changed. The old name is kept as a previous name" : "Name added");
    }
}
