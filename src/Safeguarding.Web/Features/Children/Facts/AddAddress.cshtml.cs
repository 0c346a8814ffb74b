using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguarding.Core.Children;
using Safeguarding.Core.Data;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Facts;

public sealed class AddAddressModel(SafeguardingDbContext db, IAuthorizationService authorization, PersonFactsRecording facts, ActorContext actor)
    : ChildFactPage(db, authorization)
{
    [BindProperty]
    public string? AddressLine { get; set; }

    [BindProperty]
    public string? Town { get; set; }

    [BindProperty]
    public string? Postcode { get; set; }

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

        var result = await facts.AddAddressAsync(id, new AddressDetails(AddressLine, Town, Postcode, From, To), User.AgencyId(), actor.Current(), cancellationToken);
        return Outcome(result, To is null ? "Address added as where the child lives now" : "Earlier address added");
    }
}
