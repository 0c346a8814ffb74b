using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Pathway.Referrals;

/// <summary>Record a referral (a new child in need episode): the answers are checked, then confirmed on the next page.</summary>
[Authorize(Policy = AccessPolicies.PathwayRecord)]
public sealed class NewModel(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor, ReferralRecording referrals)
    : PathwayPage(db, authorization, actor)
{
    [BindProperty]
    public DateOnly? ReferralDate { get; set; }

    [BindProperty]
    public string? ReferralSource { get; set; }

    [BindProperty]
    public string? PrimaryNeed { get; set; }

    /// <summary>Coming back from the check page to change an answer: the answers come back with it.</summary>
    public async Task<IActionResult> OnGetAsync(Guid child, string? date, string? source, string? need, CancellationToken cancellationToken)
    {
        if (await OpenChildAsync(child, "Record a referral", cancellationToken) is { } refused)
        {
            return refused;
        }

        ReferralDate = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        (ReferralSource, PrimaryNeed) = (source, need);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid child, CancellationToken cancellationToken)
    {
        if (await OpenChildAsync(child, null, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await referrals.CheckAsync(new ReferralForm(child, ReferralDate, ReferralSource, PrimaryNeed), Actor.Current(), cancellationToken);
        if (result.Succeeded && ModelState.IsValid)
        {
            return Redirect(CheckAnswersModel.UrlFor(child, ReferralDate!.Value, ReferralSource!, PrimaryNeed));
        }

        AddErrors(result.Errors);
        return Page();
    }
}
