using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguarding.Core.Children;
using Safeguarding.Core.Data;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Facts;

public sealed class AddIdentifierModel(SafeguardingDbContext db, IAuthorizationService authorization, PersonFactsRecording facts, ActorContext actor)
    : ChildFactPage(db, authorization)
{
    [BindProperty]
    public PersonIdentifierType? Type { get; set; }

    [BindProperty]
    public string? Value { get; set; }

    [BindProperty]
    public Guid? IssuingAgencyId { get; set; }

    public IReadOnlyList<AgencyChoice> Agencies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await OpenChildAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        // Most often the identifier is the user's own agency's.
        IssuingAgencyId = User.AgencyId();
        Agencies = await AgenciesAsync(a => a, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await OpenChildAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        Agencies = await AgenciesAsync(a => a, cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await facts.AddIdentifierAsync(id, new IdentifierDetails(Type, Value, IssuingAgencyId), actor.Current(), cancellationToken);
        return Outcome(result, $"{ChildRecordFacts.Describe(Type ?? PersonIdentifierType.Other)} added");
    }
}
